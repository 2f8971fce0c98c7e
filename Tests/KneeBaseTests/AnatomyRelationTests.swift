import Foundation
import Testing
@testable import KneeBase

private typealias F = ExtractionFixture

/// `involves` (condition → structure) and `targets` (treatment → structure) claims.
@Suite("Anatomy relations")
struct AnatomyRelationTests {
    private func triples(_ markdown: String) -> Set<String> {
        F.triples(F.claims(markdown)).filter { $0.contains(" involves ") || $0.contains(" targets ") }
    }

    @Test("a condition placed in a structure involves it; a weak or tight structure is a cause, not the place")
    func involves() {
        let t = triples("""
            # Knee pain in runners

            IT band syndrome is an irritation of the IT band where it rubs over the thigh bone.

            Runner's knee is made worse by weak hamstrings.

            Tight quads can bring on runner's knee.

            ITBS is common in runners, and quads are big muscles.
            """)
        #expect(t.contains("iliotibial-band-syndrome involves iliotibial-band"))
        #expect(!t.contains("patellofemoral-pain-syndrome involves hamstrings"))
        #expect(!t.contains("patellofemoral-pain-syndrome involves quadriceps"))
        #expect(!t.contains("iliotibial-band-syndrome involves quadriceps"), "a structure across a list item is not placed")
    }

    @Test("in a symptoms section, where it hurts is where the section's condition is")
    func locatedBySymptomSection() {
        let t = triples("""
            # Runner's knee

            ## Symptoms

            - A dull ache behind the quads after long runs
            - Pain is not felt in the hamstrings
            """)
        #expect(t == ["patellofemoral-pain-syndrome involves quadriceps"])
    }

    @Test("a treatment targets the structure it works on, not one named across a list or a clause")
    func targets() {
        let t = triples("""
            # Runner's knee

            ## Treatment

            Clamshells strengthen the glute med.

            Strengthen your hamstrings with mini squats.

            Hold the foam roll for 30 seconds and then swap to the quads.

            Do not foam roll the IT band.

            Is icing good for the quads?
            """)
        #expect(t.contains("clamshell targets gluteus-medius"))
        #expect(t.contains("mini-squat targets hamstrings"))
        #expect(!t.contains("foam-rolling targets quadriceps"), "'for 30 seconds and … the quads' joins nothing")
        #expect(!t.contains("foam-rolling targets iliotibial-band"), "negated advice makes no claim")
        #expect(!t.contains("ice targets quadriceps"), "a question claims nothing")
    }

    @Test("a structure whose name opens with a location cue ('outside of the knee') does not crash extraction")
    func structureOpeningWithCue() {
        let lexicon = Lexicon(entities: F.lexicon.entities + [
            Entity(id: "lateral-knee", kind: .anatomy, name: "lateral knee", aliases: ["outside of the knee"]),
        ])
        let t = F.triples(F.claims("# ITBS\n\nIn ITBS the tissue where the band crosses the outside of the knee becomes irritated.\n", lexicon: lexicon))
        #expect(t.contains("iliotibial-band-syndrome involves lateral-knee"))
    }
}
