/// Answers to relation queries (`RelationIntent`) from the graph.
extension SearchEngine {
    /// What a relation query finds: the condition, then the entities its claims of the
    /// asked relations point to (the asked subtypes first, then most sources first), and
    /// passages that mention the condition together with one of them. Nil when the
    /// condition has no such claim: the query is then searched as text.
    struct RelationAnswer {
        var entities: [Ranked]
        var passages: [Ranked]
        /// The passage query: the condition and the entities named, whose mentions snippets mark.
        var query: AnalyzedQuery
        var subject: String
        /// The condition's card shows the claims asked for.
        var shown: [RelationSummary]
        var note: String
    }

    /// Most related entities whose mentions select the passages.
    static let relationPassageEntities = 24

    func relationAnswer(_ intent: RelationIntent, _ analyzed: AnalyzedQuery, _ lookup: IndexLookup) throws -> RelationAnswer? {
        var claimed = try lookup.claimed(by: intent.entity, intent.relations)
        guard !claimed.isEmpty else { return nil }
        if !intent.subtypes.isEmpty {
            let wanted = Set(intent.subtypes)
            let first = claimed.filter { $0.subtype.map(wanted.contains) == true }
            claimed = first + claimed.filter { $0.subtype.map(wanted.contains) != true }
        }
        let name = try lookup.entityDetails([intent.entity])[intent.entity]?.name ?? intent.entity
        var entities: [Ranked] = []
        if analyzed.allows(.condition) {
            entities.append(Ranked(row: CandidateRow(rowid: intent.entityRow, key: intent.entity, columns: []), score: Double(claimed.count + 1), matched: 0))
        }
        for (i, c) in claimed.enumerated() where analyzed.allows(ResultKind(c.kind)) {
            entities.append(Ranked(row: CandidateRow(rowid: c.rowid ?? 0, key: c.id, columns: []), score: Double(claimed.count - i), matched: 0))
        }
        // Passages: the condition and any of the entities named, each by any of its names.
        var passages: [Ranked] = []
        var query = AnalyzedQuery()
        let others = claimed.compactMap { c in c.rowid.map { (row: $0, id: c.id) } }.prefix(Self.relationPassageEntities)
        if !others.isEmpty {
            let subject = AnalyzedQuery.Alternative(form: .entity, stems: [SearchSchema.entityToken(intent.entityRow)], entityRow: intent.entityRow, entity: intent.entity)
            query.groups.append(AnalyzedQuery.Group(alternatives: [subject], label: intent.entity))
            let objects = others.map { AnalyzedQuery.Alternative(form: .entity, stems: [SearchSchema.entityToken($0.row)], entityRow: $0.row, entity: $0.id) }
            query.groups.append(AnalyzedQuery.Group(alternatives: objects, label: intent.cue))
            query.frequencies = try lookup.frequencies(query.groups.flatMap { $0.alternatives.flatMap(\.stems) })
            if analyzed.allows(.passage), let match = MatchExpression.make(groups: query.groups) {
                passages = ranked(try lookup.sentences(matching: match, limit: Self.sentenceCandidates), query, table: .sentences, relaxed: false)
            }
        }
        let shown = claimed.prefix(5).map { RelationSummary(relation: $0.relation, outgoing: true, other: $0.id, otherName: $0.name, sources: $0.sources) }
        let asked = intent.relations.first == .notRecommended ? "what is advised against for \(name)"
            : "the \(intent.relations.first?.label ?? intent.cue) of \(name)"
        let first = intent.subtypes.isEmpty ? "" : " (\(intent.subtypes.joined(separator: ", ")) first)"
        return RelationAnswer(entities: entities, passages: passages, query: query, subject: intent.entity, shown: Array(shown),
                              note: "read as \(asked)\(first), most sources first")
    }
}
