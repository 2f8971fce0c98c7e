import Foundation
import Testing
@testable import KneeBase

/// Within one source, repeated blocks are kept once and the repeats are named.
@Suite("Duplicate removal")
struct DuplicateRemovalTests {
    @Test("001 repeats its Q&A four times: kept once, each repeat reported")
    func askAProQAKeptOnce() throws {
        let ingested = Ingest.file(try Repo.article("001"))
        let document = try ingested.requireDocument()

        // Each sentence of the Q&A appears once.
        let texts = document.sentences.map(\.text)
        #expect(Set(texts).count == texts.count, "repeated sentences: \(texts.filter { t in texts.filter { $0 == t }.count > 1 })")
        #expect(texts.filter { $0 == "Knee pain is a common and debilitating condition for recreational and elite runners." }.count == 1)
        #expect(texts.filter { $0.hasPrefix("I’m training for my first marathon") }.count == 1)
        #expect(texts.filter { $0 == "Running Knee Pain" }.count == 1)
        #expect(texts.filter { $0 == "Q:" }.count == 1)
        #expect(document.sentences.allSatisfy { $0.range.line <= 64 }, "a sentence comes from a repeated section")

        // The three repeats are excluded as duplicates of the first copy (lines 54–64).
        let duplicates = document.excluded.filter { $0.reason == .duplicate }
        #expect(duplicates.count == 3 * 8)
        for repeatStart in [70, 86, 102] {
            let section = duplicates.filter { (repeatStart...repeatStart + 10).contains($0.range.line) }
            #expect(section.map(\.firstLine) == [54, 55, 58, 59, 60, 61, 63, 64], "repeat at line \(repeatStart)")
        }

        // One warning per repeated section, naming where it is and what it repeats.
        let warnings = ingested.diagnostics.filter { $0.id == "ingest.duplicate-block" }
        #expect(warnings.map(\.line) == [70, 86, 102])
        for warning in warnings {
            #expect(warning.severity == .warning)
            #expect(warning.file.hasSuffix("001-ask-a-pro-running-knee-pain.html"))
            #expect(warning.message.contains("first seen at line 54"), "\(warning.message)")
            #expect(warning.message.contains("8 blocks"), "\(warning.message)")
        }
    }

    @Test("a repeated paragraph in Markdown is kept once")
    func markdownRepeat() throws {
        let md = """
        # Tips

        Warm up before every run.

        Stretch your quads afterwards.

        Warm up before every run.
        """
        let ingested = Ingest.text(md, format: .markdown, name: "tips.md")
        #expect(ingested.sentences == ["Tips", "Warm up before every run.", "Stretch your quads afterwards."])
        let warning = try #require(ingested.diagnostics.first { $0.id == "ingest.duplicate-block" })
        #expect(warning.file == "tips.md")
        #expect(warning.line == 7)
        #expect(warning.message.contains("first seen at line 3"))
    }

    @Test("repeats are found whatever their case and inner spacing")
    func caseAndSpacing() {
        let text = "Ice the knee after the run.\n\nICE THE  KNEE\nAFTER THE RUN."
        let ingested = Ingest.text(text, format: .text)
        #expect(ingested.sentences == ["Ice the knee after the run."])
    }

    @Test("repeats with dashes, quotes and accents are found whatever their case")
    func repeatsBeyondASCII() {
        let text = "Knee pain – runner’s knee – is common in cafés.\n\nRest first.\n\nKNEE PAIN – RUNNER’S KNEE – IS COMMON IN CAFéS."
        let ingested = Ingest.text(text, format: .text)
        #expect(ingested.sentences == ["Knee pain – runner’s knee – is common in cafés.", "Rest first."])
        #expect(ingested.ids.contains("ingest.duplicate-block"))
    }

    @Test("repeats are texts equal as strings: canonically equivalent spellings repeat, before and after one is met")
    func canonicallyEquivalentRepeats() {
        // "café" spelt with é (U+00E9) and with e and a combining acute (U+0301); a Greek
        // question mark (U+037E) is canonically a semicolon.
        let text = ["Warm up first, then run.", "The café is near the track.", "Warm up first, then run.",
                    "The cafe\u{301} is near the track.", "Rest the knee; then ice it.", "Rest the knee\u{37E} then ice it.",
                    "Warm up first, then run.", "The end of the plan."].joined(separator: "\n\n")
        let ingested = Ingest.text(text, format: .text)
        #expect(ingested.sentences == ["Warm up first, then run.", "The café is near the track.", "Rest the knee; then ice it.", "The end of the plan."])
        #expect(ingested.document?.excluded.filter { $0.reason == .duplicate }.count == 4)
    }

    @Test("recurring labels and headings stay when what follows them is new")
    func labelsBeforeNewText() {
        let md = """
        ## Symptoms

        Q:

        Does it hurt on stairs?

        ## Symptoms

        Q:

        Does it swell after runs?
        """
        let ingested = Ingest.text(md, format: .markdown)
        #expect(ingested.sentences == ["Symptoms", "Q:", "Does it hurt on stairs?", "Symptoms", "Q:", "Does it swell after runs?"])
        #expect(!ingested.ids.contains("ingest.duplicate-block"))
    }

    @Test("single words and headings alone are not reported as repeats")
    func shortRepeatsAreKept() {
        let text = "Pain\n\nThe knee hurts.\n\nPain\n\nThe hip hurts too."
        let ingested = Ingest.text(text, format: .text)
        #expect(ingested.sentences == ["Pain", "The knee hurts.", "Pain", "The hip hurts too."])
    }
}
