import Testing
@testable import KneeBase

/// Long blocks that are not prose (keyword dumps, pasted word lists) are left out at ingest
/// with a warning at their line, and the audit rates a source left without text as low.
@Suite struct ProseCheckTests {
    /// 200 words of running prose, written for this test.
    static let prose = Array(repeating: """
        When the pain started I had just added a second long run to my week, and the physio \
        told me that the jump in distance was the most likely reason. She asked me to cut back \
        for a while, to run on flat ground, and to do the hip exercises she showed me every \
        other day. It took about six weeks before I could run down a hill without it hurting.
        """, count: 2).joined(separator: " ")

    static func ingest(_ markdown: String) -> (Document, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let d = ArticleIngester().ingest(bytes: Array(markdown.utf8), format: .markdown, displayPath: "w.md", diagnostics: &diagnostics)!
        return (d, diagnostics)
    }

    @Test("a long run of lexicon words without function words is left out, with a warning at its line")
    func keywordDump() throws {
        let words = ["knee", "pain", "runner", "foam", "roller", "squat", "glute", "hip", "patellofemoral", "syndrome",
                     "brace", "tape", "ice", "stretch", "quadriceps", "hamstring", "ITB", "band", "VMO", "orthotics"]
        let dump = (0..<300).map { words[($0 * 7) % words.count] }.joined(separator: " ")
        let (d, diagnostics) = Self.ingest("# Knee pain\n\n\(Self.prose)\n\n\(dump)\n")
        #expect(d.excluded.map(\.reason) == [.notProse])
        #expect(d.blocks.count == 2)
        let warning = try #require(diagnostics.first { $0.id == "ingest.not-prose" })
        #expect(warning.line == 5 && warning.column == 1)
        #expect(warning.message.contains("0% of its 300 words"))
    }

    @Test("a few words repeated over and over are left out even with 'the' and 'a' among them")
    func repeatedFewWords() throws {
        let words = ["the", "knee", "hurts", "a", "foam", "roller", "helps", "weak", "hip", "causes"]
        let list = (0..<400).map { words[($0 * 3 + $0 / 10) % words.count] }.joined(separator: " ")
        let (d, diagnostics) = Self.ingest("# Knee pain\n\n\(list)\n\n\(Self.prose)\n")
        #expect(d.excluded.map(\.reason) == [.notProse])
        let warning = try #require(diagnostics.first { $0.id == "ingest.not-prose" })
        #expect(warning.line == 3)
        #expect(warning.message.contains("10 different words"))
    }

    @Test("prose, short lists and long prose of plain words are kept")
    func proseKept() {
        let (d, diagnostics) = Self.ingest("# Knee pain\n\n\(Self.prose)\n\nknee pain runner foam squat\n")
        #expect(d.excluded.isEmpty)
        #expect(!diagnostics.contains { $0.id == "ingest.not-prose" })
        // The check itself: prose is no word list, however long.
        let long = Array(repeating: Self.prose, count: 12).joined(separator: " ")
        #expect(Array(long.utf8).withUnsafeBufferPointer { ProseCheck().notProse($0) } == nil)
    }

    @Test("the audit rates a source whose text is all word lists at 0 and says why")
    func auditScore() throws {
        let dump = (0..<300).map { ["knee", "pain", "squat", "hip", "foam"][$0 % 5] + "s" }.joined(separator: " ")
        let (d, _) = Self.ingest(dump + "\n")
        #expect(d.sentences.isEmpty)
        let findings = SourceQuality().findings(d, stats: .init())
        #expect(findings.contains { $0.code == "not-prose" && $0.severity == .error })
        #expect(findings.contains { $0.code == "no-text" })
        let score = try #require(findings.first { $0.code == "score" })
        #expect(score.score == 0)
        #expect(score.message.contains("no readable text"))
    }
}
