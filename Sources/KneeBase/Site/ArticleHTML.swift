/// Rebuilds an article's HTML from its parsed blocks — never from the original markup —
/// so nothing but escaped text and the tags written here reaches the page.
///
/// Every sentence gets an anchor (`#s12`); a sentence that carries a claim is a `<mark>`
/// whose entity mentions link to their pages, followed by the claims it makes.
struct ArticleHTML {
    let model: SiteModel
    let root: String

    /// - Parameters:
    ///   - claims: claim indexes by sentence index, for this document.
    ///   - mentions: the lexicon mentions of each sentence.
    func render(_ d: Document, claims: [Int: [Int]], denied: Set<Int> = [], mentions: [[Mention]]) -> String {
        var w = HTMLWriter(capacity: d.byteCount * 2 + 1024)
        var sentenceStart = 0
        var headingStack: [(source: Int, out: Int)] = []
        var open: Block.Kind? = nil
        for (bi, block) in d.blocks.enumerated() {
            var sentenceEnd = sentenceStart
            while sentenceEnd < d.sentences.count && d.sentences[sentenceEnd].block == bi { sentenceEnd += 1 }
            let group: Block.Kind? = block.kind == .listItem || block.kind == .tableCell ? block.kind : nil
            if open != group {
                closeGroup(open, &w)
                if group == .listItem { w.raw("<ul>\n") } else if group == .tableCell { w.raw("<div class=\"cells\">\n") }
                open = group
            }
            var tag = "p"
            switch block.kind {
            case .heading:
                while let top = headingStack.last, top.source >= block.level { headingStack.removeLast() }
                let level = min(6, (headingStack.last?.out ?? 2) + 1)
                headingStack.append((block.level, level))
                tag = "h\(level)"
                w.raw("<\(tag)>")
            case .paragraph, .tableCell: w.raw("<p>")
            case .listItem: tag = "li"; w.raw("<li>")
            case .quote: tag = "p"; w.raw("<blockquote><p>")
            }
            text(block, d, sentenceStart..<sentenceEnd, claims: claims, denied: denied, mentions: mentions, &w)
            w.raw("</\(tag)>")
            if block.kind == .quote { w.raw("</blockquote>") }
            w.raw("\n")
            sentenceStart = sentenceEnd
        }
        closeGroup(open, &w)
        return w.string
    }

    private func closeGroup(_ kind: Block.Kind?, _ w: inout HTMLWriter) {
        if kind == .listItem { w.raw("</ul>\n") } else if kind == .tableCell { w.raw("</div>\n") }
    }

    /// The block's text with each sentence wrapped, and the text between sentences kept.
    private func text(_ block: Block, _ d: Document, _ range: Range<Int>, claims: [Int: [Int]], denied: Set<Int>, mentions: [[Mention]], _ w: inout HTMLWriter) {
        var blockText = block.text
        blockText.withUTF8 { text in
            var cursor = 0
            for si in range {
                var sentenceText = d.sentences[si].text
                sentenceText.withUTF8 { bytes in
                    if let at = Self.find(bytes, in: text, from: cursor) {
                        w.text(text, cursor..<at)
                        cursor = at + bytes.count
                    } else if cursor < text.count {
                        w.raw(" ")
                    }
                    sentence(si, denied, bytes, claims[si] ?? [], si < mentions.count ? mentions[si] : [], &w)
                }
            }
            if cursor < text.count { w.text(text, cursor..<text.count) }
        }
    }

    private func sentence(_ index: Int, _ denied: Set<Int>, _ bytes: UnsafeBufferPointer<UInt8>, _ claimIDs: [Int], _ mentions: [Mention], _ w: inout HTMLWriter) {
        guard !claimIDs.isEmpty else {
            w.raw("<span id=\"s")
            w.int(index)
            w.raw("\">")
            w.text(bytes, 0..<bytes.count)
            w.raw("</span>")
            return
        }
        // Written piece by piece, each piece escaped on its own (as their concatenation would be): no strings built per link.
        let claims = model.graph.claims
        w.raw("<mark class=\"claim\" id=\"s")
        w.int(index)
        w.raw("\">")
        var at = 0
        for m in mentions where m.start >= at && m.end <= bytes.count
            && claimIDs.contains(where: { claims[$0].subject == m.entity || claims[$0].object == m.entity }) {
            guard let path = model.paths.entity(m.entity) else { continue }
            w.text(bytes, at..<m.start)
            w.raw("<a href=\"")
            w.text(root)
            w.text(path)
            w.raw("\">")
            w.text(bytes, m.start..<m.end)
            w.raw("</a>")
            at = m.end
        }
        w.text(bytes, at..<bytes.count)
        w.raw("</mark><span class=\"cl\">")
        for id in claimIDs {
            let c = claims[id]
            w.raw(" <a href=\"")
            if let path = model.paths.entity(c.subject) { w.text(root); w.text(path) } else { w.raw("#") }
            w.raw("#")
            w.text(c.relation.anchor)
            w.raw("\">")
            if denied.contains(SiteModel.pairKey(sentence: index, claim: id)) { w.raw("denied: ") }
            w.text(model.name(c.object))
            w.raw(": ")
            w.text(c.relation.inverseLabel)
            w.raw(" ")
            w.text(model.name(c.subject))
            w.raw("</a>")
        }
        w.raw("</span>")
    }

    /// The first index of `needle` in `hay` at or after `from`.
    static func find(_ needle: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard !needle.isEmpty, needle.count <= hay.count - from else { return nil }
        let first = needle[0]
        var i = from
        let last = hay.count - needle.count
        while i <= last {
            if hay[i] == first {
                var j = 1
                while j < needle.count && hay[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}
