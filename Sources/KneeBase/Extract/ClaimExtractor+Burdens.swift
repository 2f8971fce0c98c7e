/// "X adds to the load", "… can add to it", "all add to the strain on the tendon": what adds
/// to the burden on the knee or to the problem is a cause, though "add" alone is advice
/// ("add hip work").
extension ClaimExtractor {
    /// Forms of "add" that, before "to", say something increases a burden.
    static let addingWords: Set<String> = ["add", "adds", "added", "adding"]
    /// What a cause adds to: the problem itself or the burden on the knee.
    static let burdens: Set<String> = ["it", "them", "load", "strain", "stress", "pressure", "problem", "irritation", "pain", "trouble", "forces"]

    /// The position of the "add" by which the sentence says something adds to a burden ("adds
    /// to the load", "can add to it"), if it does and gives no advice: in "being overweight adds
    /// to the load, so losing weight can help" the burden is the rationale of the advice.
    func burdenIndex(_ s: AnalyzedSentence) -> Int? {
        let tokens = s.tokens
        guard !s.has(.advice) else { return nil }
        return tokens.indices.first { k in
            guard Self.addingWords.contains(tokens[k].norm), k + 2 < tokens.count, tokens[k + 1].norm == "to" else { return false }
            let next = tokens[k + 2].norm
            if Self.burdens.contains(next) { return true }
            return ["the", "this", "that", "your", "its"].contains(next) && k + 3 < tokens.count && Self.burdens.contains(tokens[k + 3].norm)
        }
    }

    /// Whether the sentence says something adds to a burden (see `burdenIndex`).
    func addsToBurden(_ s: AnalyzedSentence) -> Bool { burdenIndex(s) != nil }

    /// Whether a cause at `first` is named only as the burden added to ("adds to the stress on
    /// the knee"): what adds is the cause, not what is added to.
    func isAddedBurden(_ first: Int, _ s: AnalyzedSentence) -> Bool {
        guard let b = burdenIndex(s) else { return false }
        return first > b && !s.has(.cause)
    }
}
