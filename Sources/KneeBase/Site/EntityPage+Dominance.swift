/// What a reader should know about where an entity's claims come from (`SourceDominance`).
extension EntityPage {
    /// The note for `e`'s Sources line, nil unless one low-rated source holds most of its claims.
    func dominanceNote(_ e: Entity) -> String? {
        let sources = model.sourceCount[e.id] ?? 0
        guard sources > 1, sources <= SourceDominance.sourceLimit else { return nil }
        let indexes = (model.claimsBySubject[e.id] ?? []) + (model.claimsByObject[e.id] ?? []).filter { model.graph.claims[$0].subject != e.id }
        let found = SourceDominance.find(indexes.map { model.graph.claims[$0] }) { source in
            model.qualityFindings[source]?.first(where: { $0.code == "score" })?.score
        }
        return found.map { d in d.sentence(title: model.documentIndex[d.source].map { SiteModel.title(of: model.graph.documents[$0]) } ?? d.source) }
    }
}
