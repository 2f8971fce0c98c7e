import Foundation
import Testing
@testable import KneeBase

/// The hand-written articles in Fixtures/extraction (IT band syndrome, patellar tendinopathy,
/// knee valgus; Markdown and HTML; not from content/) under the real lexicon: key claims come
/// out, wrong ones do not, and every evidence text is verbatim in its source.
/// `Scripts/eval-claims --articles … --gold …` scores them in full against their gold files.
@Suite("Extraction on unseen fixture articles")
struct FixtureArticleTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/extraction/articles")

    static func extract(_ name: String) throws -> (claims: [Claim], text: String) {
        var diagnostics: [Diagnostic] = []
        let lexicon = LexiconLoader.load(root.appendingPathComponent("content/lexicon"), diagnostics: &diagnostics)
        let url = folder.appendingPathComponent(name)
        let bytes = Array(try Data(contentsOf: url))
        let format: Document.Format = name.hasSuffix(".html") ? .html : .markdown
        let document = try #require(ArticleIngester().ingest(bytes: bytes, format: format, displayPath: name, diagnostics: &diagnostics))
        let claims = GraphBuilder.build(documents: [document], lexicon: lexicon).claims
        return (claims, String(decoding: bytes, as: UTF8.self))
    }

    static func triples(_ claims: [Claim]) -> Set<String> {
        Set(claims.map { "\($0.subject) \($0.relation.rawValue) \($0.object)" })
    }

    @Test("IT band syndrome (Markdown blog)")
    func itBand() throws {
        let (claims, _) = try Self.extract("h01-it-band-syndrome.md")
        let t = Self.triples(claims)
        #expect(t.contains("iliotibial-band-syndrome symptom pain-running-downhill"))
        #expect(t.contains("iliotibial-band-syndrome cause weak-hip-abductors"))
        #expect(t.contains("iliotibial-band-syndrome cause tight-tfl"))
        #expect(t.contains("iliotibial-band-syndrome treatment clamshell"))
        #expect(t.contains { $0.hasPrefix("iliotibial-band-syndrome not_recommended foam-rolling") })
        #expect(!t.contains("iliotibial-band-syndrome treatment cycling"))
        #expect(!t.contains("iliotibial-band-syndrome not_recommended stretching"))
    }

    @Test("patellar tendinopathy (HTML clinic page)")
    func tendinopathy() throws {
        let (claims, _) = try Self.extract("h02-patellar-tendinopathy.html")
        let t = Self.triples(claims)
        #expect(t.contains("patellar-tendinopathy treatment patellar-strap"))
        #expect(t.contains("patellar-tendinopathy treatment shockwave-therapy"))
        #expect(t.contains("patellar-tendinopathy treatment isometric-exercises"))
        #expect(t.contains("patellar-tendinopathy not_recommended complete-rest"))
        #expect(t.contains("patellar-tendinopathy not_recommended corticosteroid-injection"))
        #expect(t.contains("patellar-tendinopathy risk_factor sudden-increase-in-mileage"))
        #expect(!t.contains("patellar-tendinopathy treatment warm-up"))
        #expect(!t.contains { $0.contains("not_recommended patellar-strap") || $0.contains("not_recommended shockwave") })
    }

    @Test("knee valgus and runner's knee (personal Markdown post)")
    func valgus() throws {
        let (claims, _) = try Self.extract("h03-knee-valgus-runners-knee.md")
        let t = Self.triples(claims)
        #expect(t.contains("patellofemoral-pain-syndrome cause dynamic-knee-valgus"))
        #expect(t.contains("dynamic-knee-valgus cause weak-glutes"))
        #expect(t.contains("patellofemoral-pain-syndrome symptom pain-when-squatting"))
        #expect(t.contains("patellofemoral-pain-syndrome not_recommended knee-brace"))
        #expect(!t.contains("dynamic-knee-valgus cause patellofemoral-pain-syndrome"))
        #expect(!t.contains { $0.contains("not_recommended squats") })
    }

    @Test("Q&A answers take the relation of their question; 'unlikely to help' advises against")
    func questionsAndNegation() throws {
        let qa = Self.triples(try Self.extract("h05-jumpers-knee-qa.md").claims)
        #expect(qa.contains("patellar-tendinopathy treatment patellar-strap"))
        #expect(qa.contains("patellar-tendinopathy not_recommended complete-rest"))
        #expect(qa.contains("patellar-tendinopathy cause weak-quadriceps"))
        let clinic = Self.triples(try Self.extract("h04-itbs-clinic.html").claims)
        #expect(clinic.contains("iliotibial-band-syndrome not_recommended iliotibial-band-stretching"))
        #expect(clinic.contains("iliotibial-band-syndrome symptom hip-pain"))
        #expect(!clinic.contains("iliotibial-band-syndrome cause overtraining"))
    }

    @Test("every evidence text is verbatim in its fixture", arguments: ["h01-it-band-syndrome.md", "h03-knee-valgus-runners-knee.md", "h05-jumpers-knee-qa.md"])
    func verbatim(_ name: String) throws {
        let (claims, text) = try Self.extract(name)
        #expect(!claims.isEmpty)
        let bytes = Array(text.utf8)
        for claim in claims {
            for ev in claim.evidence {
                #expect(String(decoding: bytes[ev.start..<ev.end], as: UTF8.self) == ev.text, "\(name):\(ev.line)")
            }
        }
    }
}
