/// Maps byte offsets of a file to 1-based lines and columns (columns count Unicode scalars).
struct LineIndex: Sendable {
    /// Byte offset at which each line starts; `lineStarts[0] == 0`.
    private(set) var lineStarts: [Int]
    private let bytes: [UInt8]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        starts.reserveCapacity(bytes.count / 40 + 1)
        bytes.withUnsafeBufferPointer { buffer in
            for i in 0..<buffer.count where buffer[i] == 0x0A {
                starts.append(i + 1)
            }
        }
        lineStarts = starts
    }

    /// The 1-based line holding `offset`.
    func line(of offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low + 1
    }

    /// Line and column (1-based, column in Unicode scalars) of a byte offset.
    func location(of offset: Int) -> (line: Int, column: Int) {
        let clamped = max(0, min(offset, bytes.count))
        let line = line(of: clamped)
        let start = lineStarts[line - 1]
        var column = 1
        bytes.withUnsafeBufferPointer { buffer in
            var i = start
            while i < clamped {
                if buffer[i] & 0xC0 != 0x80 { column += 1 }
                i += 1
            }
        }
        return (line, column)
    }

    /// Byte offset of a 1-based line and 1-based byte column (as cmark reports them).
    func offset(line: Int, byteColumn: Int) -> Int {
        guard line >= 1 else { return 0 }
        guard line <= lineStarts.count else { return bytes.count }
        return min(bytes.count, lineStarts[line - 1] + max(0, byteColumn - 1))
    }

    /// The source range of bytes `start..<end`.
    func range(_ start: Int, _ end: Int) -> SourceRange {
        let a = location(of: start)
        let b = location(of: max(start, end))
        return SourceRange(line: a.line, column: a.column, endLine: b.line, endColumn: b.column, start: start, end: max(start, end))
    }
}
