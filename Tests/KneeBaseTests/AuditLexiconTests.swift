import Foundation
import Testing
@testable import KneeBase

/// Lexicon findings: ambiguous aliases, unused entities, discovered candidates.
@Suite("Audit · lexicon")
struct AuditLexiconTests {
    @Test("an alias claimed by two entities: how it is read, and where the text uses it")
    func ambiguousAlias() throws {
        let f = try #require(AuditFixture.finding("lexicon:ambiguous-alias:quads"))
        #expect(f.code == "ambiguous-alias")
        #expect(f.message.contains("claimed by quadriceps, quad-ache"))  // the first defined (anatomy.yml) first
        #expect(f.message.contains("read as quadriceps"))
        #expect(f.evidence.contains { $0.source == AuditFixture.path("disagree-a.md") && $0.line == 11 })
        #expect(f.severity == .warning)
    }

    @Test("an entity no claim uses is unused; a parent or target of a used one is not")
    func unused() {
        let ids = Set(AuditFixture.audited.findings.filter { $0.code == "unused" }.map(\.id))
        #expect(ids.contains("lexicon:unused:nordic-walking"))
        #expect(!ids.contains("lexicon:unused:strength-training"))
        #expect(!ids.contains("lexicon:unused:quadriceps"))
        #expect(!ids.contains("lexicon:unused:patellofemoral-pain-syndrome"))
    }

    @Test("a discovered entity named by two independent sources is a lexicon candidate")
    func candidates() throws {
        var m = ClaimMaker()
        let entities = handLexicon.entities + [Entity(id: "gait-tweaks", kind: .treatment, name: "gait tweaks", discovered: true)]
        let claims = [Claim(subject: "pfps", relation: .treatment, object: "gait-tweaks", evidence: [
            m.evidence("a.md", "Gait tweaks: small changes help."), m.evidence("b.md", "Gait tweaks: they helped me."),
        ])]
        let docs = ["a.md", "b.md"].map { AuditFixture.document("# \($0)\n\nText of \($0) that says very little of anything.\n", name: $0) }
        let graph = KnowledgeGraph(entities: entities, claims: claims, documents: docs)
        let f = try #require(Auditor.audit(graph, lexicon: handLexicon).first { $0.id == "lexicon:candidate:gait-tweaks" })
        #expect(f.support == 2)
        #expect(f.sources == ["a.md", "b.md"])
        #expect(f.claims == ["pfps|treatment|gait-tweaks"])
    }
}
