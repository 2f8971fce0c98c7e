import Foundation
import Testing
@testable import KneeBase

/// Rules found on the v-set (Fixtures/heldout11): what a quiz or a myth-busting text puts to the
/// reader without asserting it — "True or false?" statements, lettered options under a question,
/// the myth after "Myth:", and a belief reported as given up ("was once thought to cause"); and
/// an explanation's "the pain is felt around the kneecap", which names that pain.
@Suite("Quiz rules")
struct QuizRuleTests {
    typealias F = ExtractionFixture

    @Test("a statement put to the reader as 'True or false?' asserts nothing", arguments: [
        "**7.** Ice cures runner's knee. *True or false?*",
        "Q7. Ice cures runner's knee. True or false?",
    ])
    func trueOrFalseAssertsNothing(_ statement: String) {
        let t = F.triples("# Runner's knee quiz\n\n\(statement)\n", lexicon: F.lexicon)
        #expect(!t.contains("patellofemoral-pain-syndrome treatment ice"))
        #expect(F.triples("# Runner's knee quiz\n\n**7.** Ice cures runner's knee. True, mostly.\n", lexicon: F.lexicon)
            .contains("patellofemoral-pain-syndrome treatment ice"), "a statement not put as a question still asserts")
    }

    @Test("lettered options under a question or an unfinished stem assert nothing", arguments: ["?", "…"])
    func answerOptionsAssertNothing(_ end: String) {
        let options = "- a) Swelling after sitting\n- b) Pain on squatting\n- c) Ice packs\n"
        let quiz = F.triples("# Runner's knee quiz\n\n**4. The usual sign of runner's knee is\(end)**\n\n\(options)", lexicon: F.lexicon)
        #expect(!quiz.contains("patellofemoral-pain-syndrome symptom knee-swelling"))
        #expect(!quiz.contains("patellofemoral-pain-syndrome symptom pain-when-squatting"))
        let list = F.triples("# Runner's knee\n\n## Symptoms\n\nThe usual signs are these.\n\n\(options)", lexicon: F.lexicon)
        #expect(list.contains("patellofemoral-pain-syndrome symptom knee-swelling"), "a lettered list after a statement still lists")
        #expect(ClaimExtractor.opensWithOptionLetter(Array("(b) Pain".utf8)))
        #expect(!ClaimExtractor.opensWithOptionLetter(Array("b)Pain".utf8)))
        #expect(!ClaimExtractor.opensWithOptionLetter(Array("Ba) Pain".utf8)))
    }

    @Test("the myth after 'Myth:' is not claimed, and 'Reality:' names nothing")
    func mythLabel() {
        let t = F.triples("# Runner's knee\n\n## Causes\n\nMyth: a sudden increase in mileage causes runner's knee.\n\nReality: the band is stiff tissue by nature, like a rope.\n", lexicon: F.lexicon)
        #expect(!t.contains("patellofemoral-pain-syndrome cause overtraining"))
        #expect(!t.contains { $0.hasSuffix(" reality") })
        let told = F.triples("# Runner's knee\n\n## Causes\n\nMy take: a sudden increase in mileage causes runner's knee.\n", lexicon: F.lexicon)
        #expect(told.contains("patellofemoral-pain-syndrome cause overtraining"), "another label keeps its claim")
    }

    @Test("a belief reported as given up ('was once thought to cause') is no cause", arguments: [
        "A sudden increase in mileage was once thought to cause runner's knee, but the evidence is weak.",
        "For years the explanation was a sudden increase in mileage.",
        "A sudden increase in mileage used to be blamed for runner's knee.",
    ])
    func formerBeliefIsNoCause(_ sentence: String) {
        let t = F.triples("# Runner's knee\n\n## Causes\n\n\(sentence)\n", lexicon: F.lexicon)
        #expect(!t.contains("patellofemoral-pain-syndrome cause overtraining"))
        let now = F.triples("# Runner's knee\n\n## Causes\n\nA sudden increase in mileage is thought to cause runner's knee.\n", lexicon: F.lexicon)
        #expect(now.contains("patellofemoral-pain-syndrome cause overtraining"), "a belief held now still claims")
    }

    @Test("a pain said to be felt in a place ('The pain is felt around the kneecap') names the pain there", arguments: [
        "The pain is felt around or behind the kneecap.", "The pain is usually felt around the kneecap.", "The ache sits around the kneecap.",
    ])
    func feltPlaceNamesPain(_ sentence: String) {
        let lexicon = Lexicon(entities: F.lexicon.entities + [
            Entity(id: "pain-around-kneecap", kind: .symptom, name: "pain around the kneecap"),
        ])
        let t = F.triples("# Runner's knee\n\n## Symptoms\n\n\(sentence)\n", lexicon: lexicon)
        #expect(t.contains("patellofemoral-pain-syndrome symptom pain-around-kneecap"))
        let away = F.triples("# Runner's knee\n\n## Symptoms\n\nThe pain is gone around the time you stop.\n", lexicon: lexicon)
        #expect(!away.contains("patellofemoral-pain-syndrome symptom pain-around-kneecap"))
    }
}
