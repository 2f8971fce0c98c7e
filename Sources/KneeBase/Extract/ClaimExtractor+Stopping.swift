/// A negated stopping is advice to keep going: "You don't stop the strength work when it
/// feels better", "never give up your hip exercises" recommend the remedy, and advise
/// against stopping it.
extension ClaimExtractor {
    /// Verbs of stopping a remedy (as written): a negation before them keeps the remedy on.
    static let stoppingVerbs: Set<String> = ["stop", "stopping", "cease", "ceasing", "quit", "quitting", "abandon", "abandoning"]
    /// Words that may stand between a stopping verb and the remedy: "stop *doing the* squats".
    static let stoppedObjectLeads: Set<String> = ["the", "your", "doing", "with", "all", "any", "on", "of", "my", "their", "those", "these", "this"]

    /// Whether the token at `k` starts a verb of stopping: "stop", "cease", "quit", "abandon",
    /// or "give up".
    func isStopping(at k: Int, _ s: AnalyzedSentence) -> Bool {
        let t = s.tokens[k].norm
        if Self.stoppingVerbs.contains(t) { return true }
        return ["give", "giving"].contains(t) && k + 1 < s.tokens.count && s.tokens[k + 1].norm == "up"
    }

    /// Whether the remedy starting at `first` is the object of a negated stopping ("don't
    /// cease the strength work", "never give up the clamshells"): what is advised against is
    /// the stopping, not the remedy. A remedy named by the stopping itself ("stop training
    /// completely") is not one.
    func keptOn(_ first: Int, _ s: AnalyzedSentence) -> Bool {
        guard !Self.stoppingVerbs.contains(s.tokens[first].norm) else { return false }
        var k = first - 1
        while k >= 0, first - k <= 3, Self.stoppedObjectLeads.contains(s.tokens[k].norm) { k -= 1 }
        guard k >= 0 else { return false }
        let verb: Int
        if isStopping(at: k, s) { verb = k }
        else if s.tokens[k].norm == "up", k > 0, isStopping(at: k - 1, s) { verb = k - 1 }
        else { return false }
        return s.positions(.negation).contains { $0 < verb && verb - $0 <= 2 }
    }
}
