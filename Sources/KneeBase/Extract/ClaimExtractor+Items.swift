/// List items that advise in a verb phrase name no discovered entity.
extension ClaimExtractor {
    /// Words that open a light-verb phrase of advice ("Take joint health seriously", "Make time
    /// for rest"): a list item opening on one names no entity.
    static let lightVerbs: Set<String> = ["take", "make", "get", "keep", "have", "give", "let", "be"]
}

extension ClaimExtractor {
    /// Whether the one-word remedy `o` heads, through "to", the remedy starting at `q`: in
    /// "stretches to strengthen the inside of the thigh" the stretches are the strengthening,
    /// not stretching of their own.
    func headsPurpose(_ o: (entity: Entity, first: Int, last: Int), of q: Int, _ s: AnalyzedSentence) -> Bool {
        o.first == o.last && o.last + 2 == q && s.tokens[o.last + 1].norm == "to"
            && s.mentions.contains { $0.first == o.first && $0.last == o.last && $0.entity == o.entity.id }
    }
}
