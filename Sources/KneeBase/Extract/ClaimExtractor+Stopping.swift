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

/// Stopping an activity, said not to do: "Please do not stop all sport and activity", "Don't
/// stop them doing sport altogether", "a reduction … rather than stopping all activity" advise
/// against *stopping* what follows, named by its words when the lexicon has no remedy there.
extension ClaimExtractor {
    /// Words between the stopping verb and the activity that the name leaves out: "stop *them doing* sport".
    static let stoppedActivityLeads: Set<String> = ["them", "him", "her", "you", "doing", "playing", "from"]

    /// `not_recommended` claims of *stopping X* for each activity after a negated stopping verb
    /// or after "rather than" / "instead of" stopping, in `c`.
    func stoppedActivityClaims(_ c: SentenceContext, isHeading: Bool) -> [(Claim, Entity)] {
        let s = c.sentence
        guard !isHeading, !c.asks, let subject = c.defaultSubject else { return [] }
        let negations = s.positions(.negation)
        var out: [(Claim, Entity)] = []
        for k in s.tokens.indices where isStopping(at: k, s) {
            let denied = negations.contains { $0 < k && k - $0 <= 2 }
                || (k >= 2 && (s.tokens[k - 1].norm == "than" && s.tokens[k - 2].norm == "rather" || s.tokens[k - 1].norm == "of" && s.tokens[k - 2].norm == "instead"))
            guard denied else { continue }
            var start = s.tokens[k].norm.hasPrefix("giv") ? k + 2 : k + 1
            while start < s.tokens.count, Self.stoppedActivityLeads.contains(s.tokens[start].norm), !s.clauseBreak(between: k, and: start) { start += 1 }
            guard start < s.tokens.count, !s.clauseBreak(between: k, and: start) else { continue }
            out += avoidedConjuncts(from: start, s).compactMap { avoidedClaim($0.first, $0.last, subject: subject, c, prefix: "stopping ") }
        }
        return out
    }
}
