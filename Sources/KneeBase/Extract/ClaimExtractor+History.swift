/// A remedy named as a past event of the writer's history is no advice: "since having knee
/// surgery (after a trampoline fall), my PT said core work helped" dates the story by an
/// operation for another injury; it does not say surgery treats the condition.
extension ClaimExtractor {
    /// Words that date what follows: "since", "after", "following".
    static let datingWords: Set<String> = ["since", "after", "following"]

    /// Whether the remedy mention `m` dates the sentence as an event that happened: "since
    /// having knee surgery", "after I had surgery", "following my operation" — not "after
    /// surgery, rehab takes months", where the remedy is discussed, not recounted.
    func recountsPastRemedy(_ m: Mention, _ s: AnalyzedSentence) -> Bool {
        guard let lead = (max(0, m.first - 4)..<m.first).last(where: { Self.datingWords.contains(s.tokens[$0].norm) }),
              !s.clauseBreak(between: lead, and: m.first) else { return false }
        let between = s.tokens[(lead + 1)..<m.first].map(\.norm)
        return between.contains("having") || between.contains("had") || between.first == "my"
    }
}
