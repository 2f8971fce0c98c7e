import Testing
@testable import KneeBase

/// `kneebase explain`: each sentence, its mentions with the words that made them, its claims.
@Suite("Extraction trace")
struct ExplainerTests {
    typealias F = ExtractionFixture

    @Test("mentions show the words that made them; a claim made twice from one sentence is listed once")
    func trace() {
        let doc = F.document("# Runner's knee\n\n## Treatment\n\nClamshells and more clamshells help runner's knee.\n")
        let lines = Explainer.explain(doc, lexicon: F.lexicon)
        let mentions = lines.first { $0.hasPrefix("    mentions:") && $0.contains("Clamshells") }
        #expect(mentions?.contains("clamshell(treatment) “Clamshells”") == true, "\(lines)")
        #expect(mentions?.contains("clamshell(treatment) “clamshells”") == true)
        let claims = lines.filter { $0.hasPrefix("    → patellofemoral-pain-syndrome treatment clamshell") }
        #expect(claims.count == Set(claims).count && !claims.isEmpty, "\(lines)")
    }
}
