/// One source behind most of an entity's claims, when the audit rates that source low: a
/// reader of the entity's page or card should know that what they read rests mostly on it.
public struct SourceDominance: Sendable, Equatable {
    /// The source's path.
    public var source: String
    /// The entity's claims with evidence from the source, and all its claims.
    public var claims: Int
    public var total: Int
    /// The source's quality score (0–100), below `SourceQuality.lowScore`.
    public var score: Int

    /// Entities with more distinct sources than this are not checked: one source cannot
    /// dominate them in practice, and counting every claim's sources would cost a pass over thousands.
    public static let sourceLimit = 50

    /// The dominance among `claims` (an entity's claims, five or more): at least two thirds of
    /// them have evidence from one source whose score (`score`) is below `SourceQuality.lowScore`.
    public static func find(_ claims: [Claim], score: (String) -> Int?) -> SourceDominance? {
        guard claims.count >= 5 else { return nil }
        var perSource: [String: Int] = [:]
        for c in claims {
            var seen: [String] = []
            for ev in c.evidence where !seen.contains(ev.source) { seen.append(ev.source) }
            for s in seen { perSource[s, default: 0] += 1 }
            if perSource.count > sourceLimit { return nil }
        }
        guard perSource.count > 1, let (source, count) = perSource.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }),
              count * 3 >= claims.count * 2, let s = score(source), s < SourceQuality.lowScore else { return nil }
        return SourceDominance(source: source, claims: count, total: claims.count, score: s)
    }

    /// "Most of them (73 of 103) come from one source, TITLE, which the audit rates low (23/100)."
    public func sentence(title: String) -> String {
        "Most of them (\(claims) of \(total)) come from one source, \(title), which the audit rates low (\(score)/100)."
    }
}
