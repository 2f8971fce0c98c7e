import Testing
@testable import KneeBase

/// Rules added after the m-set (Fixtures/heldout3): headings that set aside what follows or
/// ask when to seek help, numbered step labels, mentions a sentence makes without claiming
/// them (another name, a nearly absent symptom, a remedy to ask about first, signs pointing
/// elsewhere), and activities led by "worse" or joined by "up or down".
@Suite("Extraction rules for asides and activity phrases")
struct AsideRuleTests {
    static let lexicon = Lexicon(entities: ExtractionRuleTests.lexicon.entities + [
        Entity(id: "knock-knees", kind: .cause, name: "knock knees"),
        Entity(id: "ibuprofen", kind: .treatment, name: "ibuprofen"),
        Entity(id: "orthotics", kind: .treatment, name: "orthotics"),
        Entity(id: "female-sex", kind: .cause, name: "female sex", aliases: ["female runners"]),
        Entity(id: "male-sex", kind: .cause, name: "male sex", aliases: ["male runners"]),
        Entity(id: "acl", kind: .anatomy, name: "anterior cruciate ligament", aliases: ["ACL"]),
        Entity(id: "acl-injury", kind: .condition, name: "anterior cruciate ligament injury", aliases: ["ACL injury", "ACL tear"]),
    ])

    static func triples(_ markdown: String) -> Set<String> {
        ExtractionFixture.triples(markdown, lexicon: lexicon)
    }

    @Test("a 'What I'd skip' section advises against its remedies; a negated skip does not")
    func skipHeading() {
        let t = Self.triples("""
            # Runner's knee

            ## What I'd skip

            **Surgery.** There is little reason to think about it early.

            **Shockwave therapy.** It costs a lot.

            ## Why you shouldn't skip the exercises

            Ice helps after runs.
            """)
        #expect(t.contains("patellofemoral-pain-syndrome not_recommended surgery"))
        #expect(t.contains("patellofemoral-pain-syndrome not_recommended shockwave-therapy"))
        #expect(!t.contains("patellofemoral-pain-syndrome treatment surgery"))
        #expect(t.contains("patellofemoral-pain-syndrome treatment ice"))
    }

    @Test("a numbered step label ('Change 1:') names no entity")
    func numberedLabel() {
        let t = Self.triples("""
            # Runner's knee

            ## Treatment

            Change 1: Back off, but keep some running going.

            Clamshell work: three sets a day for six weeks.
            """)
        #expect(!t.contains { $0.contains("change") })
        #expect(t.contains("patellofemoral-pain-syndrome treatment clamshell"))
    }

    @Test("under 'When should I seek further advice?' the signs listed are not symptoms")
    func warningSection() {
        let t = Self.triples("""
            # Runner's knee

            ## When should I seek further advice?

            Contact your GP or our department if:

            - you notice knee swelling

            ## Symptoms

            - pain when squatting
            """)
        #expect(!t.contains("patellofemoral-pain-syndrome symptom knee-swelling"))
        #expect(t.contains("patellofemoral-pain-syndrome symptom pain-when-squatting"))
    }

    @Test("signs that 'point to something else', a symptom there is 'very little' of, are not claimed; 'a little' is")
    func elsewhereAndMinimised() {
        let none = Self.triples("""
            # Runner's knee

            If your knee has swelling, that points to something other than a kneecap problem.

            There is very little swelling involved, so the symptom is misleading.
            """)
        #expect(!none.contains("patellofemoral-pain-syndrome symptom knee-swelling"))
        let some = Self.triples("""
            # Runner's knee

            ## Symptoms

            - A little swelling after long runs
            """)
        #expect(some.contains("patellofemoral-pain-syndrome symptom knee-swelling"))
    }

    @Test("another name for the subject ('it is often called knock knees') is no cause; a named cause is")
    func naming() {
        let named = Self.triples("""
            # Valgus knee

            ## What causes it?

            When it is present while standing still, it is often called knock knees.
            """)
        #expect(!named.contains("dynamic-knee-valgus cause knock-knees"))
        let cause = Self.triples("""
            # Runner's knee

            ## What causes it?

            Knock knees are one common cause.
            """)
        #expect(cause.contains("patellofemoral-pain-syndrome cause knock-knees"))
    }

    @Test("a remedy to ask about before taking it is not advised; one said to help is")
    func askedAboutFirst() {
        let asked = Self.triples("""
            # Runner's knee

            ## Pain relief

            Speak to your pharmacist or GP before taking anti-inflammatory medicines such as ibuprofen.
            """)
        #expect(!asked.contains("patellofemoral-pain-syndrome treatment ibuprofen"))
        let advised = Self.triples("""
            # Runner's knee

            ## Pain relief

            Ibuprofen can help for a few days.

            Begin with the strength work before adding shockwave therapy.
            """)
        #expect(advised.contains("patellofemoral-pain-syndrome treatment ibuprofen"))
        #expect(advised.contains("patellofemoral-pain-syndrome treatment shockwave-therapy"))
    }

    @Test("'worse' leads the activities after it; 'up or down stairs' names each direction")
    func worseAndParticles() {
        let t = Self.triples("""
            # Runner's knee

            It hurts on the outside of the knee, comes on mid-run, and is often worse running downhill.

            ## Symptoms

            - pain when going up or down stairs
            """)
        #expect(t.contains("patellofemoral-pain-syndrome symptom pain-running-downhill"))
        #expect(t.contains("patellofemoral-pain-syndrome symptom pain-going-down-stairs"))
    }

    @Test("a structure after a verb of injuring it names its injury ('tear their ACL')")
    func injuredStructure() {
        let t = Self.triples("""
            # Valgus knee

            Players with knee valgus were more likely to develop runner's knee and to tear their ACL.

            Knee valgus also loads the ACL.
            """)
        #expect(t.contains("acl-injury cause dynamic-knee-valgus"))
        #expect(t.filter { $0.hasPrefix("acl-injury") }.count == 1)
    }

    @Test("what a risk is compared with ('twice as often as male runners') is no risk factor")
    func comparedWith() {
        let t = Self.triples("""
            # Runner's knee

            ## Risk factors

            Female runners are affected about twice as often as male runners.
            """)
        #expect(t.contains("patellofemoral-pain-syndrome risk_factor female-sex"))
        #expect(!t.contains { $0.contains("male-sex") && !$0.contains("female-sex") })
    }

    @Test("a bracketed name right after one of the same kind glosses it: one object")
    func bracketGloss() {
        let t = Self.triples("""
            # Runner's knee

            ## Treatment

            Your physio may suggest insoles (orthotics) for a short time.
            """)
        #expect(t.contains("patellofemoral-pain-syndrome treatment insoles"))
        #expect(!t.contains("patellofemoral-pain-syndrome treatment orthotics"))
    }

    @Test("a structure singled out by 'especially' takes the quality of the phrase before it")
    func especially() {
        let t = Self.triples("""
            # Runner's knee

            ## What causes it?

            Weakness in the hip muscles that control rotation, especially the gluteus medius, plays a part.
            """)
        #expect(t.contains { $0.hasPrefix("patellofemoral-pain-syndrome cause weak-gluteus-medius") })
    }

    @Test("what a study sets out to test ('whether training can reduce knee swelling') is not claimed")
    func openQuestion() {
        let t = Self.triples("""
            # Runner's knee

            ## Treatment

            The team now plans to test whether shockwave therapy can reduce knee swelling.

            Ice helps after runs.
            """)
        #expect(!t.contains("patellofemoral-pain-syndrome treatment shockwave-therapy"))
        #expect(!t.contains("patellofemoral-pain-syndrome symptom knee-swelling"))
        #expect(t.contains("patellofemoral-pain-syndrome treatment ice"))
    }

    @Test("a bracketed aside and 'particularly' do not cut the pain from the activities that bring it on")
    func painAcrossAnAside() {
        let t = Self.triples("""
            # Runner's knee

            ## Symptoms

            - Ache around the kneecap (where the knee meets the thigh bone), particularly when squatting or going down stairs.
            """)
        #expect(t.contains("patellofemoral-pain-syndrome symptom pain-when-squatting"))
        // A comma and a new clause still part them.
        let apart = Self.triples("""
            # Runner's knee

            Pain up to three out of ten is fine; it settles, particularly when squatting is avoided.
            """)
        #expect(!apart.contains("patellofemoral-pain-syndrome symptom pain-when-squatting"))
    }
}
