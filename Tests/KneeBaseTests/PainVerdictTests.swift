import Testing
@testable import KneeBase

/// Activities called painful in themselves are symptoms: "Going downhill is usually the
/// worst", "Going down stairs afterwards is agony", "it hurts to kneel" — but not in advice or a
/// condition ("if it hurts to walk, see a doctor").
@Suite("Activities called painful")
struct PainVerdictTests {
    static let lexicon = Lexicon(entities: ExtractionRuleTests.lexicon.entities + [
        Entity(id: "pain-when-kneeling", kind: .symptom, name: "pain when kneeling"),
        Entity(id: "pain-on-downhills", kind: .symptom, name: "pain when going downhill", aliases: ["pain on downhills"]),
        Entity(id: "pain-when-walking", kind: .symptom, name: "pain when walking"),
    ])

    static func triples(_ markdown: String) -> Set<String> {
        ExtractionFixture.triples(markdown, lexicon: lexicon)
    }

    @Test("an activity before 'is/are (usually) the worst', 'is agony' is a symptom")
    func verdicts() {
        let t = Self.triples("""
            # IT band syndrome

            Going downhill is usually the worst. Going down stairs afterwards is agony.
            """)
        #expect(t.contains("iliotibial-band-syndrome symptom pain-on-downhills"))
        #expect(t.contains("iliotibial-band-syndrome symptom pain-going-down-stairs"))
    }

    @Test("'it hurts to kneel' names the activity after it")
    func hurtsTo() {
        let t = Self.triples("""
            # Runner's knee

            My son has knee pain after football, and it hurts to kneel.
            """)
        #expect(t.contains("patellofemoral-pain-syndrome symptom pain-when-kneeling"))
    }

    @Test("no symptom from advice or a condition")
    func notInAdvice() {
        let t = Self.triples("""
            # Runner's knee

            If it hurts to walk, see a doctor. Stop kneeling if it is painful. Avoid going downhill while it is sore.
            """)
        #expect(!t.contains("patellofemoral-pain-syndrome symptom pain-when-walking"))
        #expect(!t.contains("patellofemoral-pain-syndrome symptom pain-when-kneeling"))
        #expect(!t.contains("patellofemoral-pain-syndrome symptom pain-on-downhills"))
    }
}
