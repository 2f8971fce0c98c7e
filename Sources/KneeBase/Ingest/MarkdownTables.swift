import Glibc

/// Caps how many table cells one Markdown line may hold.
///
/// cmark-gfm's table extension appends each cell of a row to the end of a linked list,
/// walking the list every time: a row of thousands of cells costs millions of steps, and
/// a table of such rows minutes. Past `maxCells` pipes on one line the remaining pipes
/// become spaces before parsing, so the rest of the line is read as text; the bytes keep
/// their length, so every offset stays that of the file.
enum MarkdownTables {
    /// Most `|` read on one line: a table of 100 columns is already far wider than a page.
    static let maxCells = 100

    /// Blanks the pipes past `maxCells` on every line that has more; returns the offset of
    /// the first one blanked, or nil when no line has that many.
    static func cap(_ bytes: inout [UInt8], maxCells: Int = maxCells) -> Int? {
        // Most files have fewer pipes in all than one line may hold: counted with memchr, they change nothing.
        guard bytes.withUnsafeBufferPointer({ pipes(in: $0, moreThan: maxCells) }) else { return nil }
        var first: Int? = nil
        bytes.withUnsafeMutableBufferPointer { b in
            var pipes = 0
            for i in b.indices {
                switch b[i] {
                case 0x0A: pipes = 0
                case 0x7C:
                    pipes += 1
                    if pipes > maxCells {
                        b[i] = 0x20
                        if first == nil { first = i }
                    }
                default: break
                }
            }
        }
        return first
    }

    /// Whether `bytes` hold more than `limit` pipes in all.
    private static func pipes(in bytes: UnsafeBufferPointer<UInt8>, moreThan limit: Int) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        var at = 0
        var count = 0
        while at < bytes.count, let hit = memchr(base + at, 0x7C, bytes.count - at) {
            count += 1
            if count > limit { return true }
            at = UnsafeRawPointer(hit) - UnsafeRawPointer(base) + 1
        }
        return false
    }
}
