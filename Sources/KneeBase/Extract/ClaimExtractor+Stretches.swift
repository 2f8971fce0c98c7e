/// "Stretch" as a length of ground: "the downhill stretches of your usual route" names a part
/// of the route, not the remedy.
extension ClaimExtractor {
    /// Whether the one-word mention `m` is "stretch" / "stretches" followed by "of" and no
    /// structure of the body within the next three words ("a stretch of the hamstrings" stays one).
    func isStretchOfGround(_ m: Mention, _ s: AnalyzedSentence) -> Bool {
        guard m.first == m.last, ["stretch", "stretches"].contains(s.tokens[m.first].norm),
              m.last + 1 < s.tokens.count, s.tokens[m.last + 1].norm == "of" else { return false }
        return !s.mentions.contains { $0.kind == .anatomy && $0.first > m.last && $0.first <= m.last + 4 }
    }
}
