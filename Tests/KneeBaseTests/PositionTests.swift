import Foundation
import Testing
@testable import KneeBase

/// Every sentence and block of every article knows exactly where it came from: the
/// text at its line/column and in its byte range of the original file is the sentence.
@Suite("Exact source positions")
struct PositionTests {
    @Test("the corpus has the five seed articles")
    func corpusIsThere() {
        #expect(Repo.articleNames.count == 5)
        #expect(Repo.articleNames.map { String($0.prefix(3)) } == ["000", "001", "002", "003", "004"])
    }

    @Test("every sentence is found at its line/column and byte range", arguments: Repo.articleNames)
    func sentencesOfCorpusArticle(_ name: String) throws {
        let url = Repo.articles.appendingPathComponent(name)
        let ingested = Ingest.file(url)
        let document = try ingested.requireDocument()
        #expect(document.sentences.count >= 10, "\(name) has only \(document.sentences.count) sentences")
        let source = try SourceText(contentsOf: url)
        for sentence in document.sentences {
            PositionCheck.verify(sentence.text, at: sentence.range, in: source, format: document.format, what: "sentence")
        }
    }

    @Test("every block is found at its line/column and byte range", arguments: Repo.articleNames)
    func blocksOfCorpusArticle(_ name: String) throws {
        let url = Repo.articles.appendingPathComponent(name)
        let document = try Ingest.file(url).requireDocument()
        let source = try SourceText(contentsOf: url)
        for block in document.blocks {
            PositionCheck.verify(block.text, at: block.range, in: source, format: document.format, what: "\(block.kind) block")
        }
    }

    @Test("sentences are in document order and inside their block", arguments: Repo.articleNames)
    func sentencesInOrder(_ name: String) throws {
        let document = try Ingest.file(Repo.articles.appendingPathComponent(name)).requireDocument()
        var previousEnd = 0
        for sentence in document.sentences {
            let block = document.blocks[sentence.block]
            #expect(sentence.range.start >= previousEnd, "“\(sentence.text.prefix(40))” starts before the previous sentence ends")
            #expect(sentence.range.start >= block.range.start && sentence.range.end <= block.range.end,
                    "“\(sentence.text.prefix(40))” lies outside its block")
            #expect(block.text.contains(sentence.text))
            previousEnd = sentence.range.end
        }
    }

    @Test("known sentences sit at known places")
    func landmarks() throws {
        // (article, sentence, line, column) read off the files by hand.
        let landmarks: [(String, String, Int, Int)] = [
            ("000", "The patella is the largest sesamoid bone in the human body.", 16, 206),
            ("001", "Knee pain is a common and debilitating condition for recreational and elite runners.", 61, 33),
            ("002", "The wearing causes inflammation and pain.", 61, 484),
            ("003", "Nope…", 19, 1),
            ("004", "It’s not.", 18, 1),
        ]
        for (prefix, text, line, column) in landmarks {
            let document = try Ingest.file(try Repo.article(prefix)).requireDocument()
            let sentence = try #require(document.sentences.first { $0.text == text }, "\(prefix): no sentence “\(text)”")
            #expect(sentence.range.line == line && sentence.range.column == column,
                    "\(prefix): “\(text)” reported at \(sentence.range.line):\(sentence.range.column), expected \(line):\(column)")
        }
    }

    @Test("columns count Unicode scalars, not bytes or grapheme clusters")
    func columnsCountScalars() throws {
        // "é" as e + U+0301 is two scalars and one Character; "’" is one scalar and three bytes.
        let text = "Caf\u{65}\u{301} it’s — 🏃🏽 ok. Second sentence here."
        let document = try Ingest.text(text, format: .text).requireDocument()
        let second = try #require(document.sentences.last)
        #expect(second.text == "Second sentence here.")
        let scalarsBefore = text.unicodeScalars.count - "Second sentence here.".unicodeScalars.count
        #expect(second.range.line == 1)
        #expect(second.range.column == scalarsBefore + 1)
        #expect(second.range.start == text.utf8.count - "Second sentence here.".utf8.count)
        #expect(second.range.endColumn == text.unicodeScalars.count + 1)
    }

    @Test("Markdown sentences with inline markup map to their source span")
    func markdownInlineMarkup() throws {
        let md = """
        # Title

        Use **ice** and [rest](https://example.com) after `runs`. Then
        see a *physio* soon.

        | Exercise | Sets |
        |---|---|
        | Clamshell | 3 |
        """
        let document = try Ingest.text(md, format: .markdown).requireDocument()
        #expect(document.sentences.map(\.text) == ["Title", "Use ice and rest after runs.", "Then see a physio soon.", "Exercise", "Sets", "Clamshell", "3"])
        let source = SourceText(Array(md.utf8))
        let first = document.sentences[1]
        #expect(first.range.line == 3 && first.range.column == 1)
        #expect(source.slice(first.range.start..<first.range.end) == "Use **ice** and [rest](https://example.com) after `runs`.")
        let second = document.sentences[2]
        #expect(second.range.line == 3 && second.range.endLine == 4)
        #expect(source.slice(second.range.start..<second.range.end) == "Then\nsee a *physio* soon.")
        let cell = document.sentences[5]
        #expect(cell.range.line == 8 && cell.range.column == 3)
        #expect(source.slice(cell.range.start..<cell.range.end) == "Clamshell")
    }

    @Test("HTML sentences point into the HTML source, entities and tags included")
    func htmlPositions() throws {
        let html = """
        <!doctype html><html><body><main>
        <h1>Knee &amp; hip</h1>
        <p>Ice <em>first</em> &mdash; then rest. Don&#8217;t run
           through pain.</p>
        </main></body></html>
        """
        let document = try Ingest.text(html, format: .html).requireDocument()
        #expect(document.sentences.map(\.text) == ["Knee & hip", "Ice first — then rest.", "Don’t run through pain."])
        let source = SourceText(Array(html.utf8))
        for sentence in document.sentences {
            PositionCheck.verify(sentence.text, at: sentence.range, in: source, format: .html, what: "sentence")
        }
        #expect(document.sentences[1].range.line == 3 && document.sentences[1].range.column == 4)
        #expect(document.sentences[2].range.line == 3 && document.sentences[2].range.endLine == 4)
    }
}

extension PositionTests {
    @Test("HTML references a browser reads without their semicolon are decoded and keep their positions")
    func legacyReferences() throws {
        let html = "<html><body><main>\n<p>Knee&nbsp pain &amp swelling, 5 &lt 6 &eacute.</p>\n<p>Keep &notes and &ampx and &nbsp;.</p>\n</main></body></html>"
        let document = try Ingest.text(html, format: .html).requireDocument()
        #expect(document.sentences.map(\.text) == ["Knee\u{A0} pain & swelling, 5 < 6 é.", "Keep &notes and &ampx and \u{A0}."])
        let source = SourceText(Array(html.utf8))
        #expect(document.sentences.map { source.slice($0.range.start..<$0.range.end) }
                == ["Knee&nbsp pain &amp swelling, 5 &lt 6 &eacute.", "Keep &notes and &ampx and &nbsp;."])
        #expect(document.sentences[0].range.line == 2 && document.sentences[0].range.column == 4)
    }
}

/// Checks one reported range against the original file.
enum PositionCheck {
    static func verify(_ text: String, at range: SourceRange, in source: SourceText, format: Document.Format, what: String,
                       sourceLocation: SourceLocation = #_sourceLocation) {
        let label = "\(what) “\(text.prefix(50))” at \(range.line):\(range.column)"
        // Line/column and the byte range agree.
        guard let start = source.offset(line: range.line, column: range.column) else {
            Issue.record("\(label): line/column is not in the file", sourceLocation: sourceLocation)
            return
        }
        #expect(start == range.start, "\(label): line/column is byte \(start), range starts at \(range.start)", sourceLocation: sourceLocation)
        #expect(source.offset(line: range.endLine, column: range.endColumn) == range.end,
                "\(label): end line/column \(range.endLine):\(range.endColumn) is not byte \(range.end)", sourceLocation: sourceLocation)
        guard range.start < range.end, range.end <= source.bytes.count else {
            Issue.record("\(label): bad byte range \(range.start)..<\(range.end)", sourceLocation: sourceLocation)
            return
        }
        // The text found there is the text reported.
        let raw = source.slice(range.start..<range.end)
        let found: String
        switch format {
        case .html where raw.contains("<") || raw.contains("&"):
            found = TextNormal.collapsed(TextNormal.strippingMarkup(raw))
        default:
            found = TextNormal.collapsed(raw)  // exact: only line breaks and runs of spaces differ
        }
        #expect(found == text, "\(label): the source there reads “\(found.prefix(80))”", sourceLocation: sourceLocation)
        // And the text at line:column begins with the sentence's first character.
        if let first = text.unicodeScalars.first, let there = source.text(fromLine: range.line, column: range.column) {
            let firstThere = there.unicodeScalars.first
            let viaEntity = format == .html && firstThere == "&"
            #expect(firstThere == first || viaEntity, "\(label): line/column points at “\(there.prefix(20))”", sourceLocation: sourceLocation)
        }
    }
}
