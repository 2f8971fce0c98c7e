import Testing
@testable import KneeBase

/// Rules added after the q-set (Fixtures/heldout6): a reference list claims nothing, a
/// listicle's numbered headings name its remedies, a verdict after a list of signs, the
/// writer's own "We use a simple rule:", wasted months condemn a remedy, "at rest" is a state,
/// and "… and other X" continues a list.
@Suite("Extraction rules for listings and references")
struct ListingRuleTests {
    static let lexicon = Lexicon(entities: WebCopyRuleTests.lexicon.entities + [
        Entity(id: "relative-rest", kind: .treatment, name: "relative rest", aliases: ["rest"]),
        Entity(id: "wall-sits", kind: .treatment, name: "wall sits", aliases: ["wall sit"]),
        Entity(id: "therapeutic-ultrasound", kind: .treatment, name: "therapeutic ultrasound", aliases: ["ultrasound"]),
        Entity(id: "laser-therapy", kind: .treatment, name: "laser therapy", aliases: ["laser"]),
        Entity(id: "electrical-stimulation", kind: .treatment, name: "electrical stimulation", aliases: ["electrotherapy"]),
    ])

    static func triples(_ markdown: String) -> Set<String> {
        ExtractionFixture.triples(markdown, lexicon: lexicon)
    }

    @Test("the entries under a 'References' heading cite studies and claim nothing")
    func referenceList() {
        let t = Self.triples("""
            # Runner's knee treatment

            ## Exercises

            Ice helps after runs.

            ## References

            1. Smith A, et al. Clamshells for runner's knee. J Sports Med. 2019.
            """)
        #expect(t.contains("patellofemoral-pain-syndrome treatment ice"))
        #expect(!t.contains("patellofemoral-pain-syndrome treatment clamshell"))
        #expect(ClaimExtractor.isReferenceHeading("References:"))
        #expect(ClaimExtractor.isReferenceHeading("Sources & further reading"))
        #expect(!ClaimExtractor.isReferenceHeading("Sources of knee pain"))
    }

    @Test("a numbered heading that names one remedy is a treatment, with no relation heading above it")
    func numberedRemedyHeadings() {
        let t = Self.triples("""
            # Runner's knee: our list

            ## 1. Clamshells

            Lie on your side with your knees bent.

            ## 2. Wall sits

            Slide down a wall until your knees are bent.

            ## Ice

            Kept in the freezer.
            """)
        #expect(t.contains("patellofemoral-pain-syndrome treatment clamshell"))
        #expect(t.contains("patellofemoral-pain-syndrome treatment wall-sits"))
        #expect(!t.contains("patellofemoral-pain-syndrome treatment ice"))
    }

    @Test("'are not typical' after a list of signs is said of each; another verb before it ends the sign's clause")
    func atypicalAfterList() {
        let t = Self.triples("""
            # Runner's knee

            ## Symptoms

            Swelling of the whole knee, locking or giving way are not typical.
            """)
        #expect(!t.contains("patellofemoral-pain-syndrome symptom knee-swelling"))
        let u = Self.triples("""
            # Runner's knee

            ## Symptoms

            Swelling is common, but pain when squatting is not typical.
            """)
        #expect(u.contains("patellofemoral-pain-syndrome symptom knee-swelling"))
        #expect(!u.contains("patellofemoral-pain-syndrome symptom pain-when-squatting"))
    }

    @Test("a label in the writer's voice ('We use a simple rule:') names no entity")
    func spokenLabel() {
        let claims = ExtractionFixture.claims("""
            # Runner's knee

            ## Treatment

            We use a simple rule: pain during exercise is fine up to three out of ten.

            Good shoes: they spread the load across the foot.
            """, lexicon: Self.lexicon)
        #expect(!claims.contains { $0.object.contains("we-use") })
        #expect(claims.contains { $0.object == "good-shoes" && $0.relation == .treatment })
    }

    @Test("months or money wasted on a remedy condemn it; muscles that have wasted do not")
    func wastedEffort() {
        let t = Self.triples("""
            # Runner's knee

            I wasted two months foam rolling before a physio told me to strengthen my hips.
            """)
        #expect(t.contains("patellofemoral-pain-syndrome not_recommended foam-rolling"))
        #expect(!t.contains("patellofemoral-pain-syndrome treatment foam-rolling"))
        let u = Self.triples("""
            # Runner's knee

            Her quads had wasted, so we started clamshells and they helped.
            """)
        #expect(u.contains("patellofemoral-pain-syndrome treatment clamshell"))
    }

    @Test("'at rest' is a state, not the remedy rest")
    func atRest() {
        let t = Self.triples("""
            # Runner's knee

            No pain at all at rest, no swelling.

            A week of rest helps.
            """)
        #expect(!t.contains("patellofemoral-pain-syndrome not_recommended relative-rest"))
        #expect(t.contains("patellofemoral-pain-syndrome treatment relative-rest"))
    }

    @Test("'skip X, Y and other Z': the negation runs through 'and other'")
    func andOther() {
        let t = Self.triples("""
            # Runner's knee

            ## Treatment

            Skip ultrasound, laser and other electrotherapy.
            """)
        #expect(t.contains("patellofemoral-pain-syndrome not_recommended electrical-stimulation"))
        #expect(!t.contains("patellofemoral-pain-syndrome treatment electrical-stimulation"))
    }
}
