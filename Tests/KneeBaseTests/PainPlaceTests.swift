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

/// `ClaimExtractor.sidedPainPlaces`: the side or owner between a pain word's place words.
@Suite("Pain places with a side")
struct SidedPainPlaceTests {
    static let lexicon = Lexicon(entities: ExtractionFixture.lexicon.entities + [
        Entity(id: "pain-outside-of-knee", kind: .symptom, name: "pain on the outside of the knee"),
        Entity(id: "knee-joint", kind: .anatomy, name: "knee"),
        Entity(id: "hip-pain", kind: .symptom, name: "hip pain", aliases: ["pain in the hip"]),
    ])

    static func symptoms(_ markdown: String) -> Set<String> {
        Set(ExtractionFixture.claims(markdown, lexicon: lexicon).filter { $0.relation == .symptom }.map(\.object))
    }

    @Test("'a sharp pain on the outside of my left knee' names the place symptom")
    func sided() {
        #expect(Self.symptoms("# IT band syndrome\n\nI get a sharp pain on the outside of my left knee around mile 6.\n") == ["pain-outside-of-knee"])
    }

    @Test("a place word joined to the next by a hyphen is a modifier, not where it hurts")
    func hyphenated() {
        #expect(Self.symptoms("# IT band syndrome\n\nPain decreased earlier in the hip-focused group.\n").isEmpty)
    }
}
