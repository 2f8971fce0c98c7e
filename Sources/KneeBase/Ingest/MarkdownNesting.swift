import Glibc

/// Caps how many containers (block quotes and list items) one Markdown line may open.
///
/// cmark-gfm makes a node for every `>` or `- ` at the start of a line: a 2 MB line
/// of `>` is two million nested quotes, a gigabyte of memory. Past `maxDepth` markers
/// the next marker is turned into a backslash before parsing, so the rest of the line
/// is read as text; the bytes keep their length, so every offset stays that of the file.
enum MarkdownNesting {
    /// Most container markers read on one line; real articles nest a few levels.
    static let maxDepth = 100

    /// Escapes the marker past `maxDepth` on every line that has one; returns the
    /// offset of the first escaped marker, or nil when no line is that deep.
    static func cap(_ bytes: inout [UInt8], maxDepth: Int = maxDepth) -> Int? {
        var first: Int? = nil
        bytes.withUnsafeMutableBufferPointer { b in
            var i = 0
            while i < b.count {
                var depth = 0
                while i < b.count {
                    while i < b.count && (b[i] == 0x20 || b[i] == 0x09) { i += 1 }
                    guard i < b.count, let length = markerLength(b, at: i) else { break }
                    depth += 1
                    if depth > maxDepth {
                        // The line's content now starts with a backslash, never a marker: `\>>` is read
                        // as `>>`, `\ - x` as is; `12. 1.` becomes `1\. 1.`, read as `1. 1.`.
                        let ordered = b[i + length - 1] == 0x2E || b[i + length - 1] == 0x29
                        let at = ordered ? i + length - 2 : i
                        b[at] = 0x5C
                        if first == nil { first = at }
                        break
                    }
                    i += length
                }
                // On to the next line (memchr: most lines are long and have no marker).
                if i < b.count, let base = b.baseAddress, let lf = memchr(base + i, 0x0A, b.count - i) {
                    i = UnsafeMutableRawPointer(lf) - UnsafeMutableRawPointer(base) + 1
                } else {
                    i = b.count
                }
            }
        }
        return first
    }

    /// Length of the container marker at `i` (`>`, a bullet and its space, `1.`/`1)` and
    /// its space), or nil when there is none.
    private static func markerLength(_ b: UnsafeMutableBufferPointer<UInt8>, at i: Int) -> Int? {
        let c = b[i]
        if c == 0x3E { return 1 }
        let spaceAt: (Int) -> Bool = { j in j >= b.count || b[j] == 0x20 || b[j] == 0x09 || b[j] == 0x0A || b[j] == 0x0D }
        if c == 0x2D || c == 0x2B || c == 0x2A { return spaceAt(i + 1) ? 1 : nil }
        var j = i
        while j < b.count && j - i < 9 && b[j] >= 0x30 && b[j] <= 0x39 { j += 1 }
        guard j > i, j < b.count, b[j] == 0x2E || b[j] == 0x29, spaceAt(j + 1) else { return nil }
        return j + 1 - i
    }
}
