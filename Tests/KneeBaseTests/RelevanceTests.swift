import Testing
@testable import KneeBase

/// Relevance on the real `content/`: for each query, the entity a reader means is among
/// the first three entity results. Aliases, typos, symptoms in lay words, treatments
/// and causes.
@Suite("Relevance on the real content")
struct RelevanceTests {
    struct Case: Sendable, CustomStringConvertible {
        var query: String
        var expected: String
        var kind: String
        var description: String { "\(kind): \(query) → \(expected)" }
    }

    static let cases: [Case] = [
        // Aliases and abbreviations
        Case(query: "runner's knee", expected: "patellofemoral-pain-syndrome", kind: "alias"),
        Case(query: "PFPS", expected: "patellofemoral-pain-syndrome", kind: "alias"),
        Case(query: "jumper's knee", expected: "patellar-tendinopathy", kind: "alias"),
        Case(query: "ITBS", expected: "iliotibial-band-syndrome", kind: "alias"),
        Case(query: "IT band syndrome", expected: "iliotibial-band-syndrome", kind: "alias"),
        Case(query: "VMO", expected: "vastus-medialis", kind: "alias"),
        Case(query: "knee cap", expected: "patella", kind: "alias"),
        Case(query: "chondromalacia", expected: "chondromalacia-patellae", kind: "alias"),
        Case(query: "osteoarthritis", expected: "knee-osteoarthritis", kind: "alias"),
        Case(query: "physio", expected: "physical-therapy", kind: "alias"),
        Case(query: "kinesio tape", expected: "kinesiology-taping", kind: "alias"),
        Case(query: "cortisone", expected: "corticosteroid-injection", kind: "alias"),
        // Typos
        Case(query: "patelar valgus", expected: "patellar-valgus", kind: "typo"),
        Case(query: "runers knee", expected: "patellofemoral-pain-syndrome", kind: "typo"),
        Case(query: "iliotibal band syndrome", expected: "iliotibial-band-syndrome", kind: "typo"),
        Case(query: "chondromalacia patela", expected: "chondromalacia-patellae", kind: "typo"),
        Case(query: "clamshels", expected: "clamshell", kind: "typo"),
        Case(query: "orthotcs", expected: "orthotics", kind: "typo"),
        Case(query: "vastus medalis", expected: "vastus-medialis", kind: "typo"),
        Case(query: "tendonitis patelar", expected: "patellar-tendinopathy", kind: "typo"),
        // Symptoms in lay words
        Case(query: "kneecap grinding", expected: "knee-grinding", kind: "symptom"),
        Case(query: "clicking knee", expected: "knee-clicking", kind: "symptom"),
        Case(query: "swollen knee", expected: "knee-swelling", kind: "symptom"),
        Case(query: "hurts going down stairs", expected: "pain-going-down-stairs", kind: "symptom"),
        Case(query: "pain when I squat", expected: "pain-when-squatting", kind: "symptom"),
        Case(query: "knee gives way", expected: "knee-giving-way", kind: "symptom"),
        Case(query: "sore knee", expected: "knee-pain", kind: "symptom"),
        Case(query: "stiff knee", expected: "knee-stiffness", kind: "symptom"),
        Case(query: "pain behind the kneecap", expected: "pain-behind-kneecap", kind: "symptom"),
        // Treatments
        Case(query: "foam roller", expected: "foam-rolling", kind: "treatment"),
        Case(query: "clam shells", expected: "clamshell", kind: "treatment"),
        Case(query: "glute bridges", expected: "glute-bridges", kind: "treatment"),
        Case(query: "ice", expected: "ice", kind: "treatment"),
        Case(query: "insoles", expected: "insoles", kind: "treatment"),
        Case(query: "knee brace", expected: "knee-brace", kind: "treatment"),
        Case(query: "strengthen hips", expected: "hip-strengthening", kind: "treatment"),
        // Causes
        Case(query: "weak glutes", expected: "weak-glutes", kind: "cause"),
        Case(query: "flat feet", expected: "flat-feet", kind: "cause"),
        Case(query: "overpronation", expected: "overpronation", kind: "cause"),
    ]

    @Test("the expected entity is in the top 3", arguments: cases)
    func topThree(_ c: Case) throws {
        let engine = try SearchFixtures.engine(SearchFixtures.real)
        let response = try engine.search(c.query, options: SearchOptions(limit: 10))
        let entities = response.results.filter { $0.kind.entityKind != nil }.map(\.id)
        #expect(entities.prefix(3).contains(c.expected), "top entities: \(entities.prefix(5))")
    }

    @Test("the table is big enough and covers every kind of case")
    func coverage() {
        #expect(Self.cases.count >= 25)
        #expect(Set(Self.cases.map(\.kind)) == ["alias", "typo", "symptom", "treatment", "cause"])
    }
}
