/// What a reader should know about where an entity's claims come from: when most of them
/// rest on one source that the audit rates low, the page says so beside the source count.
extension EntityPage {
    /// Entities with more sources than this are not checked: one source cannot dominate
    /// them in practice, and counting every claim's sources would cost a pass over thousands.
    static let dominanceSourceLimit = 50

    /// "Most of them (73 of 103) come from one source, Repair Runner's Knee, which the audit
    /// rates low (23/100)." — when at least two thirds of the entity's claims (five or more)
    /// have evidence from one source whose quality score is below `SourceQuality.lowScore`.
    func dominanceNote(_ e: Entity) -> String? {
        let sources = model.sourceCount[e.id] ?? 0
        guard sources > 1, sources <= Self.dominanceSourceLimit else { return nil }
        let claims = (model.claimsBySubject[e.id] ?? []) + (model.claimsByObject[e.id] ?? []).filter { model.graph.claims[$0].subject != e.id }
        guard claims.count >= 5 else { return nil }
        var perSource: [String: Int] = [:]
        for ci in claims {
            var seen: [String] = []
            for ev in model.graph.claims[ci].evidence where !seen.contains(ev.source) { seen.append(ev.source) }
            for s in seen { perSource[s, default: 0] += 1 }
        }
        guard let (source, count) = perSource.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }), count * 3 >= claims.count * 2,
              let score = model.qualityFindings[source]?.first(where: { $0.code == "score" })?.score, score < SourceQuality.lowScore
        else { return nil }
        let title = model.documentIndex[source].map { SiteModel.title(of: model.graph.documents[$0]) } ?? source
        return "Most of them (\(count) of \(claims.count)) come from one source, \(title), which the audit rates low (\(score)/100)."
    }
}
