/// Verdicts on the evidence behind a remedy: "The evidence for acupuncture is weak", "there
/// is little evidence for knee braces", "… but the evidence for it is thin". A remedy whose
/// evidence the writer calls weak is one they do not advise.
extension ClaimExtractor {
    /// Words that call evidence too weak to go on.
    static let doubtingWords: Set<String> = ["weak", "poor", "thin", "limited", "lacking", "insufficient", "scant", "sparse",
                                             "inconclusive", "little", "scarce", "flimsy", "unconvincing"]
    /// Words between "evidence" and the remedy it is for: "evidence for", "evidence supporting".
    static let evidenceLinks: Set<String> = ["for", "on", "behind", "supporting", "that", "of"]
    /// Pronouns that "the evidence for …" can point back to a remedy by.
    static let remedyPronouns: Set<String> = ["it", "them", "this", "these", "that", "those"]

    /// Where the sentence says "evidence for / on / behind …", found once per sentence (a
    /// sentence may name many remedies); empty in nearly every sentence.
    func evidencePositions(_ s: AnalyzedSentence) -> [Int] {
        let tokens = s.tokens
        return tokens.indices.filter { tokens[$0].norm == "evidence" && $0 + 2 < tokens.count && Self.evidenceLinks.contains(tokens[$0 + 1].norm) }
    }

    /// Whether the sentence calls the evidence for the remedy at `head`…`last` weak: "The evidence
    /// for X (and Y) is weak", "little evidence for X", or "X may feel good, but the evidence for
    /// it is weak" (the pronoun after "evidence for" naming the last remedy before it). `positions`
    /// are the sentence's `evidencePositions`.
    func evidenceDoubted(head: Int, last: Int, at positions: [Int], _ s: AnalyzedSentence) -> Bool {
        let tokens = s.tokens
        for e in positions {
            // "little / limited / weak evidence for X": the doubt comes first.
            let doubtedBefore = (max(0, e - 2)..<e).contains { Self.doubtingWords.contains(tokens[$0].norm) }
            if head > e + 1, head - e <= 4, !s.clauseBreak(between: e, and: head) {
                if doubtedBefore || doubtedAfter(last, s) { return true }
            }
            // "X may feel good, but the evidence for it … is weak": the last remedy named before.
            if Self.remedyPronouns.contains(tokens[e + 2].norm), last < e,
               !s.mentions.contains(where: { $0.kind == .treatment && $0.first > last && $0.last < e }) {
                if doubtedBefore || doubtedAfter(e + 2, s) { return true }
            }
        }
        return false
    }

    /// Whether a doubting word follows `k` in its clause, as the verdict of a "be": "… is weak",
    /// "… remains thin", "is of low quality" is not it (the quality of studies is a different verdict).
    private func doubtedAfter(_ k: Int, _ s: AnalyzedSentence) -> Bool {
        let tokens = s.tokens
        for j in (k + 1)..<min(tokens.count, k + 9) {
            if s.clauseBreak(between: k, and: j) { return false }
            if Self.doubtingWords.contains(tokens[j].norm) {
                return (k + 1..<j).contains { ["is", "are", "was", "were", "remains", "remain", "seems", "looks"].contains(tokens[$0].norm) }
            }
        }
        return false
    }
}
