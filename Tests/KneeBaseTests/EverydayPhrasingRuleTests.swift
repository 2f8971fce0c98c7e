import Foundation
import Testing
@testable import KneeBase

/// Rules found on the t-set (Fixtures/heldout9): everyday phrasings of advice, causes and
/// symptoms that carry no cue word of their own ("steer clear of …").
@Suite("Everyday phrasing rules")
struct EverydayPhrasingRuleTests {
    typealias F = ExtractionFixture

    static let lexicon = Lexicon(entities: F.lexicon.entities + [
        Entity(id: "corticosteroid-injection", kind: .treatment, name: "corticosteroid injection", aliases: ["cortisone injections"]),
    ])

    static func triples(_ markdown: String) -> Set<String> { F.triples(F.claims(markdown, lexicon: lexicon)) }

    @Test("'steer clear of' and 'stay away from' advise against what follows", arguments: [
        "And I'd steer clear of cortisone injections; they can weaken the tendon.",
        "Stay away from cortisone injections for runner's knee.",
        "Most physios keep clear of cortisone injections here.",
    ])
    func keepingOffAdvisesAgainst(_ sentence: String) {
        let t = Self.triples("# Runner's knee\n\n## What helps\n\n\(sentence)\n")
        #expect(t.contains("patellofemoral-pain-syndrome not_recommended corticosteroid-injection"))
        #expect(!t.contains("patellofemoral-pain-syndrome treatment corticosteroid-injection"))
    }

    @Test("'clear' and 'away' without the phrasal verb negate nothing")
    func plainClearIsNoNegation() {
        let t = Self.triples("# Runner's knee\n\n## What helps\n\nThe physio made it clear that ice helps.\n\nPut the ice away from the skin and ice the knee daily.\n")
        #expect(t.contains("patellofemoral-pain-syndrome treatment ice"))
        #expect(!t.contains("patellofemoral-pain-syndrome not_recommended ice"))
    }
}
