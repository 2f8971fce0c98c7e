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
                out.append("    mentions: " + mentions.map { "\($0.entity)(\($0.kind.rawValue))" }.joined(separator: ", "))
            }
            for c in bySentence[i] ?? [] {
                let ev = c.evidence[0]
                out.append("    → \(c.subject) \(c.relation.rawValue) \(c.object)  [\(ev.rule)\(ev.polarity == .negated ? ", negated" : "")\(ev.certainty == .hedged ? ", hedged" : "")]")
            }
        }
        return out
    }
}
