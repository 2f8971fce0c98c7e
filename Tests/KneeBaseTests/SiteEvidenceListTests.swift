import Testing
@testable import KneeBase

/// `EvidenceList.quotes`: the quotes an entity page shows under a claim, and what it says of
/// the rest. Given the claim's distinct source count (`SiteModel.claimSources`) it must say
/// what counting the sources itself says.
@Suite("Site · evidence lists")
struct SiteEvidenceListTests {
    @Test func theSourceCountGivenIsTheOneCounted() {
        let (graph, findings) = AuditFixture.audited
        let model = SiteModel(graph: graph, findings: findings)
        let list = EvidenceList(model: model, root: "../")
        #expect(graph.claims.contains { $0.evidence.count > 2 }, "claims with sentences left out are compared")
        for (ci, c) in graph.claims.enumerated() {
            for limit in [1, 2, 3] {
                let given = list.quotes(c.evidence, limit: limit, sourceCount: model.claimSources[ci])
                let counted = list.quotes(c.evidence, limit: limit)
                #expect(given.more == counted.more, "\(c.key)")
                #expect(given.items.map(\.href) == counted.items.map(\.href), "\(c.key)")
                #expect(given.items.count == min(limit, c.evidence.count), "\(c.key)")
            }
        }
    }

    @Test func oneQuotePerSourceBeforeRepeats() {
        let (graph, findings) = AuditFixture.audited
        let model = SiteModel(graph: graph, findings: findings)
        let list = EvidenceList(model: model, root: "../")
        for (ci, c) in graph.claims.enumerated() where model.claimSources[ci] >= 2 {
            let quotes = list.quotes(c.evidence, limit: 2, sourceCount: model.claimSources[ci]).items
            let pages = quotes.map { $0.href.split(separator: "#").first.map(String.init) ?? $0.href }
            #expect(Set(pages).count == quotes.count, "\(c.key): two sources quoted before any repeat")
        }
    }
}
