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

    @Test("a cause reported as others' view and doubted after 'but' is no cause", arguments: [
        "Overtraining was often blamed for runner's knee, but in my experience that's rarely the main cause.",
        "Overtraining is said to cause runner's knee, but it is not the reason most people get it.",
    ])
    func reportedThenDoubtedCauseIsDropped(_ sentence: String) {
        let t = Self.triples("# Runner's knee\n\n\(sentence)\n")
        #expect(!t.contains("patellofemoral-pain-syndrome cause overtraining"))
    }

    @Test("a cause the writer asserts before a 'but' stands")
    func assertedCauseStands() {
        let asserted = Self.triples("# Runner's knee\n\nOvertraining can cause runner's knee, but I wouldn't blame it first.\n")
        #expect(asserted.contains("patellofemoral-pain-syndrome cause overtraining"))
        let undoubted = Self.triples("# Runner's knee\n\nOvertraining was often blamed for runner's knee, but weak hips matter too.\n")
        #expect(undoubted.contains("patellofemoral-pain-syndrome cause overtraining"))
    }

    @Test("what 'adds to the load' or 'can add to it' is a cause, even among remedies", arguments: [
        "## What helps\n\n- Weak gluteus medius can add to it.\n",
        "## What helps\n\nA weak gluteus medius adds to the load on the kneecap.\n",
    ])
    func addingToTheBurdenIsACause(_ body: String) {
        let t = Self.triples("# Runner's knee\n\n\(body)")
        #expect(t.contains("patellofemoral-pain-syndrome cause weak-gluteus-medius"))
    }

    @Test("a listed phrase that adds to the problem is a cause, not a remedy")
    func addingItemIsACause() {
        let t = Self.triples("# Runner's knee\n\n## What helps\n\n- Crossed-over gait (feet landing across the line) can add to it.\n")
        #expect(t.contains { $0.hasPrefix("patellofemoral-pain-syndrome cause ") && $0.contains("gait") })
        #expect(!t.contains { $0.hasPrefix("patellofemoral-pain-syndrome treatment ") && $0.contains("gait") })
    }

    @Test("'add' as advice ('add clamshells to it') and the burden's rationale are no cause")
    func addingAsAdviceIsNoCause() {
        let t = Self.triples("# Runner's knee\n\n## What helps\n\nAdd clamshells to your routine.\n\nA weak gluteus medius adds to the load, so clamshells help.\n")
        #expect(t.contains("patellofemoral-pain-syndrome treatment clamshell"))
        #expect(!t.contains("patellofemoral-pain-syndrome cause clamshell"))
    }

    @Test("an activity said to be the worst or to hurt is a symptom's activity", arguments: [
        "Squatting is the worst.",
        "Squatting is usually the worst.",
        "Squatting the next day hurts too.",
    ])
    func worstActivityIsASymptom(_ sentence: String) {
        let t = Self.triples("# Runner's knee\n\nIt started last spring.\n\n\(sentence)\n")
        #expect(t.contains("patellofemoral-pain-syndrome symptom pain-when-squatting"))
    }

    @Test("a question, or 'the worst' before a noun, names no symptom", arguments: [
        "Is this why squatting hurts?",
        "Squatting through it is the worst idea.",
    ])
    func questionOrWorstThingIsNoSymptom(_ sentence: String) {
        let t = Self.triples("# Runner's knee\n\nIt started last spring.\n\n\(sentence)\n")
        #expect(!t.contains("patellofemoral-pain-syndrome symptom pain-when-squatting"))
    }

    @Test("a cause that opens a statement is a cause even among remedies", arguments: [
        "Weak gluteus medius lets the knee drift in.",
        "A weak gluteus medius lets the knee drift in and the kneecap gets irritated.",
    ])
    func subjectCauseAmongRemedies(_ sentence: String) {
        let t = Self.triples("# Runner's knee\n\n## What helps\n\n\(sentence)\n")
        #expect(t.contains("patellofemoral-pain-syndrome cause weak-gluteus-medius"))
    }

    @Test("a cause as a label among remedies, or naming another condition, is not made a cause this way")
    func labelOrOtherConditionIsNoSubjectCause() {
        let label = Self.triples("# Runner's knee\n\n## What helps\n\nWeak gluteus medius: do clamshells daily.\n")
        #expect(!label.contains("patellofemoral-pain-syndrome cause weak-gluteus-medius"))
        let other = Self.triples("# Runner's knee\n\n## What helps\n\nWeak gluteus medius lets patellar valgus develop.\n")
        #expect(!other.contains("patellofemoral-pain-syndrome cause weak-gluteus-medius"))
    }
}
