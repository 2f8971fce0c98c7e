import Glibc

/// Maps byte offsets of a file to 1-based lines and columns (columns count Unicode scalars).
///
/// Columns cost at most a few thousand byte reads however long the line: the number
/// of scalars before every `checkpointStride`-th byte is kept, so a file that is one
/// 50 MB line with a million sentences is still placed in linear time.
struct LineIndex: Sendable {
    /// Byte offset at which each line starts; `lineStarts[0] == 0`.
    private(set) var lineStarts: [Int]
    private let bytes: [UInt8]
    /// `scalarCheckpoints[k]`: how many scalars start in `bytes[0 ..< k * checkpointStride]`.
    private let scalarCheckpoints: [Int]
    static let checkpointStride = 1024

    /// The index of `bytes`: line feeds found with `memchr`, and the scalars of each
    /// stride counted eight bytes at a time, in two tight passes.
    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        starts.reserveCapacity(bytes.count / 40 + 1)
        var checkpoints = [0]
        checkpoints.reserveCapacity(bytes.count / Self.checkpointStride + 1)
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var at = 0
            while at < buffer.count, let found = memchr(base + at, 0x0A, buffer.count - at) {
                at = UnsafeRawPointer(found) - UnsafeRawPointer(base) + 1
                starts.append(at)
            }
            var scalars = 0
            var blockEnd = Self.checkpointStride
            while blockEnd <= buffer.count {
                scalars += Self.scalarCount(buffer, blockEnd - Self.checkpointStride, blockEnd)
                checkpoints.append(scalars)
                blockEnd += Self.checkpointStride
            }
        }
        lineStarts = starts
        scalarCheckpoints = checkpoints
    }

    /// The index of `bytes`, folding them into the FNV-1a hash `fnv` on the way: the same
    /// pass over the bytes, in which the hash's chain of multiplications, one per byte,
    /// leaves time for the index's work.
    init(_ bytes: [UInt8], fnv: inout UInt64) {
        self.bytes = bytes
        var starts = [0]
        starts.reserveCapacity(bytes.count / 40 + 1)
        var checkpoints = [0]
        checkpoints.reserveCapacity(bytes.count / Self.checkpointStride + 1)
        var hash = fnv
        bytes.withUnsafeBufferPointer { buffer in
            var scalars = 0
            var blockStart = 0
            while blockStart < buffer.count {
                let blockEnd = min(buffer.count, blockStart + Self.checkpointStride)
                var i = blockStart
                // Eight bytes at a time while they hold no line feed: their scalars are the bytes that are not 10xxxxxx.
                if let base = UnsafeRawPointer(buffer.baseAddress) {
                    while i + 8 <= blockEnd {
                        let w = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                        var v = UInt64(littleEndian: w)  // byte i in the low bits
                        for _ in 0..<8 {
                            hash = ContentHash.fnv(hash, UInt8(truncatingIfNeeded: v))
                            v >>= 8
                        }
                        let x = w ^ 0x0A0A_0A0A_0A0A_0A0A
                        guard (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 == 0 else {
                            for k in i..<(i + 8) {
                                if buffer[k] == 0x0A { starts.append(k + 1) }
                                if buffer[k] & 0xC0 != 0x80 { scalars += 1 }
                            }
                            i += 8
                            continue
                        }
                        scalars += 8 - (w & ~(w << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
                        i += 8
                    }
                }
                while i < blockEnd {
                    let b = buffer[i]
                    hash = ContentHash.fnv(hash, b)
                    if b == 0x0A { starts.append(i + 1) }
                    if b & 0xC0 != 0x80 { scalars += 1 }
                    i += 1
                }
                if blockEnd - blockStart == Self.checkpointStride { checkpoints.append(scalars) }
                blockStart = blockEnd
            }
        }
        lineStarts = starts
        scalarCheckpoints = checkpoints
        fnv = hash
    }

    /// Number of scalars that start in `bytes[0 ..< offset]`.
    private func scalars(before offset: Int) -> Int {
        let k = offset / Self.checkpointStride
        var count = scalarCheckpoints[k]
        bytes.withUnsafeBufferPointer { buffer in
            count += Self.scalarCount(buffer, k * Self.checkpointStride, offset)
        }
        return count
    }

    /// Number of scalars that start in `buffer[from ..< to]`: the bytes that are not 10xxxxxx.
    static func scalarCount(_ buffer: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Int {
        var count = 0
        var i = from
        if let base = UnsafeRawPointer(buffer.baseAddress) {
            while i + 8 <= to {
                let w = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                count += 8 - (w & ~(w << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
                i += 8
            }
        }
        while i < to {
            if buffer[i] & 0xC0 != 0x80 { count += 1 }
            i += 1
        }
        return count
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
        if clamped - start > 2 * Self.checkpointStride {
            return (line, 1 + scalars(before: clamped) - scalars(before: start))
        }
        let column = 1 + bytes.withUnsafeBufferPointer { Self.scalarCount($0, start, clamped) }
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

    /// Places offsets that mostly come in increasing order, as the sentences of a file
    /// do: an offset on the line of the last one placed, and after it, has its column
    /// counted on from there rather than from the start of the line. The answers are
    /// those of `LineIndex`.
    struct Cursor {
        let index: LineIndex
        private var offset = -1
        private var line = 0
        private var column = 0

        init(_ index: LineIndex) {
            self.index = index
        }

        /// Line and column (1-based, column in Unicode scalars) of a byte offset.
        mutating func location(of offset: Int) -> (line: Int, column: Int) {
            let clamped = max(0, min(offset, index.bytes.count))
            if self.offset >= 0, clamped >= self.offset, line >= index.lineStarts.count || clamped < index.lineStarts[line] {
                var column = self.column
                index.bytes.withUnsafeBufferPointer { buffer in
                    column += LineIndex.scalarCount(buffer, self.offset, clamped)
                }
                self.offset = clamped
                self.column = column
                return (line, column)
            }
            let found = index.location(of: clamped)
            (self.offset, line, column) = (clamped, found.line, found.column)
            return found
        }

        /// The source range of bytes `start..<end`.
        mutating func range(_ start: Int, _ end: Int) -> SourceRange {
            let a = location(of: start)
            let b = location(of: max(start, end))
            return SourceRange(line: a.line, column: a.column, endLine: b.line, endColumn: b.column, start: start, end: max(start, end))
        }
    }
}
