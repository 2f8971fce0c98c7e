/// An opening pronoun that nothing earlier in its block resolves: "It can contribute to runner's
/// knee and ACL tears." as an item under "What is knee valgus?", or "It isn't a diagnosis on its
/// own. It's a movement pattern linked to runner's knee." — the pronoun is the section's (or the
/// article's) condition, the one the block is written about.
extension ClaimExtractor {
    /// Whether the "it" / "this" opening `s` stands for the section's or article's condition: it
    /// names nothing itself, and the block's previous sentence, if there is one, names no lexicon
    /// entity and opens on such a pronoun too (so no other referent was introduced).
    func pronounMeansTopic(_ s: AnalyzedSentence, previous: AnalyzedSentence?) -> Bool {
        guard let first = s.tokens.first, Self.topicPronouns.contains(first.norm), s.mentions.first?.first != 0 else { return false }
        guard let previous else { return true }
        return previous.mentions.isEmpty && previous.tokens.first.map { Self.topicPronouns.contains($0.norm) } == true
    }

    /// Pronouns that can stand for a condition, "it's" among them ("they" and "these" more often
    /// stand for people or remedies).
    static let topicPronouns: Set<String> = ["it", "its", "this"]
}
