import Foundation
import Testing
@testable import KneeBase

private typealias F = ExtractionFixture

/// Sentences that trapped claim extraction (an inverted range or an index past the tokens),
/// found by mutating real articles and lexicon names and building them with the debug binary.
/// Each is the smallest input that crashed; the test asserts extraction now finishes and
/// what it extracts.
@Suite("Extraction crash regressions")
struct ExtractionCrashTests {
    /// The fixture's lexicon plus `extra` entities.
    private func lexicon(_ extra: [Entity]) -> Lexicon {
        Lexicon(entities: F.lexicon.entities + extra)
    }

    @Test("a symptom opening the sentence with a seek-help word ('Ringing in the knee …') is still claimed")
    func symptomOpeningWithSeekHelpWord() {
        // The warning-sign check looked for "if" in 1..<first of the symptom, inverted when the symptom is token 0.
        let lexicon = lexicon([Entity(id: "ringing-in-the-knee", kind: .symptom, name: "ringing in the knee")])
        let t = F.triples("# Runner's knee\n\nRinging in the knee is a symptom of runner's knee.\n", lexicon: lexicon)
        #expect(t.contains("patellofemoral-pain-syndrome symptom ringing-in-the-knee"))
    }
}
