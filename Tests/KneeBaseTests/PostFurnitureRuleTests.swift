import Foundation
import Testing
@testable import KneeBase

/// Rules found on the u-set (Fixtures/heldout10): the furniture of threads, posts and video
/// pages — post headers, labels that name nothing, "Up next" rails — and a practitioner
/// reported speaking.
@Suite("Post furniture rules")
struct PostFurnitureRuleTests {
    typealias F = ExtractionFixture

    static let lexicon = Lexicon(entities: F.lexicon.entities + [
        Entity(id: "physical-therapy", kind: .treatment, name: "physical therapy", aliases: ["physio", "physiotherapy"]),
    ])

    static func triples(_ markdown: String) -> Set<String> { F.triples(F.claims(markdown, lexicon: lexicon)) }

    @Test("a post's header naming an account ('Mo Adeyemi @mo_moves_physio · 9 Apr') heads no section")
    func postHeaderIsNoSection() {
        let body = "Ice came up again on Tuesday.\n\nClamshells help runner's knee.\n"
        let plain = Self.triples("# Runner's knee\n\n## Mo Adeyemi @mo_moves_physio · 9 Apr\n\n\(body)")
        #expect(!plain.contains("patellofemoral-pain-syndrome treatment ice"))
        #expect(plain.contains("patellofemoral-pain-syndrome treatment clamshell"))
        #expect(Self.triples("# Runner's knee\n\n## Physio tips\n\n\(body)").contains("patellofemoral-pain-syndrome treatment ice"),
                "a section heading without an account still heads its section")
    }

    @Test("a label that asks, names an account, abbreviates or sets aside names no remedy", arguments: [
        "First, what it looks like: the knee drops in as you bend it and the foot rolls in.",
        "Reply from @runnerjen86: \"My podiatrist sold me custom orthotics for it??\"",
        "TL;DR: strengthen the hips, train the pattern and land softly.",
        "Also skip: endless stretching of the inner thigh.",
    ])
    func labelNamesNothing(_ sentence: String) {
        let claims = F.claims("# Runner's knee\n\n## What helps\n\n\(sentence)\n", lexicon: Self.lexicon)
        let label = sentence.prefix { $0 != ":" }
        #expect(!claims.contains { $0.object == Slug.make(String(label)) }, "\(label)")
        #expect(F.triples(F.claims("# Runner's knee\n\n## What helps\n\nSide planks: hold for 30 seconds on each side.\n", lexicon: Self.lexicon))
            .contains("patellofemoral-pain-syndrome treatment side-planks"), "a label naming a remedy still names it")
    }

    @Test("a label setting aside what follows ('Also skip:') advises against it")
    func asideLabelAdvisesAgainst() {
        let t = Self.triples("# Runner's knee\n\nClamshells help runner's knee.\n\nAlso skip: endless foam rolling of the quads.\n")
        #expect(t.contains("patellofemoral-pain-syndrome not_recommended foam-rolling"))
        #expect(!t.contains("patellofemoral-pain-syndrome treatment foam-rolling"))
        let kept = Self.triples("# Runner's knee\n\nClamshells help runner's knee.\n\nDon't skip: daily foam rolling of the quads helps.\n")
        #expect(!kept.contains("patellofemoral-pain-syndrome not_recommended foam-rolling"))
    }

    @Test("a cause the sentence says is rarely the cause or the reason is no cause", arguments: [
        "Tight inner thighs and a sudden increase in mileage are rarely the cause of runner's knee.",
        "A sudden increase in mileage on its own is rarely the reason for runner's knee.",
        "A sudden increase in mileage isn't usually the culprit in runner's knee.",
    ])
    func deniedCauseIsNoCause(_ sentence: String) {
        let t = Self.triples("# Runner's knee\n\n\(sentence)\n")
        #expect(!t.contains("patellofemoral-pain-syndrome cause overtraining"))
    }

    @Test("'not the only cause' still names a cause")
    func notTheOnlyCauseStands() {
        let t = Self.triples("# Runner's knee\n\nA sudden increase in mileage is not the only cause of runner's knee.\n")
        #expect(t.contains("patellofemoral-pain-syndrome cause overtraining"))
    }

    @Test("signs after a label asking when to seek help are warning signs, not symptoms")
    func helpLabelGivesWarningSigns() {
        let t = Self.triples("# Runner's knee\n\n## Symptoms\n\nWhen to see someone: pain that doesn't settle in a couple of weeks, swelling, or the knee giving way.\n")
        #expect(!t.contains("patellofemoral-pain-syndrome symptom knee-swelling"))
        let plain = Self.triples("# Runner's knee\n\n## Symptoms\n\nWhat you notice: pain that doesn't settle in a couple of weeks, swelling, or the knee giving way.\n")
        #expect(plain.contains("patellofemoral-pain-syndrome symptom knee-swelling"))
    }

    @Test("a practitioner reported speaking is the speaker, not physiotherapy")
    func speakingPractitionerIsNoRemedy() {
        let t = Self.triples("# IT band syndrome\n\nI asked about an injection. The physio said she doesn't recommend it: it might settle the pain for a while but does nothing about why it happened.\n")
        #expect(!t.contains("iliotibial-band-syndrome not_recommended physical-therapy"))
        #expect(!t.contains("iliotibial-band-syndrome treatment physical-therapy"))
        let helped = Self.triples("# IT band syndrome\n\n## What helps\n\nPhysio helped me more than anything else.\n")
        #expect(helped.contains("iliotibial-band-syndrome treatment physical-therapy"))
    }

    @Test("an 'Up next' rail of video titles is furniture, not the article's claims")
    func upNextRailIsFurniture() {
        let rail = "- IT Band Syndrome: Stop Foam Rolling It!\n- Ice Packs for Runner's Knee: Do They Help?\n"
        let t = Self.triples("# Runner's knee\n\nClamshells help runner's knee.\n\n## Up next\n\n\(rail)")
        #expect(!t.contains("iliotibial-band-syndrome not_recommended foam-rolling"))
        #expect(t.contains("patellofemoral-pain-syndrome treatment clamshell"))
        #expect(Self.triples("# Runner's knee\n\nClamshells help runner's knee.\n\n## Our advice\n\n\(rail)")
            .contains("iliotibial-band-syndrome not_recommended foam-rolling"), "the same list under another heading is read")
    }
}

/// Rules found on the u-set for diaries and threads: "the worst for it", arrow bullets, and
/// a paragraph's opening question heading the list after it.
@Suite("Thread phrasing rules")
struct ThreadPhrasingRuleTests {
    typealias F = ExtractionFixture

    static let lexicon = Lexicon(entities: F.lexicon.entities + [
        Entity(id: "pain-running-downhill", kind: .symptom, name: "pain when running downhill", aliases: ["pain on downhills"]),
        Entity(id: "poor-ankle-mobility", kind: .cause, name: "poor ankle mobility"),
    ])

    @Test("an activity that is 'the worst for it' or 'hurts for me' is a symptom's activity", arguments: [
        "Lesson learned: downhills are the worst for it.",
        "Downhills are always the worst for my knee.",
    ])
    func worstForItIsASymptom(_ sentence: String) {
        let t = F.triples("# IT band syndrome\n\nI run most days.\n\n\(sentence)\n", lexicon: Self.lexicon)
        #expect(t.contains("iliotibial-band-syndrome symptom pain-running-downhill"))
    }

    @Test("'the worst for' someone else's purpose is no symptom")
    func worstForAPurposeIsNoSymptom() {
        let t = F.triples("# IT band syndrome\n\nI run most days.\n\nDownhills are the worst for training speed.\n", lexicon: Self.lexicon)
        #expect(!t.contains("iliotibial-band-syndrome symptom pain-running-downhill"))
    }

    @Test("in plain text, lines opening with an arrow are list items a paragraph's opening question heads")
    func arrowItemsUnderOpeningQuestion() {
        let text = "Knee valgus thread\n\nMo @mo_physio · 9 Apr\nWhy does it happen in runner's knee? The usual suspects:\n→ poor ankle mobility, the knee finds the range elsewhere\n→ weak gluteus medius, again and again\n"
        var diagnostics: [Diagnostic] = []
        let document = ArticleIngester().ingest(bytes: Array(text.utf8), format: .text, displayPath: "content/articles/t.txt", diagnostics: &diagnostics)!
        #expect(document.blocks.filter { $0.kind == .listItem }.count == 2)
        let claims = ClaimExtractor(lexicon: Self.lexicon, finder: MentionFinder(lexicon: Self.lexicon)).extract(document, stemmer: Stemmer()).claims
        let t = F.triples(claims)
        #expect(t.contains("patellofemoral-pain-syndrome cause poor-ankle-mobility"))
        #expect(t.contains("patellofemoral-pain-syndrome cause weak-gluteus-medius"))
    }
}
