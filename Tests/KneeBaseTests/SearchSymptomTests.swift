import Foundation
import Testing
@testable import KneeBase

/// `kneebase conditions`: conditions ranked by their symptom claims, on the real content.
@Suite("Symptom ranking")
struct SearchSymptomTests {
    let ranker: SymptomRanker

    init() throws { ranker = SymptomRanker(engine: try SearchFixtures.engine(SearchFixtures.real)) }

    @Test("descriptions are read as symptom entities, by alias, stem and typo")
    func readings() throws {
        let r = try ranker.rank(["pain when I squat", "swollen", "grindng under the kneecap", "qwxzv"])
        #expect(r.readings[0].symptoms.first?.id == "pain-when-squatting")
        #expect(r.readings[1].symptoms.map(\.id) == ["knee-swelling"])
        #expect(r.readings[2].symptoms.first?.id == "knee-grinding")
        #expect(r.readings[2].corrected?.hasPrefix("grinding") == true)
        #expect(r.readings[3].symptoms.isEmpty)
    }

    @Test("a claim counts for one description: a broad knee-pain claim is not summed once per symptom")
    func claimCountsOnce() throws {
        let r = try ranker.rank(["pain below kneecap", "pain when squatting"])
        // Runner's knee's broad knee-pain claim answers one description; squatting pain (004) the other.
        let pfps = try #require(r.conditions.first { $0.id == "patellofemoral-pain-syndrome" })
        #expect(pfps.matched.filter { $0.symptom == "knee-pain" }.count == 1, "\(pfps.matched.map(\.symptom))")
        #expect(r.conditions.prefix(2).contains { $0.id == "patellar-valgus" }, "\(r.conditions.map { ($0.id, $0.score) })")
        for c in r.conditions { #expect(Set(c.matched.map(\.symptom)).count == c.matched.count, "\(c.id): \(c.matched.map(\.symptom))") }
        // Pairing keeps the best match of each description whose claim is not taken yet.
        func m(_ query: String, _ symptom: String, _ score: Double) -> MatchedSymptom {
            MatchedSymptom(query: query, symptom: symptom, name: symptom, via: nil, link: .same, score: score, sources: 1, evidence: [])
        }
        let paired = SymptomRanker.pair([(0, m("a", "knee-pain", 0.5)), (1, m("b", "knee-pain", 0.5)), (1, m("b", "swelling", 0.3))])
        #expect(paired.map(\.symptom) == ["knee-pain", "swelling"])
        #expect(paired.map(\.query) == ["a", "b"])
    }

    @Test("squatting pain points to patellar valgus first")
    func squatting() throws {
        let r = try ranker.rank(["pain when squatting"])
        let top = try #require(r.conditions.first)
        #expect(top.id == "patellar-valgus")
        #expect(top.matched.first?.symptom == "pain-when-squatting")
        #expect(top.matched.first?.evidence.first?.source.hasSuffix("000-patellar-valgus.md") == true)
    }

    @Test("more independent sources weigh more: knee pain ranks runner's knee first")
    func sources() throws {
        let r = try ranker.rank(["knee pain"])
        #expect(r.conditions.first?.id == "patellofemoral-pain-syndrome")
        let pfps = try #require(r.conditions.first)
        #expect(pfps.matched.first?.sources ?? 0 >= 2)
        // Narrower symptoms of knee pain count for the conditions that list them.
        let valgus = try #require(r.conditions.first { $0.id == "patellar-valgus" })
        #expect(valgus.matched.first?.link == .narrower && valgus.matched.first?.via == "knee-pain")
    }

    @Test("several symptoms add up")
    func several() throws {
        let r = try ranker.rank(["grinding", "clicking", "pain on stairs"])
        let top = try #require(r.conditions.first)
        #expect(top.id == "patellofemoral-pain-syndrome")
        #expect(top.matched.count == 3)
        #expect(top.score > (r.conditions.dropFirst().first?.score ?? 0))
    }

    @Test("the JSON has the documented shape")
    func json() throws {
        let r = try ranker.rank(["swelling"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.json().utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["conditions"])
        let conditions = try #require(object["conditions"] as? [[String: Any]])
        let first = try #require(conditions.first)
        #expect(Set(first.keys) == ["id", "name", "score", "matched"])
        let matched = try #require((first["matched"] as? [[String: Any]])?.first)
        #expect(Set(matched.keys) == ["query", "symptom", "name", "via", "link", "score", "sources", "evidence"])
    }

    @Test("claim weight: independent publishers, copies once, hedging, denials")
    func support() {
        func ev(_ source: String, _ text: String, _ certainty: Certainty = .plain) -> SymptomEvidence {
            SymptomEvidence(source: source, line: 1, text: text, certainty: certainty, attribution: nil)
        }
        var c = SymptomClaim(condition: "c", conditionName: "c", symptom: "s", symptomName: "s")
        #expect(c.support == nil)
        c.add(ev("a.md", "Denied."), polarity: .negated, publisher: nil)
        #expect(c.support == nil)
        c.add(ev("a.md", "It may hurt.", .hedged), polarity: .asserted, publisher: "Clinic")
        #expect(c.support == 0.6)
        c.add(ev("b.md", "It hurts."), polarity: .asserted, publisher: "clinic")
        #expect(c.independentSources == 1 && c.support == 1)
        c.add(ev("c.md", "It hurts."), polarity: .asserted, publisher: "Blog")
        #expect(c.independentSources == 1, "a copied sentence is not another voice")
        c.add(ev("d.md", "Yes, it hurts."), polarity: .asserted, publisher: nil)
        #expect(c.independentSources == 2 && c.support == 2)
    }
}
