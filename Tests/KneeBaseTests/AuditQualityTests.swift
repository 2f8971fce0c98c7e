import Foundation
import Testing
@testable import KneeBase

/// Source quality: repeats, boilerplate, calls to action, machine rewriting, metadata, score.
@Suite("Audit · source quality")
struct AuditQualityTests {
    static func findings(of name: String) -> [Finding] {
        AuditFixture.audited.findings.filter { $0.kind == .quality && $0.sources == [AuditFixture.path(name)] }
    }

    static func score(of name: String) -> Int? {
        findings(of: name).first { $0.code == "score" }?.score
    }

    @Test("a source that repeats its Q&A: the repeats, with their lines and what they repeat")
    func repeatedBlocks() throws {
        let f = try #require(Self.findings(of: "repeats.md").first { $0.code == "repeated-blocks" })
        #expect(f.id == "quality:repeated-blocks:content/articles/repeats.md")
        #expect(f.severity == .warning)
        #expect(f.evidence.map(\.line) == [13, 17])
        #expect(f.evidence.map(\.note) == ["repeats lines 9–11 (2 blocks)", "repeats lines 9–11 (2 blocks)"])
        #expect(f.evidence[0].text == "Q: My knee hurts on stairs after long runs, what should I do?")
        #expect(f.message.contains("2 passages (4 blocks in all) repeat lines 9–11"))
    }

    @Test("a machine-rewritten source is flagged, with the swapped words quoted, and scores low")
    func machineRewritten() throws {
        let f = try #require(Self.findings(of: "rewritten.txt").first { $0.code == "machine-rewritten" })
        #expect(f.severity == .error)
        let notes = f.evidence.compactMap(\.note)
        #expect(notes.contains("“operating” for “running”"))
        #expect(notes.contains("“ache” for “pain”"))
        #expect(notes.contains("“bodily” for “physical”"))
        #expect(f.evidence.first { $0.note == "“bodily” for “physical”" }?.line == 5)
        let score = try #require(Self.score(of: "rewritten.txt"))
        #expect(score < SourceQuality.lowScore)
        #expect(Self.findings(of: "rewritten.txt").first { $0.code == "score" }?.severity == .error)
    }

    @Test("ordinary text is not taken for rewritten", arguments: ["agree-a.md", "agree-b.md", "disagree-a.md", "disagree-b.md", "repeats.md", "promotional.html"])
    func notRewritten(name: String) {
        #expect(!Self.findings(of: name).contains { $0.code == "machine-rewritten" || $0.code == "possibly-rewritten" })
    }

    @Test("the real corpus: 004 reads as rewritten, the others do not")
    func corpusRewriting() throws {
        for name in Repo.articleNames {
            let doc = try Ingest.file(Repo.articles.appendingPathComponent(name)).requireDocument()
            let result = RewriteDetector().analyze(doc)
            #expect(result.isRewritten == name.hasPrefix("004"), "\(name): signal \(result.signal), \(result.hits.map { $0.swap.synonym.joined(separator: " ") })")
        }
    }

    @Test("a promotional source: calls to action in the text, quoted with their lines")
    func promotional() throws {
        let f = try #require(Self.findings(of: "promotional.html").first { $0.code == "promotional" })
        #expect(f.severity == .warning)
        let inText = f.evidence.filter { !($0.note ?? "").hasPrefix("site furniture") }
        #expect(inText.map(\.note) == ["“check out my”", "phone number"])
        #expect(inText.map(\.line) == [8, 9])
        #expect((Self.score(of: "promotional.html") ?? 100) < 100)
    }

    @Test("calls to action in site furniture are told apart from those in the text")
    func furniture() throws {
        let d = AuditFixture.document("# Knees\n\nIce helps runner's knee after a long run.\n\nSign up for our newsletter!\n", name: "n.md")
        #expect(d.excluded.map(\.reason) == [.boilerplate])
        let hits = PromotionDetector().scan(d)
        #expect(hits.map(\.furniture) == [true])
        #expect(hits.map(\.line) == [5])
        let f = try #require(SourceQuality().findings(d, stats: .init()).first { $0.code == "promotional" })
        #expect(f.severity == .note)
        #expect(f.evidence.map(\.note) == ["site furniture: “sign up”"])
    }

    @Test("calls to action", arguments: [
        ("Call 804-396-6753 for an appointment.", "phone number"),
        ("Ring us on (804) 396 6753.", "phone number"),
        ("Write to info@clinic.com.", "e-mail address"),
        ("Checkout my 30 Day Core Runner Program now.", "“checkout my”"),
        ("Signal As much as Obtain a Weekly Publication", "“sign up”"),
        ("Start changing your life today!", "“today!”"),
    ])
    func callsToAction(text: String, expected: String) {
        #expect(PromotionDetector.match(text) == expected)
    }

    @Test("not calls to action", arguments: [
        "I ran 2018 miles in 2019 and 2020.",
        "Hold for 20-30 seconds, 3 sets of 10.",
        "The study of 1,024 runners was published in 2021.",
        "You might find them worth checking out.",
    ])
    func notCallsToAction(text: String) {
        #expect(PromotionDetector.match(text) == nil)
    }

    @Test("missing author and date are noted; a clean source scores high")
    func metadata() throws {
        let f = try #require(Self.findings(of: "rewritten.txt").first { $0.code == "missing-metadata" })
        #expect(f.severity == .note)
        #expect(f.message.contains("no author and no date"))
        #expect(!Self.findings(of: "agree-a.md").contains { $0.code == "missing-metadata" })
        #expect(Self.score(of: "agree-a.md") == 100)
        #expect(Self.findings(of: "agree-a.md").first { $0.code == "score" }?.severity == .note)
    }

    @Test("the real corpus: 004 is low quality and 001's repeated Q&A is found")
    func corpus() throws {
        var diagnostics: [Diagnostic] = []
        let documents = try Builder.ingest(BuildOptions(content: Repo.content, output: URL(fileURLWithPath: "/tmp")), diagnostics: &diagnostics)
        let lexicon = LexiconLoader.load(Repo.content.appendingPathComponent("lexicon"), diagnostics: &diagnostics)
        let findings = Auditor.audit(GraphBuilder.build(documents: documents, lexicon: lexicon), lexicon: lexicon)
        let spun = try #require(findings.first { $0.code == "score" && $0.sources[0].contains("/004-") })
        #expect(spun.severity == .error)
        let repeats = try #require(findings.first { $0.code == "repeated-blocks" && $0.sources[0].contains("/001-") })
        #expect(repeats.evidence.first?.line == 70)
        #expect(repeats.evidence.allSatisfy { ($0.note ?? "").hasPrefix("repeats line") })
    }
}
