import Foundation
import Testing
@testable import KneeBase

/// Inputs the fuzz targets (`Fuzz/`, `Scripts/fuzz`) and the bad-input hunt turned up,
/// replayed with the checks the fuzz targets make, and the slow paths they exposed
/// scaled up until a regression would time out.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    /// `Fixtures/fuzz/<target>/<file>` for every saved input.
    static let saved: [String] = {
        let root = Repo.fixture("fuzz")
        var out: [String] = []
        for target in ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).sorted() {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(target).path)) ?? []
            out += files.sorted().map { "\(target)/\($0)" }
        }
        return out
    }()

    /// What `Fuzz/Support/FuzzChecks.swift` asserts of every ingested input.
    static func check(_ document: Document, byteCount: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(document.byteCount == byteCount, sourceLocation: sourceLocation)
        let ranges = document.blocks.map(\.range) + document.sentences.map(\.range) + document.excluded.map(\.range)
        for r in ranges {
            #expect(r.start >= 0 && r.start <= r.end && r.end <= byteCount, "range \(r.start)..<\(r.end) of \(byteCount)", sourceLocation: sourceLocation)
            #expect(r.line >= 1 && r.column >= 1 && (r.line, r.column) <= (r.endLine, r.endColumn), "\(r)", sourceLocation: sourceLocation)
        }
        for s in document.sentences {
            #expect(!s.text.isEmpty && s.text.first != " " && s.text.last != " ", "sentence '\(s.text.prefix(80))'", sourceLocation: sourceLocation)
            #expect(!s.text.unicodeScalars.contains("\u{0}"), sourceLocation: sourceLocation)
            #expect(document.blocks.indices.contains(s.block), sourceLocation: sourceLocation)
        }
    }

    @Test("saved fuzz inputs are read without a crash and keep the fuzz targets' invariants", arguments: saved)
    func replay(_ path: String) throws {
        let bytes = [UInt8](try Data(contentsOf: Repo.fixture("fuzz/" + path)))
        let target = String(path.prefix { $0 != "/" })
        switch target {
        case "markdown", "html", "text":
            let format: Document.Format = target == "markdown" ? .markdown : target == "html" ? .html : .text
            let ingested = Ingest.bytes(bytes, format: format, name: path)
            if let document = ingested.document { Self.check(document, byteCount: bytes.count) }
            #expect(ingested.diagnostics.allSatisfy { $0.line >= 1 && $0.column >= 1 })
        case "frontmatter":
            var diagnostics: [Diagnostic] = []
            let file = SourceFile(displayPath: path, bytes: bytes)
            let front = FrontMatter.read(file.bytes, file: path, lines: file.lines, diagnostics: &diagnostics)
            #expect(front.range.upperBound <= bytes.count)
        case "lexicon":
            var diagnostics: [Diagnostic] = []
            let entities = LexiconLoader.parse(String(decoding: bytes, as: UTF8.self), file: path, diagnostics: &diagnostics)
            let lexicon = LexiconLoader.validate(entities, diagnostics: &diagnostics)
            _ = GraphBuilder.build(documents: [], lexicon: lexicon)
        case "query":
            let text = String(decoding: bytes, as: UTF8.self)
            do {
                _ = try QueryParser.parse(text)
            } catch {
                #expect(error.offset >= 0 && error.offset <= text.utf8.count)
                _ = error.annotated(text)
            }
        default:
            Issue.record("unknown fuzz target folder '\(target)'")
        }
    }

    // MARK: Slow paths found by scaling up inputs (each took minutes or hours before its fix)

    @Test("one decoded entity per line (`&eacute;` × 100,000): linear, each maps to its reference", .timeLimit(.minutes(10)))
    func entityPerLine() throws {
        // SourceAligner scanned to the block's end for every piece it could not find whole and
        // never moved past a decoded entity: 8,000 lines took 43 s, 100,000 would take hours.
        let lines = Scale.of(100_000)
        let bytes = Array(String(repeating: "&eacute;\n", count: lines).utf8)
        // One word over and over is no prose (`ProseCheck`): the check is put aside to reach the aligner.
        let document = try Ingest.bytes(bytes, format: .markdown, proseCheck: .never).requireDocument()
        Self.check(document, byteCount: bytes.count)
        #expect(document.blocks.count == 1)
        #expect(document.blocks.first?.range.end == bytes.count - 1)
        // Cut at the word cap: the first sentence is the first 250 entities, "&eacute;" to "&eacute;".
        let sentence = try #require(document.sentences.first)
        let cap = SentenceSegmenter().maxSentenceTokens
        #expect(sentence.text == Array(repeating: "é", count: cap).joined(separator: " "))
        #expect(sentence.range.start == 0)
        #expect(sentence.range.end == (cap - 1) * 9 + 8)
        #expect(document.sentences.count == lines / cap)
    }

    @Test("entities map to their whole reference, in Markdown and HTML")
    func entityPositions() throws {
        for (text, format) in [("Caf&eacute; time.\n", Document.Format.markdown), ("<p>Caf&eacute; time.</p>", .html)] {
            let document = try Ingest.text(text, format: format).requireDocument()
            let sentence = try #require(document.sentences.first)
            #expect(sentence.text == "Café time.")
            let source = SourceText(Array(text.utf8))
            #expect(source.slice(sentence.range.start..<sentence.range.end) == "Caf&eacute; time.")
        }
    }

    @Test("a code span of two 400 KB lines (its newline read as a space): linear", .timeLimit(.minutes(10)))
    func longCodeSpan() throws {
        // The piece is not in the source verbatim; a naive search compared ~400 KB at every
        // offset of the span.
        let line = String(repeating: "a", count: Scale.of(400_000))
        let text = "`" + line + "\n" + line + "`\n"
        let document = try Ingest.text(text, format: .markdown).requireDocument()
        Self.check(document, byteCount: text.utf8.count)
        #expect(document.sentences.map(\.text.utf8.count).reduce(0, +) >= 2 * line.utf8.count)
    }

    @Test("a 2 MB HTML paragraph of entities and text: linear", .timeLimit(.minutes(10)))
    func htmlEntityParagraph() throws {
        let html = "<p>" + String(repeating: "&eacute;x ", count: Scale.of(200_000)) + "</p>"
        let document = try Ingest.text(html, format: .html).requireDocument()
        Self.check(document, byteCount: html.utf8.count)
    }

    @Test("inline <script>, <style> and <svg> in a Markdown paragraph are not text")
    func inlineHiddenElements() throws {
        let document = try Ingest.text("Squats help. <script>alert(1)</script>Rest helps. <svg><script>x</script><text>svg</text></svg> Hips <b>matter</b>.\n",
                                       format: .markdown).requireDocument()
        #expect(document.sentences.map(\.text) == ["Squats help.", "Rest helps.", "Hips matter."])
    }
}
