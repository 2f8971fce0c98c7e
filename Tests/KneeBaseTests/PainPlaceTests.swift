import Testing
@testable import KneeBase

/// A place added after a pain symptom's comma names where it hurts: "pain on the front of
/// the knee, just below or outside the patella" also names *pain below the kneecap*.
@Suite("Places added after a pain symptom")
struct PainPlaceTests {
    static let lexicon = Lexicon(entities: ExtractionRuleTests.lexicon.entities + [
        Entity(id: "pain-front-of-knee", kind: .symptom, name: "pain on the front of the knee"),
        Entity(id: "pain-below-kneecap", kind: .symptom, name: "pain below the kneecap", aliases: ["pain below the patella"]),
        Entity(id: "patella", kind: .anatomy, name: "patella", aliases: ["kneecap"]),
    ])

    @Test("'pain …, just below or outside the patella' names the place's symptom too")
    func placeAfterComma() {
        let t = ExtractionFixture.triples("""
            # Patellar valgus

            The most typical symptom is pain on the front of the knee, just below or outside the patella after running.
            """, lexicon: Self.lexicon)
        #expect(t.contains("patellar-valgus symptom pain-front-of-knee"))
        #expect(t.contains("patellar-valgus symptom pain-below-kneecap"))
    }

    @Test("no place symptom without the comma or after a symptom that is no pain")
    func onlyAfterPain() {
        let t = ExtractionFixture.triples("""
            # Patellar valgus

            Swelling, below the patella, is common. The pain on the front of the knee below the patella is rare.
            """, lexicon: Self.lexicon)
        #expect(!t.contains("patellar-valgus symptom pain-below-kneecap"))
    }
}
