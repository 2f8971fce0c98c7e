/// Phrasal verbs that advise keeping away from what follows them: "I'd steer clear of
/// cortisone injections", "stay away from deep squats", "keep clear of hills". Their last
/// word ("clear", "away") negates like "avoid" does.
extension ClaimExtractor {
    /// Verbs that "clear of" or "away from" after them turn into keeping off.
    static let keepingVerbs: Set<String> = ["steer", "stay", "keep", "kept", "keeping", "staying", "steering"]

    /// Whether the word at `k` ends "steer clear of" / "stay away from" (the verb right before
    /// it, the preposition right after it).
    func keepsOff(at k: Int, _ s: AnalyzedSentence) -> Bool {
        guard k > 0, k + 1 < s.tokens.count, Self.keepingVerbs.contains(s.tokens[k - 1].norm) else { return false }
        switch s.tokens[k].norm {
        case "clear": return s.tokens[k + 1].norm == "of"
        case "away": return s.tokens[k + 1].norm == "from"
        default: return false
        }
    }
}
