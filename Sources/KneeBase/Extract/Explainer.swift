/// A readable trace of extraction for one document: each sentence with its mentions
/// and the claims made from it.
public enum Explainer {
    public static func explain(_ document: Document, lexicon: Lexicon) -> [String] {
        let finder = MentionFinder(lexicon: lexicon)
        let extractor = ClaimExtractor(lexicon: lexicon, finder: finder)
        let stemmer = Stemmer()
        let tokenizer = Tokenizer(stemmer: stemmer)
        let result = extractor.extract(document, stemmer: stemmer)
        var bySentence: [Int: [Claim]] = [:]
        for c in result.claims { bySentence[c.evidence[0].sentence, default: []].append(c) }
        var out: [String] = []
        for (i, s) in document.sentences.enumerated() {
            let tokens = tokenizer.tokens(s.text)
            let mentions = finder.mentions(in: tokens)
            out.append("\(s.range.line):\(s.range.column) [\(document.headingPath(of: s).last ?? "-")] \(s.text)")
            if !mentions.isEmpty {
                // Each mention with the words that made it: one entity can be named twice.
                let bytes = Array(s.text.utf8)
                out.append("    mentions: " + mentions.map { m in
                    let words = m.start < m.end && m.end <= bytes.count ? String(decoding: bytes[m.start..<m.end], as: UTF8.self) : ""
                    return "\(m.entity)(\(m.kind.rawValue)) “\(words)”"
                }.joined(separator: ", "))
            }
            // A claim two rules (or two mentions) make from one sentence is shown once.
            var shown = Set<String>()
            for c in bySentence[i] ?? [] {
                let ev = c.evidence[0]
                let line = "    → \(c.subject) \(c.relation.rawValue) \(c.object)  [\(ev.rule)\(ev.polarity == .negated ? ", negated" : "")\(ev.certainty == .hedged ? ", hedged" : "")]"
                if shown.insert(line).inserted { out.append(line) }
            }
        }
        return out
    }
}
