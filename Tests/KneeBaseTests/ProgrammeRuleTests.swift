import Testing
@testable import KneeBase

/// Rules added after the s-set (Fixtures/heldout8): an exercise programme's table lists its
/// remedies in the column headed "Exercise".
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
}
