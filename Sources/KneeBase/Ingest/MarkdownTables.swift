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
}
