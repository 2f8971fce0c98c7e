import Foundation
import Testing
@testable import KneeBase

/// Rules found on the v-set (Fixtures/heldout11) in a clinic's letter: a heading that advises
/// against what follows in so many words, a company's name that holds a therapy's, "stretches of"
/// a route, and a side ("my left knee") or a period ("weekly mileage") inside a name.
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
        let kept = F.triples("# Runner's knee\n\n## Treatments we advise\n\n- Ice packs after a long run.\n", lexicon: F.lexicon)
        #expect(kept.contains("patellofemoral-pain-syndrome treatment ice"), "advice without 'against' still recommends")
    }

    @Test("a company's name ('Northgate Physiotherapy Ltd') names no therapy")
    func companyNameIsNoTherapy() {
        let t = F.triples("# Runner's knee\n\nNorthgate Physiotherapy Ltd, registered in England no. 09876543, treats runner's knee.\n", lexicon: Self.lexicon)
        #expect(!t.contains("patellofemoral-pain-syndrome treatment physical-therapy"))
        #expect(F.triples("# Runner's knee\n\nPhysiotherapy treats runner's knee.\n", lexicon: Self.lexicon)
            .contains("patellofemoral-pain-syndrome treatment physical-therapy"))
    }

    @Test("a side ('my left knee', 'your right knee') inside a name is skipped like a determiner", arguments: ["my left", "your right", "the right"])
    func sideInsideName(_ words: String) {
        let lexicon = Lexicon(entities: F.lexicon.entities + [
            Entity(id: "pain-outside-of-knee", kind: .symptom, name: "pain on the outside of the knee"),
        ])
        let mentions = MentionFinder(lexicon: lexicon).mentions(in: Tokenizer(stemmer: Stemmer()).tokens("pain on the outside of \(words) knee"))
        #expect(mentions.map(\.entity) == ["pain-outside-of-knee"])
        let first = MentionFinder(lexicon: lexicon).mentions(in: Tokenizer(stemmer: Stemmer()).tokens("left pain on the outside of the knee"))
        #expect(first.first?.first == 1, "a side before a name is not part of it")
    }

    @Test("a period ('weekly') inside a name is skipped like a determiner")
    func periodInsideName() {
        let lexicon = Lexicon(entities: [Entity(id: "overtraining", kind: .cause, name: "overtraining", aliases: ["sudden jump in mileage"])])
        let mentions = MentionFinder(lexicon: lexicon).mentions(in: Tokenizer(stemmer: Stemmer()).tokens("a sudden jump in weekly mileage"))
        #expect(mentions.map(\.entity) == ["overtraining"])
        #expect(MentionFinder(lexicon: lexicon).mentions(in: Tokenizer(stemmer: Stemmer()).tokens("a sudden jump in weekly pain")).isEmpty)
    }

    @Test("'stretches of' a route name a length of ground, not the remedy")
    func stretchOfGround() {
        let lexicon = Lexicon(entities: F.lexicon.entities + [
            Entity(id: "stretching", kind: .treatment, name: "stretching", aliases: ["stretch", "stretches"]),
        ])
        let t = F.triples("# Runner's knee\n\n## Treatment\n\nThe pain is worse on the downhill stretches of your usual route.\n", lexicon: lexicon)
        #expect(!t.contains { $0.hasSuffix(" stretching") })
        let kept = F.triples("# Runner's knee\n\n## Treatment\n\nA gentle stretch of the hamstrings helps runner's knee.\n", lexicon: lexicon)
        #expect(kept.contains { $0.hasPrefix("patellofemoral-pain-syndrome treatment ") && $0.hasSuffix("stretching") },
                "a stretch of a muscle stays the remedy")
    }
}
