/// Finds decoded text pieces again in the original bytes, moving forward through a
/// span, so that text with markup removed keeps exact source positions.
///
/// A piece found verbatim maps byte for byte; where markup or an escape intervenes,
/// the piece is matched scalar by scalar; a scalar that is not in the source at all
/// (a decoded entity) maps to the place it stood in.
struct SourceAligner {
    let source: UnsafeBufferPointer<UInt8>
    var cursor: Int
    var limit: Int

    /// How far to look ahead for one scalar when a piece is not found whole.
    private let scalarWindow = 256

    init(source: UnsafeBufferPointer<UInt8>, start: Int, limit: Int) {
        self.source = source
        self.cursor = max(0, min(start, source.count))
        self.limit = max(self.cursor, min(limit, source.count))
    }

    /// Appends `piece` to `text`, mapped to where it is found after the cursor.
    mutating func align(_ piece: [UInt8], into text: inout MappedText) {
        piece.withUnsafeBufferPointer { p in
            if let at = find(p, from: cursor, to: limit) {
                text.append(exact: p, sourceStart: at)
                cursor = at + p.count
                return
            }
            var i = 0
            while i < p.count {
                let width = MappedText.scalarWidth(p[i])
                let end = min(p.count, i + width)
                let scalar = UnsafeBufferPointer(rebasing: p[i..<end])
                if MappedText.isSpace(p[i]) {
                    text.appendBreak(at: cursor)
                } else if let at = find(scalar, from: cursor, to: min(limit, cursor + scalarWindow)) {
                    text.append(exact: scalar, sourceStart: at)
                    cursor = at + scalar.count
                } else {
                    text.append(decoded: Array(scalar), sourceStart: cursor, sourceEnd: min(limit, cursor + 1))
                }
                i = end
            }
        }
    }

    /// First offset in `from..<to` where `needle` occurs.
    private func find(_ needle: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
        let n = needle.count
        guard n > 0, to - from >= n, let first = needle.first else { return nil }
        var i = from
        let last = to - n
        while i <= last {
            if source[i] == first {
                var j = 1
                while j < n && source[i + j] == needle[j] { j += 1 }
                if j == n { return i }
            }
            i += 1
        }
        return nil
    }
}

extension MappedText {
    /// Length of the UTF-8 sequence that starts with `lead` (1 for a stray byte).
    static func scalarWidth(_ lead: UInt8) -> Int {
        switch lead {
        case 0xF0...: 4
        case 0xE0...: 3
        case 0xC0...: 2
        default: 1
        }
    }
}
