import Foundation
import Testing
@testable import KneeBase

/// Rules found on the v-set (Fixtures/heldout11) in a clinic's letter: a heading that advises
/// against what follows in so many words, and a company's name that holds a therapy's.
@Suite("Letter rules")
struct LetterRuleTests {
    typealias F = ExtractionFixture

    static let lexicon = Lexicon(entities: F.lexicon.entities + [
        Entity(id: "physical-therapy", kind: .treatment, name: "physical therapy", aliases: ["physio", "physiotherapy"]),
    ])

    @Test("a heading advising against what follows ('Things we advise against') lists advised-against remedies", arguments: [
        "Things we advise against", "What we'd recommend against", "Treatments we warn against",
    ])
    func adviseAgainstHeading(_ heading: String) {
        let t = F.triples("# Runner's knee\n\n## \(heading)\n\n- Foam rolling: it won't lengthen anything.\n- Ice packs if the pain comes back.\n", lexicon: F.lexicon)
        #expect(t.contains("patellofemoral-pain-syndrome not_recommended foam-rolling"))
        #expect(t.contains("patellofemoral-pain-syndrome not_recommended ice"))
        #expect(!t.contains("patellofemoral-pain-syndrome treatment ice"))
        let kept = F.triples("# Runner's knee\n\n## Things we advise\n\n- Ice packs if the pain comes back.\n", lexicon: F.lexicon)
        #expect(kept.contains("patellofemoral-pain-syndrome treatment ice"), "advice without 'against' still recommends")
    }

    @Test("a company's name ('Northgate Physiotherapy Ltd') names no therapy")
    func companyNameIsNoTherapy() {
        let t = F.triples("# Runner's knee\n\nNorthgate Physiotherapy Ltd, registered in England no. 09876543, treats runner's knee.\n", lexicon: Self.lexicon)
        #expect(!t.contains("patellofemoral-pain-syndrome treatment physical-therapy"))
        #expect(F.triples("# Runner's knee\n\nPhysiotherapy treats runner's knee.\n", lexicon: Self.lexicon)
            .contains("patellofemoral-pain-syndrome treatment physical-therapy"))
    }
}
