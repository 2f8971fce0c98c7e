import Foundation
import Testing
@testable import KneeBase

/// One low-rated source behind most of an entity's claims, for entity pages and `show`.
@Suite("Source dominance")
struct SourceDominanceTests {
    /// Claims about `pfps`: the first `fromSpun` with evidence from spun.md, the rest from good.md.
    func claims(_ count: Int, fromSpun: Int) -> [Claim] {
        var m = ClaimMaker()
        return (0..<count).map { i in
            Claim(subject: "pfps", relation: .treatment, object: "t\(i)", evidence: [m.evidence(i < fromSpun ? "spun.md" : "good.md", "T\(i) helps.")])
        }
    }

    @Test("two thirds of five or more claims from one low-rated source; not fewer claims, a smaller share or a fair score")
    func thresholds() {
        let low: (String) -> Int? = { $0 == "spun.md" ? 23 : 80 }
        #expect(SourceDominance.find(claims(6, fromSpun: 4), score: low) == SourceDominance(source: "spun.md", claims: 4, total: 6, score: 23))
        #expect(SourceDominance.find(claims(6, fromSpun: 3), score: low) == nil)
        #expect(SourceDominance.find(claims(4, fromSpun: 3), score: low) == nil)
        #expect(SourceDominance.find(claims(6, fromSpun: 6), score: low) == nil, "one source only: nothing to compare")
        #expect(SourceDominance.find(claims(6, fromSpun: 5), score: { _ in SourceQuality.lowScore }) == nil)
        #expect(SourceDominance(source: "spun.md", claims: 4, total: 6, score: 23).sentence(title: "Spun")
                == "Most of them (4 of 6) come from one source, Spun, which the audit rates low (23/100).")
    }

    @Test("the knowledge base gives each source's quality score")
    func scoresReadBack() throws {
        let (graph, findings) = AuditFixture.audited
        try withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("kb.sqlite")
            try KnowledgeBaseWriter.write(graph, findings: findings, to: url)
            let read = try KnowledgeBaseReader(url: url).qualityScores()
            #expect(!read.isEmpty)
            var expected: [String: Int] = [:]
            for f in findings where f.code == "score" { for s in f.sources { expected[s] = f.score } }
            #expect(read == expected)
        }
    }
}
