import Foundation
import Testing
@testable import KneeBase

/// Contradictions across sources: directly, and through related entities of the lexicon.
@Suite("Audit · contradictions")
struct AuditContradictionTests {
    @Test("recommended in one source, advised against in another: an error with both quotes")
    func recommendedAndAdvisedAgainst() throws {
        var m = ClaimMaker()
        let graph = handGraph([
            Claim(subject: "pfps", relation: .treatment, object: "squats", evidence: [m.evidence("a.md", "Squats help runner's knee.")]),
            Claim(subject: "pfps", relation: .notRecommended, object: "squats", evidence: [m.evidence("b.md", "Avoid squats with runner's knee.")]),
        ])
        let f = try #require(Auditor.audit(graph, lexicon: handLexicon).first { $0.kind == .contradiction })
        #expect(f.id == "contradiction:treatment:squats")
        #expect(f.code == "recommended-and-advised-against")
        #expect(f.severity == .error)
        #expect(f.claims == ["pfps|treatment|squats", "pfps|not_recommended|squats"])
        #expect(f.sources == ["a.md", "b.md"])
        #expect(f.evidence.map { "\($0.source):\($0.line)" } == ["a.md:2", "b.md:3"])
        #expect(f.evidence.map(\.text) == ["Squats help runner's knee.", "Avoid squats with runner's knee."])
    }

    @Test("a cause asserted in one source and negated in another")
    func causeAssertedAndDenied() throws {
        var m = ClaimMaker()
        let graph = handGraph([
            Claim(subject: "pfps", relation: .cause, object: "overtraining", evidence: [
                m.evidence("a.md", "Overtraining causes runner's knee."),
                m.evidence("b.md", "Overtraining does not cause runner's knee.", negated: true),
            ]),
        ])
        let f = try #require(Auditor.audit(graph, lexicon: handLexicon).first { $0.kind == .contradiction })
        #expect(f.id == "contradiction:cause:overtraining")
        #expect(f.code == "cause-asserted-and-denied")
        #expect(f.severity == .error)
        #expect(f.sources == ["a.md", "b.md"])
    }

    @Test("related entities disagree: a kind of the treatment, an exercise for the same muscle, a weakness it would fix",
          arguments: [
            ("squats", Relation.treatment, "contradiction:treatment:squats"),
            ("vmo-strengthening", Relation.treatment, "contradiction:treatment:vmo-strengthening"),
            ("weak-quadriceps", Relation.cause, "contradiction:cause:weak-quadriceps"),
          ])
    func relatedEntities(anchor: String, relation: Relation, id: String) throws {
        var m = ClaimMaker()
        let graph = handGraph([
            Claim(subject: "valgus", relation: relation, object: anchor, evidence: [m.evidence("a.md", "The anchor sentence.")]),
            Claim(subject: "pfps", relation: .notRecommended, object: "mini-squats", evidence: [m.evidence("b.md", "Mini squats make it worse.")]),
        ])
        let f = try #require(Auditor.audit(graph, lexicon: handLexicon).first { $0.id == id })
        #expect(f.code == "related-entity")
        #expect(f.severity == .warning)
        #expect(f.claims.contains("pfps|not_recommended|mini-squats"))
        #expect(f.sources == ["a.md", "b.md"])
        #expect(f.evidence.contains { $0.source == "b.md" && $0.text == "Mini squats make it worse." })
    }

    @Test("exercises for different muscles of one group do not contradict each other")
    func unrelatedExercises() {
        var m = ClaimMaker()
        let graph = handGraph([
            Claim(subject: "pfps", relation: .treatment, object: "straight-leg-raises", evidence: [m.evidence("a.md", "Straight leg raises help.")]),
            Claim(subject: "pfps", relation: .notRecommended, object: "mini-squats", evidence: [m.evidence("b.md", "Mini squats make it worse.")]),
            Claim(subject: "pfps", relation: .treatment, object: "strength-training", evidence: [m.evidence("a.md", "Strength training helps.")]),
        ])
        #expect(!Auditor.audit(graph, lexicon: handLexicon).contains { $0.kind == .contradiction })
    }

    @Test("a source on both sides of a claim is left out of the comparison, and gets a note of its own")
    func mixedSourcesLeftOut() throws {
        var m = ClaimMaker()
        let graph = handGraph([
            Claim(subject: "pfps", relation: .treatment, object: "ice", evidence: [m.evidence("a.md", "Ice helps."), m.evidence("b.md", "Ice helps some.")]),
            Claim(subject: "pfps", relation: .notRecommended, object: "ice", evidence: [m.evidence("b.md", "Don't ice it every day.")]),
            Claim(subject: "pfps", relation: .treatment, object: "squats", evidence: [m.evidence("c.md", "Squats help.")]),
            Claim(subject: "pfps", relation: .notRecommended, object: "squats", evidence: [m.evidence("c.md", "Deep squats hurt.")]),
        ])
        let found = Auditor.audit(graph, lexicon: handLexicon).filter { $0.kind == .contradiction }
        #expect(!found.contains { $0.code != "source-says-both" }, "\(found.map(\.id))")
        let notes = found.filter { $0.code == "source-says-both" }
        #expect(notes.map(\.id) == ["contradiction:self:treatment:pfps:ice:b.md", "contradiction:self:treatment:pfps:squats:c.md"])
        let ice = try #require(notes.first)
        #expect(ice.severity == .note && ice.sources == ["b.md"])
        #expect(ice.message.hasPrefix("b.md both recommends and advises against “ice” for patellofemoral pain syndrome"))
        #expect(ice.evidence.map(\.text) == ["Ice helps some.", "Don't ice it every day."])
        #expect(ice.claims == ["pfps|treatment|ice", "pfps|not_recommended|ice"])
    }

    @Test("denials in the text: a muscle's role, a supposed cause called harmless")
    func denials() throws {
        let b = AuditFixture.document("""
        # Knees

        The vastus medialis does not change how the kneecap tracks.

        You can run pain free with one leg shorter.
        """, name: "b.md")
        let denials = DenialScanner(lexicon: handLexicon).scan(b)
        #expect(denials.map(\.entity) == ["vastus-medialis", "leg-length-discrepancy"])
        #expect(denials.map(\.line) == [3, 5])
        #expect(denials.map(\.cue) == ["does not change", "run pain free"])

        var m = ClaimMaker()
        let graph = handGraph([
            Claim(subject: "pfps", relation: .cause, object: "weak-quadriceps", evidence: [m.evidence("a.md", "Weak quads cause runner's knee.")]),
            Claim(subject: "valgus", relation: .riskFactor, object: "leg-length-discrepancy", evidence: [m.evidence("a.md", "Long and short legs are a risk factor.")]),
        ], documents: [b])
        let findings = Auditor.audit(graph, lexicon: handLexicon)
        let quads = try #require(findings.first { $0.id == "contradiction:cause:weak-quadriceps" })
        #expect(quads.evidence.contains { $0.source == "b.md" && $0.line == 3 })
        let legs = try #require(findings.first { $0.id == "contradiction:cause:leg-length-discrepancy" })
        #expect(legs.code == "cause-asserted-and-denied")
        #expect(legs.evidence.map { "\($0.source):\($0.line)" } == ["a.md:3", "b.md:5"])
    }

    @Test("one source denying a muscle's role against a cause that blames it and an exercise that works it: one finding")
    func deniedRoleIsOneFinding() throws {
        let b = AuditFixture.document("""
        # Knees

        The vastus medialis does not change how the kneecap tracks.

        Skip the mini squats.
        """, name: "b.md")
        var m = ClaimMaker()
        let graph = handGraph([
            Claim(subject: "pfps", relation: .cause, object: "weak-quadriceps", evidence: [m.evidence("a.md", "Weak quads cause runner's knee.")]),
            Claim(subject: "valgus", relation: .treatment, object: "vmo-strengthening", evidence: [m.evidence("a.md", "Strengthen the VMO.")]),
            Claim(subject: "pfps", relation: .notRecommended, object: "mini-squats", evidence: [m.evidence("b.md", "Skip the mini squats.")]),
        ], documents: [b])
        let contradictions = Auditor.audit(graph, lexicon: handLexicon).filter { $0.kind == .contradiction }
        #expect(contradictions.map(\.id) == ["contradiction:role:vastus-medialis"])
        let f = try #require(contradictions.first)
        #expect(f.code == "role-denied")
        #expect(f.message.hasPrefix("Sources disagree on the role of the vastus medialis: b.md denies a role for the vastus medialis (“does not change”) and advises against “mini squats”"))
        #expect(f.message.contains("“weak quadriceps” named as a cause and “VMO strengthening” recommended"))
        #expect(Set(f.claims) == ["pfps|cause|weak-quadriceps", "valgus|treatment|vmo-strengthening", "pfps|not_recommended|mini-squats"])
        #expect(f.sources == ["a.md", "b.md"])
        // Both anchors' quotes, then the denial and the advice against, each once.
        #expect(f.evidence.map { "\($0.source):\($0.line)" } == ["a.md:2", "a.md:3", "b.md:3", "b.md:4"])
    }

    @Test("rewritten text is read through its synonym swaps: “ache free” denies like “pain free”")
    func denialInRewrittenText() {
        let d = AuditFixture.document("# Legs\n\nSure, you may run ache free with one leg shorter.\n", name: "spun.md")
        #expect(DenialScanner(lexicon: handLexicon).scan(d).map(\.entity) == ["leg-length-discrepancy"])
    }

    @Test("the fixture sources that disagree are found, with quotes from both")
    func fixtureDisagreement() throws {
        let a = AuditFixture.path("disagree-a.md"), b = AuditFixture.path("disagree-b.md")
        let found = AuditFixture.audited.findings.filter { $0.kind == .contradiction && $0.sources.contains(a) && $0.sources.contains(b) }
        #expect(!found.isEmpty, "claims: \(AuditFixture.audited.graph.claims.map(\.key))")
        for f in found {
            #expect(f.evidence.contains { $0.source == a })
            #expect(f.evidence.contains { $0.source == b })
        }
        #expect(found.contains { $0.id == "contradiction:treatment:squats" })
    }
}
