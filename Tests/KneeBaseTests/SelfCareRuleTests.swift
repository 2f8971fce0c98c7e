import Testing
@testable import KneeBase

/// Rules added after the p-set (Fixtures/heldout5): the main condition of an article whose
/// title names none (a tie goes to the first named), "Check if you have X" and self-care
/// headings ("Things you can do yourself", a "Do" list), a condition set aside by "than", a
/// failure or worsening in the "if" clause of a referral, a remedy that "makes … weaker", review
/// dates, and activities listed after a colon that ends a "when" clause.
@Suite("Extraction rules for self-care pages and answer columns")
struct SelfCareRuleTests {
    static func triples(_ markdown: String) -> Set<String> {
        ExtractionFixture.triples(markdown, lexicon: ExtractionRuleTests.lexicon)
    }

    @Test("without a condition in the title, a tie in mentions goes to the condition named first")
    func mainConditionTie() {
        let t = Self.triples("""
            # Ask the physio

            What you describe sounds like runner's knee. Some riders also have chondromalacia patellae on a scan.

            ## What I'd do

            Ice helps after long rides.
            """)
        #expect(t.contains("patellofemoral-pain-syndrome treatment ice"))
        #expect(!t.contains("chondromalacia-patellae treatment ice"))
    }

    @Test("'Check if you have X' heads the signs")
    func checkIfYouHave() {
        let t = Self.triples("""
            # Runner's knee

            ## Check if you have runner's knee

            - a grinding feeling behind the kneecap
            """)
        #expect(t.contains { $0.hasPrefix("patellofemoral-pain-syndrome symptom grinding-feeling") })
    }

    @Test("'Things you can do yourself' and a 'Do' list advise; the 'Don't' list beside them advises against")
    func selfCareHeadings() {
        let t = Self.triples("""
            # Runner's knee

            ## Things you can do yourself

            - put ice packs on your knee for 20 minutes

            ## Do

            - get on a bike for cycling on flat roads

            ## Don't

            - wear a knee brace all day
            """)
        #expect(t.contains("patellofemoral-pain-syndrome treatment ice"))
        #expect(t.contains("patellofemoral-pain-syndrome treatment cycling"))
        #expect(t.contains("patellofemoral-pain-syndrome not_recommended knee-brace"))
        #expect(!t.contains("patellofemoral-pain-syndrome treatment knee-brace"))
    }

    @Test("a condition after 'than' is set aside: an opening pronoun in the next sentence refers to the other")
    func thanSetsAside() {
        let t = Self.triples("""
            # Knee pain in children

            A tender lump in a child is more likely to be patellar valgus than chondromalacia patellae. It is linked to overuse.
            """)
        #expect(t.contains("patellar-valgus cause overuse"))
        #expect(!t.contains("chondromalacia-patellae cause overuse"))
    }

    @Test("a failure or a worsening in the 'if' clause of a referral condemns nothing")
    func referralConditions() {
        let t = Self.triples("""
            # Runner's knee

            If you've changed your set-up and cut back for six weeks and it's no better, see a physio.

            If it keeps getting worse despite a few weeks of changes, go and see a physio.

            I tried a knee brace for a month. It was no better.
            """)
        #expect(!t.contains("patellofemoral-pain-syndrome not_recommended physical-therapy"))
        #expect(t.contains("patellofemoral-pain-syndrome not_recommended knee-brace"))
    }

    @Test("a remedy that 'makes' the muscles weaker is advised against")
    func weakens() {
        let t = Self.triples("""
            # Runner's knee

            ## What I'd do

            Complete rest makes the thigh muscles weaker. Ice helps after rides.
            """)
        #expect(t.contains("patellofemoral-pain-syndrome not_recommended complete-rest"))
        #expect(!t.contains("patellofemoral-pain-syndrome treatment complete-rest"))
        #expect(t.contains("patellofemoral-pain-syndrome treatment ice"))
    }

    @Test("'Page last reviewed:' and 'Next review due:' lines are page furniture")
    func reviewDates() {
        let t = Self.triples("""
            # Runner's knee

            ## Causes

            - weak gluteus medius

            Page last reviewed: 14 March 2026 by the physiotherapy team
            """)
        #expect(t.contains("patellofemoral-pain-syndrome cause weak-gluteus-medius"))
        #expect(!t.contains { $0.contains("page-last-reviewed") })
    }

    @Test("activities listed after a colon that ends a 'when' clause bring the pain on")
    func colonActivityList() {
        let t = Self.triples("""
            # Runner's knee

            It hurts at the front of the knee, usually when the joint is loaded: squatting, jumping or running downhill.

            Squatting makes it hurt.
            """)
        #expect(t.contains("patellofemoral-pain-syndrome symptom pain-when-squatting"))
        #expect(t.contains("patellofemoral-pain-syndrome symptom pain-running-downhill"))
        #expect(t.contains("patellofemoral-pain-syndrome symptom pain-when-jumping"))
    }
}
