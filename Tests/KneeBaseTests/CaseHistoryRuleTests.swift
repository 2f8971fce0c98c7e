import Foundation
import Testing
@testable import KneeBase

/// Rules found on the v-set (Fixtures/heldout11) in a case report's history: activities told
/// as the subject of what provokes the pain ("going down stairs also provoked it") or of a
/// superlative verdict ("were the most painful activities") are the condition's symptoms.
@Suite("Case history rules")
struct CaseHistoryRuleTests {
    typealias F = ExtractionFixture

    static let lexicon = Lexicon(entities: F.lexicon.entities + [
        Entity(id: "pain-going-down-stairs", kind: .symptom, name: "pain when going down stairs"),
    ])

    @Test("activities as the subject of a provoking verb or a superlative verdict are symptoms", arguments: [
        "Squatting and going down stairs also provoked it.",
        "Going down stairs aggravates it.",
        "Squatting and going down stairs were the most painful activities.",
    ])
    func provokingSubjects(_ sentence: String) {
        let t = F.triples("# Runner's knee\n\n## History\n\n\(sentence)\n", lexicon: Self.lexicon)
        #expect(t.contains("patellofemoral-pain-syndrome symptom pain-going-down-stairs"))
    }

    @Test("advice or a condition in the clause keeps the activity from being a symptom", arguments: [
        "Avoid going down stairs if it aggravates it.",
        "Going down stairs was the most fun part of the day.",
    ])
    func noSymptomInAdvice(_ sentence: String) {
        let t = F.triples("# Runner's knee\n\n## History\n\n\(sentence)\n", lexicon: Self.lexicon)
        #expect(!t.contains("patellofemoral-pain-syndrome symptom pain-going-down-stairs"))
    }
}
