import Testing
@testable import KneeBase

/// Rules added after the s-set (Fixtures/heldout8): an exercise programme's table lists its
/// remedies in the column headed "Exercise", a structured abstract's "Background:" names
/// nothing, "does next to nothing" condemns a remedy, a worsening lessened is no harm, and
/// the activities after "provoked by" are symptoms, "the squat test" treats nothing, a remedy
/// "rarely needed" is not advised, and a group the condition is "common in" is a risk factor.
@Suite("Extraction rules for programmes, abstracts and transcripts")
struct ProgrammeRuleTests {
    static let lexicon = Lexicon(entities: ListingRuleTests.lexicon.entities)

    static func triples(_ markdown: String) -> Set<String> {
        ExtractionFixture.triples(markdown, lexicon: lexicon)
    }

    @Test("a table headed 'Exercise' lists remedies in its short cells; a long note or another table names none")
    func exerciseTable() {
        let t = Self.triples("""
            # Runner's knee, week by week

            ## Stage 1

            | Exercise | Sets | Notes |
            |---|---|---|
            | Wall sit | 5 | Back on the wall |
            | Mini squat | 3 | Keep the knees over the toes and ice the knee after if it is sore |

            ## Stage 2

            | Week | Goal |
            |---|---|
            | 1 | Clamshell |
            """)
        #expect(t.contains("patellofemoral-pain-syndrome treatment wall-sits"))
        #expect(t.contains("patellofemoral-pain-syndrome treatment mini-squat"))
        #expect(!t.contains("patellofemoral-pain-syndrome treatment ice"))
        #expect(!t.contains("patellofemoral-pain-syndrome treatment clamshell"))
    }

    @Test("a structured abstract's part labels ('Background:', 'Conclusions:') and record fields name no remedy")
    func abstractLabels() {
        let t = Self.triples("""
            # Hip exercise for runner's knee: a trial

            Background: Runner's knee is the most common cause of knee pain in young runners.

            Conclusions: Clamshells reduced pain more than rest over eight weeks.

            Keywords: anterior knee pain; exercise therapy; running.
            """)
        #expect(t.contains("patellofemoral-pain-syndrome treatment clamshell"))
        #expect(!t.contains { $0.hasSuffix(" background") || $0.hasSuffix(" conclusions") || $0.hasSuffix(" keywords") })
    }

    @Test("a remedy that 'does next to nothing' or 'little or nothing' is advised against")
    func nextToNothing() {
        let t = Self.triples("""
            # IT band syndrome

            Foam rolling does next to nothing for it.
            """)
        #expect(t.contains("iliotibial-band-syndrome not_recommended foam-rolling"))
        #expect(!t.contains("iliotibial-band-syndrome treatment foam-rolling"))
        let little = Self.triples("# Runner's knee\n\nIn my experience ice does little or nothing.\n")
        #expect(little.contains("patellofemoral-pain-syndrome not_recommended ice"))
    }

    @Test("a worsening word after 'less' or 'fewer' is lessened: the remedy is advised, not condemned")
    func lessenedWorsening() {
        let t = Self.triples("""
            # Runner's knee

            ## Treatment

            Clamshells mean less time with the knee in that irritable range.

            Ice irritates the knee.
            """)
        #expect(t.contains("patellofemoral-pain-syndrome treatment clamshell"))
        #expect(!t.contains("patellofemoral-pain-syndrome not_recommended clamshell"))
        #expect(t.contains("patellofemoral-pain-syndrome not_recommended ice"))
    }

    @Test("the activities after 'provoked by' or 'brought on by' are symptoms")
    func provokedBy() {
        let t = Self.triples("""
            # Runner's knee

            It presents as an ache around the kneecap that is provoked by squatting and stair climbing.
            """)
        #expect(t.contains("patellofemoral-pain-syndrome symptom pain-when-squatting"))
        let brought = Self.triples("# Runner's knee\n\nThe ache is brought on by squatting.\n")
        #expect(brought.contains("patellofemoral-pain-syndrome symptom pain-when-squatting"))
    }

    @Test("a remedy's name before 'test' names an examination, not a treatment")
    func squatTest() {
        let t = Self.triples("# Runner's knee\n\n## Treatment\n\nTry the mini squat test first. Then do clamshells.\n")
        #expect(!t.contains("patellofemoral-pain-syndrome treatment mini-squat"))
        #expect(t.contains("patellofemoral-pain-syndrome treatment clamshell"))
    }

    @Test("a remedy said to be rarely or seldom needed is not advised")
    func rarelyNeeded() {
        let t = Self.triples("# Runner's knee\n\n## Treatment\n\nIce is very rarely needed. Clamshells help most people.\n")
        #expect(!t.contains("patellofemoral-pain-syndrome treatment ice"))
        #expect(t.contains("patellofemoral-pain-syndrome treatment clamshell"))
    }

    @Test("a group the condition is common in is a risk factor")
    func commonIn() {
        let lexicon = Lexicon(entities: Self.lexicon.entities + [
            Entity(id: "female-sex", kind: .cause, name: "female sex", aliases: ["women"]),
        ])
        let t = ExtractionFixture.triples("# Runner's knee\n\nIt is common, especially in women.\n", lexicon: lexicon)
        #expect(t.contains { $0.hasPrefix("patellofemoral-pain-syndrome ") && $0.hasSuffix(" female-sex") })
        let unrelated = ExtractionFixture.triples("# Runner's knee\n\nWe spoke to women at the race.\n", lexicon: lexicon)
        #expect(!unrelated.contains { $0.hasSuffix(" female-sex") })
    }
}
