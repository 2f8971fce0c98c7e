/// Reads plain-text articles: blank lines separate paragraphs; short stand-alone lines
/// without a final period (or ending in a question mark) are headings; lines starting
/// with `•`, `-`, `*`, `1.`, `1)`, a checkbox (`[ ]`, `[x]`, `☐`, `☑`, `✓`) or another
/// bullet glyph (`◦`, `▪`, `●`, `‣`, an arrow `→`) are list items; a short line that opens a list
/// ("Stage 1 - Isometrics" above its items) is a sub-heading, and so is a question or a short
/// line printed straight above its paragraph, as text extracted from a PDF has them.
struct TextReader: ArticleReader {
    /// Longest line, in bytes, still taken for a heading.
    var maxHeadingBytes = 120
    /// Most words a heading may have.
    var maxHeadingWords = 14

    private struct Line {
        var start: Int
        var end: Int
        var blank: Bool
        /// Bytes of blank before the text.
        var indent: Int
    }

    func read(_ file: SourceFile, diagnostics: inout [Diagnostic]) -> RawArticle {
        let bytes = file.bytes
        var lines: [Line] = []
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while i <= bytes.count {
            var end = i
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            var s = i, e = end
            bytes.withUnsafeBufferPointer { b in
                while s < e && Self.isBlank(b, s) { s += Self.blankWidth(b, s) }
                while e > s && (MappedText.isSpace(b[e - 1]) || (e - s >= 2 && b[e - 2] == 0xC2 && b[e - 1] == 0xA0)) {
                    e -= MappedText.isSpace(b[e - 1]) ? 1 : 2
                }
            }
            lines.append(Line(start: s, end: e, blank: s >= e, indent: s - i))
            if end >= bytes.count { break }
            i = end + 1
        }
        var blocks: [RawBlock] = []
        var current: RawBlock? = nil
        var sawTitle = false
        /// Indentation of the marker of the list item being read.
        var itemIndent = 0
        bytes.withUnsafeBufferPointer { b in
            // Where each line's list marker ends, once per line (a line is also asked about as the next one).
            let markers = lines.map { $0.blank ? nil : Self.bulletEnd(b, $0.start, $0.end) }
            for (n, line) in lines.enumerated() {
                if line.blank {
                    if let c = current { blocks.append(c); current = nil }
                    continue
                }
                var markerEnd = markers[n]
                // "  - sit with your knees bent" … "Some people also hear …": a line out-dented past an
                // indented item's marker ends the item (text extracted from a PDF keeps wrapped items indented).
                if markerEnd == nil, let c = current, c.kind == .listItem, itemIndent > 0, line.indent < itemIndent {
                    blocks.append(c)
                    current = nil
                }
                let standsAlone = (n == 0 || lines[n - 1].blank) && (n + 1 == lines.count || lines[n + 1].blank)
                // "1. Hip Alignment for Runners" standing alone is a numbered heading, not a list item.
                if let m = markerEnd, standsAlone, b[line.start] >= 0x30, b[line.start] <= 0x39, current == nil, isHeading(b, m, line.end) {
                    blocks.append(RawBlock(kind: .heading, level: 2, text: Self.text(b, m, line.end)))
                    sawTitle = true
                    markerEnd = nil
                    continue
                }
                if let markerEnd {
                    if let c = current { blocks.append(c) }
                    current = RawBlock(kind: .listItem, level: 0, text: Self.text(b, markerEnd, line.end))
                    itemIndent = line.indent
                } else if n + 1 < lines.count, markers[n + 1] != nil, opensList(b, line), current == nil || (current?.kind == .listItem && line.indent < itemIndent) {
                    // "Stage 2 - Slow strength" above its items, out-dented from the items before it.
                    if let c = current { blocks.append(c); current = nil }
                    blocks.append(RawBlock(kind: .heading, level: sawTitle ? 3 : 1, text: Self.text(b, line.start, line.end)))
                    sawTitle = true
                } else if current == nil, standsAlone || headsParagraph(b, line, next: n + 1 < lines.count && markers[n + 1] == nil ? lines[n + 1] : nil),
                          isHeading(b, line.start, line.end) {
                    blocks.append(RawBlock(kind: .heading, level: sawTitle ? 2 : 1, text: Self.text(b, line.start, line.end)))
                    sawTitle = true
                } else if var c = current {
                    c.text.appendBreak(at: line.start)
                    c.text.append(exact: UnsafeBufferPointer(rebasing: b[line.start..<line.end]), sourceStart: line.start)
                    current = c
                } else {
                    current = RawBlock(kind: .paragraph, level: 0, text: Self.text(b, line.start, line.end))
                    sawTitle = true
                }
            }
        }
        if let c = current { blocks.append(c) }
        var metadata = SourceMetadata()
        if let first = blocks.first, first.kind == .heading, first.level == 1 {
            metadata.title = String(decoding: first.text.bytes, as: UTF8.self)
        }
        return RawArticle(format: .text, metadata: metadata, blocks: blocks)
    }

    /// Whether a line opening a paragraph is its heading, printed straight above the text as in text
    /// extracted from a PDF: a question ("What are the symptoms?") or a short line without final
    /// punctuation at most half as long as the line after it ("Other treatments"), followed by a capital.
    private func headsParagraph(_ b: UnsafeBufferPointer<UInt8>, _ line: Line, next: Line?) -> Bool {
        guard let next, !next.blank else { return false }
        let first = b[next.start]
        guard first >= UInt8(ascii: "A") && first <= UInt8(ascii: "Z") else { return false }
        if b[line.end - 1] == UInt8(ascii: "?") { return true }
        return (line.end - line.start) * 2 <= next.end - next.start && !(line.start..<line.end).contains { b[$0] == UInt8(ascii: ":") }
    }

    /// Whether a line directly above a list item reads as the list's heading: short, no
    /// final punctuation, not a question.
    private func opensList(_ b: UnsafeBufferPointer<UInt8>, _ line: Line) -> Bool {
        b[line.end - 1] != UInt8(ascii: "?") && isHeading(b, line.start, line.end)
    }

    private func isHeading(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        guard end - start <= maxHeadingBytes else { return false }
        // Headings start with a capital or a digit; lower-case stand-alone lines are captions and alt text.
        let first = b[start]
        guard !(first >= UInt8(ascii: "a") && first <= UInt8(ascii: "z")), first != UInt8(ascii: "@") else { return false }
        let last = b[end - 1]
        if last == UInt8(ascii: "?") { return true }
        if [UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "!")].contains(last) { return false }
        // A trailing ellipsis "…" (E2 80 A6) reads as a heading that trails off; "..." as a sentence.
        var words = 1
        for i in start..<end where b[i] == 0x20 { words += 1 }
        return words <= maxHeadingWords
    }

    private static func text(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> MappedText {
        var t = MappedText()
        t.append(exact: UnsafeBufferPointer(rebasing: b[start..<end]), sourceStart: start)
        return t
    }

    /// End of a list marker (and the space after it) at the start of the line, if any.
    private static func bulletEnd(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        var i = start
        if let g = glyphEnd(b, i, end) { i = g }
        else if b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "*") {
            i += 1
            // "- [ ] item": a task list item's box belongs to the marker.
            if i + 4 <= end, isBlank(b, i), let box = checkboxEnd(b, i + 1, end) { i = box }
        }
        else if let box = checkboxEnd(b, i, end) { i = box }
        else {
            var d = i
            while d < end && d - i < 3 && b[d] >= 0x30 && b[d] <= 0x39 { d += 1 }
            guard d > i, d < end, b[d] == UInt8(ascii: ".") || b[d] == UInt8(ascii: ")") else { return nil }
            i = d + 1
        }
        guard i < end, isBlank(b, i) else { return nil }
        while i < end && isBlank(b, i) { i += blankWidth(b, i) }
        return i < end ? i : nil
    }

    /// Bullet, checkbox and arrow glyphs (three UTF-8 bytes each): • ‣ ◦ ▪ ● ☐ ☑ ☒ ✓ ✔, and the
    /// arrows of social-media posts → ➔ ➜ ► ▸.
    private static let glyphs: [[UInt8]] = [
        [0xE2, 0x80, 0xA2], [0xE2, 0x80, 0xA3], [0xE2, 0x97, 0xA6], [0xE2, 0x96, 0xAA], [0xE2, 0x97, 0x8F],
        [0xE2, 0x98, 0x90], [0xE2, 0x98, 0x91], [0xE2, 0x98, 0x92], [0xE2, 0x9C, 0x93], [0xE2, 0x9C, 0x94],
        [0xE2, 0x86, 0x92], [0xE2, 0x9E, 0x94], [0xE2, 0x9E, 0x9C], [0xE2, 0x96, 0xBA], [0xE2, 0x96, 0xB8],
    ]

    private static func glyphEnd(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int? {
        guard end - i >= 3, b[i] == 0xE2 else { return nil }
        return glyphs.contains { $0[1] == b[i + 1] && $0[2] == b[i + 2] } ? i + 3 : nil
    }

    /// End of `[ ]`, `[x]` or `[X]` at `i`.
    private static func checkboxEnd(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int? {
        guard end - i >= 3, b[i] == UInt8(ascii: "["), b[i + 2] == UInt8(ascii: "]"),
              [UInt8(ascii: " "), UInt8(ascii: "x"), UInt8(ascii: "X")].contains(b[i + 1]) else { return nil }
        return i + 3
    }

    private static func isBlank(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        MappedText.isSpace(b[i]) || (i + 1 < b.count && b[i] == 0xC2 && b[i + 1] == 0xA0)
    }

    private static func blankWidth(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        b[i] == 0xC2 ? 2 : 1
    }
}
