import Testing
@testable import KneeBase

/// Rules added after the n-set (Fixtures/heldout4): page furniture ("Disclosure:", "Pros:"),
/// signs in an "if" clause that sends the reader for help, symptoms said to be atypical,
/// remedies "not enough on their own", a heading that negates stopping, activity lists with
/// a subject after the lead or items the lexicon lacks, and a long condition clause.
@Suite("Extraction rules for web copy")
struct WebCopyRuleTests {
    static let lexicon = Lexicon(entities: AsideRuleTests.lexicon.entities + [
        Entity(id: "hip-strengthening", kind: .treatment, name: "hip strengthening"),
        Entity(id: "knee-strengthening", kind: .treatment, name: "knee strengthening"),
        Entity(id: "knee-sleeve", kind: .treatment, name: "knee sleeve", aliases: ["compression sleeve"]),
    ])

    static func triples(_ markdown: String) -> Set<String> {
        ExtractionFixture.triples(markdown, lexicon: lexicon)
    }

    @Test("a line opening with a furniture label ('Disclosure:', 'Pros:') claims nothing")
    func furnitureLabels() {
        let t = Self.triples("""
            # Runner's knee

            ## Treatment

            Disclosure: we tested every knee brace ourselves over eight weeks.

            Pros: light knee brace, cheap, washable.

            Ice helps after runs.
            """)
        #expect(!t.contains { $0.contains("disclosure") || $0.contains("pros") })
        #expect(!t.contains("patellofemoral-pain-syndrome treatment knee-brace"))
        #expect(t.contains("patellofemoral-pain-syndrome treatment ice"))
    }

    @Test("signs in an 'if' clause of a sentence that sends the reader for help are warning signs")
    func warningSigns() {
        let t = Self.triples("""
            # Runner's knee

            ## Symptoms

            Pain when squatting is common.

            If your knee is swelling, go and see someone in person.

            Book an assessment if there is significant swelling.
            """)
        #expect(t.contains("patellofemoral-pain-syndrome symptom pain-when-squatting"))
        #expect(!t.contains("patellofemoral-pain-syndrome symptom knee-swelling"))
    }

    @Test("a symptom said to be 'not typical' is not claimed")
    func atypical() {
        let t = Self.triples("""
            # Runner's knee

            ## Symptoms

            Swelling is not typical.

            Pain when squatting is common.
            """)
        #expect(!t.contains("patellofemoral-pain-syndrome symptom knee-swelling"))
        #expect(t.contains("patellofemoral-pain-syndrome symptom pain-when-squatting"))
    }

    @Test("'it won't fix the problem on its own' keeps the remedy; 'it won't fix the problem' rejects it")
    func notEnoughAlone() {
        let alone = Self.triples("""
            # Runner's knee

            ## Treatment

            Foam rolling can feel good, but it won't fix the problem on its own.
            """)
        #expect(alone.contains("patellofemoral-pain-syndrome treatment foam-rolling"))
        #expect(!alone.contains("patellofemoral-pain-syndrome not_recommended foam-rolling"))
        let rejected = Self.triples("""
            # Runner's knee

            ## Treatment

            Foam rolling can feel good, but it won't fix the problem.
            """)
        #expect(rejected.contains("patellofemoral-pain-syndrome not_recommended foam-rolling"))
    }

    @Test("a heading that negates stopping ('Back off, but don't stop') sets nothing aside")
    func negatedStopHeading() {
        let t = Self.triples("""
            # 7 fixes for runner's knee

            ## Back off, but don't stop

            Cycling keeps your fitness while the knee calms down.

            ## Mistakes to avoid

            Foam rolling the sore spot hard every day.
            """)
        #expect(t.contains("patellofemoral-pain-syndrome treatment cycling"))
        #expect(!t.contains("patellofemoral-pain-syndrome not_recommended cycling"))
        #expect(t.contains("patellofemoral-pain-syndrome not_recommended foam-rolling"))
    }

    @Test("activity lists: a subject after the lead, and a one-word item the lexicon lacks")
    func activityLists() {
        let t = Self.triples("""
            # Runner's knee

            ## Symptoms

            It tends to flare when you go down stairs or squat.

            Pain when squatting, landing or running downhill.
            """)
        #expect(t.contains("patellofemoral-pain-syndrome symptom pain-going-down-stairs"))
        #expect(t.contains("patellofemoral-pain-syndrome symptom pain-when-squatting"))
        #expect(t.contains("patellofemoral-pain-syndrome symptom pain-when-landing"))
        #expect(t.contains("patellofemoral-pain-syndrome symptom pain-running-downhill"))
    }

    @Test("a negation in a long 'when' clause gives no verdict ('only considered when … has not helped')")
    func longConditionClause() {
        let t = Self.triples("""
            # Runner's knee

            ## Treatment

            Surgery is only considered when a full rehabilitation programme of at least six months has not helped.
            """)
        #expect(t.contains("patellofemoral-pain-syndrome treatment surgery"))
        #expect(!t.contains("patellofemoral-pain-syndrome not_recommended surgery"))
    }

    @Test("lead-ins 'Usual contributors:' and 'What I'd do:' give their lists causes and treatments")
    func leadIns() {
        let t = Self.triples("""
            # Runner's knee

            Usual contributors:

            - weak glutes
            - flat feet

            What I'd do:

            - clamshells
            - ice after runs
            """)
        #expect(t.contains("patellofemoral-pain-syndrome cause weak-glutes"))
        #expect(t.contains("patellofemoral-pain-syndrome cause flat-feet"))
        #expect(t.contains("patellofemoral-pain-syndrome treatment clamshell"))
        #expect(t.contains("patellofemoral-pain-syndrome treatment ice"))
    }

    @Test("relief that 'comes straight back' after a 'but' is a failed remedy")
    func relapse() {
        let t = Self.triples("""
            # Runner's knee

            ## Treatment

            Complete rest can settle the pain, but it tends to come straight back when you return.

            Ice can settle the pain after runs.
            """)
        #expect(t.contains("patellofemoral-pain-syndrome not_recommended complete-rest"))
        #expect(!t.contains("patellofemoral-pain-syndrome treatment complete-rest"))
        #expect(t.contains("patellofemoral-pain-syndrome treatment ice"))
    }

    @Test("'hip and knee strengthening' names both remedies")
    func sharedHead() {
        let t = Self.triples("""
            # Runner's knee

            ## Treatment

            The best evidence is for exercise therapy that combines hip and knee strengthening.
            """)
        #expect(t.contains("patellofemoral-pain-syndrome treatment hip-strengthening"))
        #expect(t.contains("patellofemoral-pain-syndrome treatment knee-strengthening"))
    }

    @Test("a remedy that 'won't …, but it keeps …' is limited, not rejected")
    func answeredContrast() {
        let limited = Self.triples("""
            # Runner's knee

            ## Treatment

            A compression sleeve won't hold anything in place, but it keeps the joint warm.
            """)
        #expect(limited.contains("patellofemoral-pain-syndrome treatment knee-sleeve"))
        #expect(!limited.contains("patellofemoral-pain-syndrome not_recommended knee-sleeve"))
        let rejected = Self.triples("""
            # Runner's knee

            ## Treatment

            A compression sleeve won't hold anything in place.
            """)
        #expect(rejected.contains("patellofemoral-pain-syndrome not_recommended knee-sleeve"))
    }

    @Test("a sentence opening 'Instead, …' advises what follows")
    func insteadOpening() {
        let t = Self.triples("""
            # Runner's knee

            ## Should I stop running?

            Instead, we suggest foam rolling after your runs and icing the knee.
            """)
        #expect(t.contains("patellofemoral-pain-syndrome treatment foam-rolling"))
        #expect(!t.contains("patellofemoral-pain-syndrome not_recommended foam-rolling"))
        #expect(!t.contains("patellofemoral-pain-syndrome not_recommended ice"))
    }
}
