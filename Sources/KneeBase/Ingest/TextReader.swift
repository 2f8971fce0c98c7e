/// Reads plain-text articles: blank lines separate paragraphs; short stand-alone lines
/// without a final period (or ending in a question mark) are headings; lines starting
/// with `•`, `-`, `*`, `1.` or `1)` are list items.
struct TextReader: ArticleReader {
    /// Longest line, in bytes, still taken for a heading.
    var maxHeadingBytes = 120
    /// Most words a heading may have.
    var maxHeadingWords = 14

    private struct Line {
        var start: Int
        var end: Int
        var blank: Bool
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
            lines.append(Line(start: s, end: e, blank: s >= e))
            if end >= bytes.count { break }
            i = end + 1
        }
        var blocks: [RawBlock] = []
        var current: RawBlock? = nil
        var sawTitle = false
        bytes.withUnsafeBufferPointer { b in
            for (n, line) in lines.enumerated() {
                if line.blank {
                    if let c = current { blocks.append(c); current = nil }
                    continue
                }
                var markerEnd = Self.bulletEnd(b, line.start, line.end)
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
                } else if current == nil, standsAlone, isHeading(b, line.start, line.end) {
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
        if end - i >= 3, b[i] == 0xE2, b[i + 1] == 0x80, b[i + 2] == 0xA2 { i += 3 }  // •
        else if b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "*") { i += 1 }
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

    private static func isBlank(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        MappedText.isSpace(b[i]) || (i + 1 < b.count && b[i] == 0xC2 && b[i + 1] == 0xA0)
    }

    private static func blankWidth(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        b[i] == 0xC2 ? 2 : 1
    }
}
