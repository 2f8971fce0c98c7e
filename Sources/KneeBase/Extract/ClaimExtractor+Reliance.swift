/// Caveats are not verdicts: "Zero drop shoes don't guarantee no knee pain if your form is
/// poor" warns against relying on the shoes, not against the shoes; and in "I took a week
/// off running – shifting to the elliptical – and it was no better" the aside says how the
/// rest was taken, it does not say the elliptical failed.
extension ClaimExtractor {
    /// Stems of verbs and nouns of guaranteeing: "guarantee", "assure", "ensure", "promise".
    static let guaranteeStems: Set<String> = ["guarante", "assur", "ensur", "promis"]

    /// Whether the remedy ending at `last` is the subject of a negated guarantee: "zero drop
    /// shoes don't guarantee …", "an insole is no guarantee against …", "won't ensure …".
    func deniesGuarantee(after last: Int, _ s: AnalyzedSentence, negations: [Int]) -> Bool {
        negations.contains { n in
            guard n > last, n - last <= 4, !s.clauseBreak(between: last, and: n) else { return false }
            var k = n + 1
            while k < s.tokens.count, ["a", "an", "any"].contains(s.tokens[k].norm) { k += 1 }
            return k < s.tokens.count && Self.guaranteeStems.contains(s.tokens[k].stem)
        }
    }

    /// Whether the tokens `first...last` sit in an aside between dashes after another remedy of
    /// the sentence ("a week off running – shifting to the elliptical – and …"): they tell how
    /// that remedy was done.
    func inDashedAside(_ first: Int, _ last: Int, _ s: AnalyzedSentence) -> Bool {
        func dashAfter(_ k: Int) -> Bool {
            guard k >= 0, k + 1 < s.tokens.count else { return false }
            let gap = String(decoding: s.bytes[s.tokens[k].end..<s.tokens[k + 1].start], as: UTF8.self)
            return gap.contains("–") || gap.contains("—") || gap.contains(" - ")
        }
        guard let open = (0..<first).last(where: dashAfter), (last..<s.tokens.count).contains(where: dashAfter) else { return false }
        return s.mentions.contains { $0.kind == .treatment && $0.last <= open }
    }
}
