import Foundation
import Testing
@testable import KneeBase

/// Support: independent sources per claim, single-source, hedged-only and anecdote-only claims.
@Suite("Audit · support")
struct AuditSupportTests {
    @Test("a claim made by two sources is corroborated by 2; repeats inside one source count once")
    func independentSources() throws {
        var m = ClaimMaker()
        let graph = handGraph([
            Claim(subject: "pfps", relation: .treatment, object: "ice", evidence: [
                m.evidence("a.md", "Ice helps runner's knee."), m.evidence("a.md", "Ice it again after the run."),
                m.evidence("b.md", "Icing the knee helps."),
            ]),
            Claim(subject: "pfps", relation: .cause, object: "overtraining", evidence: [
                m.evidence("a.md", "Overtraining causes runner's knee."), m.evidence("a.md", "Too much running is the cause."),
            ]),
        ])
        let findings = Auditor.audit(graph, lexicon: handLexicon)
        let ice = try #require(findings.first { $0.id == "support:corroborated:pfps|treatment|ice" })
        #expect(ice.support == 2)
        #expect(ice.severity == .note)
        #expect(ice.sources == ["a.md", "b.md"])
        #expect(ice.claims == ["pfps|treatment|ice"])
        let single = try #require(findings.first { $0.id == "support:single-source:pfps|cause|overtraining" })
        #expect(single.support == 1)
        #expect(single.sources == ["a.md"])
        #expect(single.evidence.map(\.line) == [5, 6])
        #expect(single.evidence.map(\.text) == ["Overtraining causes runner's knee.", "Too much running is the cause."])
        #expect(FindingsReport.supportDistribution(findings).map { [$0.sources, $0.claims] } == [[1, 1], [2, 1]])
    }

    @Test("copies of one text count as one source")
    func copiesAreNotIndependent() throws {
        let text = """
        # Knee care

        Runner's knee is pain around the kneecap that builds over many weeks of running.

        Strengthening the hips is the treatment that helps most runners with this problem.

        Rest alone rarely fixes the problem because the weak muscles stay weak.

        Ice can calm the knee down after a long run on hard roads.
        """
        let a = AuditFixture.document(text, name: "a.md")
        let b = AuditFixture.document(text + "\n\nA closing line only the copy has, to make it differ.\n", name: "b.md")
        var m = ClaimMaker()
        let graph = handGraph([Claim(subject: "pfps", relation: .treatment, object: "ice", evidence: [
            m.evidence("a.md", "Ice can calm the knee down after a long run on hard roads."),
            m.evidence("b.md", "Ice can calm the knee down after a long run on hard roads."),
        ])], documents: [a, b])
        let findings = Auditor.audit(graph, lexicon: handLexicon)
        let f = try #require(findings.first { $0.id == "support:single-source:pfps|treatment|ice" })
        #expect(f.support == 1)
        #expect(f.message.contains("2 copies of one text"))
        // The copies are named once, as a quality warning on both sources…
        let copies = try #require(findings.first { $0.code == "copies" })
        #expect(copies.severity == .warning && copies.sources == ["a.md", "b.md"])
        #expect(copies.message.hasPrefix("a.md and b.md are two copies of one text"))
        // …and the site says "2 sources" with what they are.
        let model = SiteModel(graph: graph, findings: findings)
        #expect(model.sourceLabel(claim: 0) == "2 sources, copies of one text")
        #expect(SiteModel(graph: graph, findings: []).sourceLabel(claim: 0) == "2 sources")
    }

    @Test("claims only ever hedged, or only told as the author's own story, are flagged")
    func hedgedAndAnecdotal() throws {
        var m = ClaimMaker()
        let graph = handGraph([
            Claim(subject: "pfps", relation: .treatment, object: "squats", evidence: [
                m.evidence("a.md", "Squats may help in theory.", hedged: true), m.evidence("b.md", "Squats might help.", hedged: true),
            ]),
            Claim(subject: "pfps", relation: .treatment, object: "ice", evidence: [
                m.evidence("c.md", "I iced my knee and it helped.", attribution: SupportAnalysis.anecdote),
            ]),
        ])
        let findings = Auditor.audit(graph, lexicon: handLexicon)
        let hedged = try #require(findings.first { $0.id == "support:hedged-only:pfps|treatment|squats" })
        #expect(hedged.severity == .note)
        #expect(hedged.evidence.count == 2)
        // The hedge words the sentences use, as written.
        #expect(hedged.message.contains("only ever hedged (“may”, “theory”, “might”) in 2 sentences"), "\(hedged.message)")
        let anecdote = try #require(findings.first { $0.id == "support:anecdote-only:pfps|treatment|ice" })
        #expect(anecdote.severity == .warning)
        #expect(anecdote.evidence.map { "\($0.source):\($0.line)" } == ["c.md:4"])
        #expect(!findings.contains { $0.id == "support:anecdote-only:pfps|treatment|squats" })
        #expect(!findings.contains { $0.id == "support:hedged-only:pfps|treatment|ice" })
    }

    @Test("the fixture sources that agree corroborate each other")
    func fixtureAgreement() throws {
        let ice = try #require(AuditFixture.audited.findings.first { $0.code == "corroborated" && $0.claims.first?.hasSuffix("|treatment|ice") == true },
                               "no corroborated ice claim: \(AuditFixture.audited.graph.claims.map(\.key))")
        #expect(ice.support ?? 0 >= 2)
        #expect(ice.sources.contains(AuditFixture.path("agree-a.md")))
        #expect(ice.sources.contains(AuditFixture.path("agree-b.md")))
        #expect(!AuditFixture.audited.findings.contains { $0.kind == .contradiction && $0.sources.contains(AuditFixture.path("agree-a.md")) && $0.sources.contains(AuditFixture.path("agree-b.md")) })
    }
}
