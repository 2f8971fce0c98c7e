import Testing
@testable import KneeBase

/// The limits that keep a pathological file to seconds: each, when hit, is reported once
/// with where reading stopped; just under it, the whole article is read and nothing is said.
@Suite("Article limits")
struct ArticleLimitTests {
    /// `count` paragraphs of one sentence each, distinct, one blank line apart.
    static func paragraphs(_ count: Int) -> String {
        (0..<count).map { "Paragraph \($0) is about the knee.\n" }.joined(separator: "\n")
    }

    @Test("sentences: exactly the limit is read whole; one more stops at its line")
    func sentenceLimit() throws {
        let max = DocumentAssembler.maxSentences
        // Two sentences per paragraph, so that the block limit is not reached first.
        let under = (0..<max / 2).map { "Knee \($0) hurts. It swells.\n" }.joined(separator: "\n")
        let read = Ingest.text(under, format: .markdown)
        #expect(try read.requireDocument().sentences.count == max)
        #expect(read.ids.isEmpty, "\(read.diagnostics.map(\.formatted))")

        let over = Ingest.text(under + "\nOne more sentence.\n", format: .markdown)
        let document = try over.requireDocument()
        #expect(document.sentences.count == max)
        #expect(document.sentences.last?.text == "It swells.")
        #expect(over.ids == ["ingest.article.too-long"])
        let warning = try #require(over.diagnostics.first)
        #expect(warning.severity == .warning)
        #expect((warning.line, warning.column) == (max + 1, 1))
        #expect(warning.message.contains("10,000 sentences"), "\(warning.formatted)")
        #expect(warning.message.contains("the rest (19 bytes, 1 block) was not read"), "\(warning.formatted)")
    }

    @Test("sentences: a block that passes the limit is kept up to its last sentence read")
    func sentenceLimitInsideBlock() throws {
        let max = DocumentAssembler.maxSentences
        let text = String(repeating: "Knee pain. ", count: max + 5) + "\n"
        let ingested = Ingest.text(text, format: .text)
        let document = try ingested.requireDocument()
        #expect(document.sentences.count == max)
        #expect(document.blocks.count == 1)
        #expect(document.blocks[0].text == String(repeating: "Knee pain. ", count: max).dropLast())
        #expect(document.blocks[0].range.end == max * 11 - 1)
        #expect(ingested.ids == ["ingest.article.too-long"])
        #expect(ingested.diagnostics.first?.column == max * 11 + 1)
    }

    @Test("blocks: exactly the limit is read whole; one more is reported")
    func blockLimit() throws {
        let max = DocumentAssembler.maxBlocks
        let under = Self.paragraphs(max)
        let read = Ingest.text(under, format: .markdown)
        #expect(try read.requireDocument().blocks.count == max)
        #expect(read.ids.isEmpty, "\(read.diagnostics.map(\.formatted))")

        let over = Ingest.text(under + "\nThe block past the limit.\n", format: .markdown)
        let document = try over.requireDocument()
        #expect(document.blocks.count == max)
        #expect(document.blocks.last?.text == "Paragraph \(max - 1) is about the knee.")
        #expect(over.ids == ["ingest.article.too-long"])
        #expect((over.diagnostics.first?.line, over.diagnostics.first?.column) == (2 * max + 1, 1))
        #expect(over.diagnostics.first?.message.contains("10,000 blocks") == true, "\(over.diagnostics.map(\.formatted))")
    }

    @Test("repeated blocks count toward the block limit")
    func repeatedBlocksCount() throws {
        let text = String(repeating: "Knee pain on stairs.\n\n", count: DocumentAssembler.maxBlocks + 10)
        let ingested = Ingest.text(text, format: .text)
        let document = try ingested.requireDocument()
        #expect(document.blocks.count == 1)
        #expect(document.excluded.count == DocumentAssembler.maxBlocks - 1)
        #expect(ingested.ids.sorted() == ["ingest.article.too-long", "ingest.duplicate-block"])
    }

    @Test("text: exactly the byte limit is read whole; one more block stops there")
    func textLimit() throws {
        let max = DocumentAssembler.maxTextBytes
        // 1,024 blocks of 1,024 bytes of text each: a six-byte number, a space, a long word.
        let block = { (i: Int) -> String in
            let head = "B\(String(i + 100_000).dropFirst())"  // "B00000" … six bytes
            let body = String(repeating: "x", count: 1_024 - head.utf8.count - 1)
            return head + " " + body
        }
        #expect(block(7).utf8.count == 1_024)
        let under = (0..<max / 1_024).map { block($0) + "\n" }.joined(separator: "\n")
        let read = Ingest.text(under, format: .text)
        #expect(try read.requireDocument().blocks.count == max / 1_024)
        #expect(read.ids.isEmpty, "\(read.diagnostics.map(\.formatted))")

        let over = Ingest.text(under + "\nPast it.\n", format: .text)
        let document = try over.requireDocument()
        #expect(document.blocks.count == max / 1_024)
        #expect(over.ids == ["ingest.article.too-long"])
        #expect(over.diagnostics.first?.message.contains("1 MB of text") == true, "\(over.diagnostics.map(\.formatted))")
        #expect(over.diagnostics.first?.line == 2 * (max / 1_024) + 1)
    }

    @Test("Markdown input: past 8 MB it is cut at a blank line and the rest reported; under it, read whole", .timeLimit(.minutes(10)))
    func inputLimit() throws {
        let limit = ArticleIngester.maxTextInputBytes
        // An HTML comment of 100-byte lines is markup, no text: the text limits are not reached.
        func article(commentLines: Int) -> String {
            "First paragraph.\n\n<!--\n" + String(repeating: String(repeating: "c", count: 99) + "\n", count: commentLines) + "-->\n\nLast paragraph.\n"
        }
        let under = article(commentLines: (limit - 100) / 100)
        #expect(under.utf8.count <= limit)
        let read = Ingest.text(under, format: .markdown)
        #expect(read.sentences == ["First paragraph.", "Last paragraph."])
        #expect(read.ids.isEmpty, "\(read.diagnostics.map(\.formatted))")

        let overText = article(commentLines: limit / 100 + 1)
        let over = Ingest.text(overText, format: .markdown)
        #expect(over.sentences == ["First paragraph."])
        #expect(over.ids == ["ingest.article.too-long"])
        let warning = try #require(over.diagnostics.first)
        #expect(warning.message.contains("8 MB of Markdown or text"), "\(warning.formatted)")
        // Cut after the last line break before the limit (the comment's lines start at line 4, offset 23).
        #expect((warning.line, warning.column) == (4 + (limit - 23) / 100, 1))
        #expect(try over.requireDocument().byteCount == overText.utf8.count)
    }

    @Test("HTML is not cut by the Markdown input limit")
    func htmlInputNotCut() throws {
        let html = "<p>First paragraph.</p><!--" + String(repeating: "c", count: ArticleIngester.maxTextInputBytes) + "--><p>Last paragraph.</p>"
        let read = Ingest.text(html, format: .html)
        #expect(read.sentences == ["First paragraph.", "Last paragraph."])
        #expect(read.ids.isEmpty, "\(read.diagnostics.map(\.formatted))")
    }

    @Test("table cells: 100 pipes on a line are a table; past that they are read as spaces and reported")
    func tableCells() throws {
        func table(_ pipes: Int) -> String {
            let cells = pipes - 1
            return "|" + String(repeating: "a|", count: cells) + "\n|" + String(repeating: "-|", count: cells) + "\n|"
                + (0..<cells).map { "c\($0)|" }.joined() + "\n"
        }
        let max = MarkdownTables.maxCells
        let read = Ingest.text(table(max), format: .markdown)
        let document = try read.requireDocument()
        #expect(document.blocks.filter { $0.kind == .tableCell }.count == 2 * (max - 1))
        #expect(document.blocks.last?.text == "c\(max - 2)")
        #expect(read.ids.isEmpty, "\(read.diagnostics.map(\.formatted))")

        let wide = Ingest.text(table(max + 1), format: .markdown)
        #expect(wide.ids == ["ingest.markdown.too-many-cells"])
        // The 101st pipe of the first line: one pipe, then 100 of "a|".
        #expect((wide.diagnostics.first?.line, wide.diagnostics.first?.column) == (1, 2 * max + 1))
        // Nothing is lost: the text of every cell is still read.
        let text = try wide.requireDocument().blocks.map(\.text).joined(separator: " ")
        #expect(text.contains("c\(max - 1)"))
    }

    @Test("a word longer than the token limit is kept whole in the text, indexed by its first 64 bytes")
    func longToken() throws {
        let tokenizer = Tokenizer(stemmer: Stemmer())
        let long = String(repeating: "k", count: 200)
        let tokens = tokenizer.tokens("The " + long + " hurts")
        #expect(tokens.map(\.norm) == ["the", String(repeating: "k", count: Tokenizer.maxNormBytes), "hurts"])
        #expect((tokens[1].start, tokens[1].end) == (4, 204))
        // Accents past the limit: cut between characters, never inside one.
        let accented = String(repeating: "é", count: 100)
        let norm = try #require(tokenizer.tokens(accented).first?.norm)
        #expect(norm == String(repeating: "é", count: Tokenizer.maxNormBytes / 2))
        let marks = "e" + String(repeating: "\u{0301}", count: 1_000)
        #expect(tokenizer.tokens(marks).first.map { $0.norm.utf8.count <= Tokenizer.maxNormBytes } == true)
        #expect(tokenizer.tokens(marks).first?.end == marks.utf8.count)
    }

    @Test("a front matter of nested aliases (a billion laughs) is read without expanding it")
    func yamlAliasBomb() throws {
        var yaml = "---\nl0: &l0 [\"knee\",\"knee\",\"knee\",\"knee\",\"knee\",\"knee\",\"knee\",\"knee\",\"knee\"]\n"
        for i in 1..<10 { yaml += "l\(i): &l\(i) [" + Array(repeating: "*l\(i - 1)", count: 9).joined(separator: ",") + "]\n" }
        yaml += "title: *l9\nauthor: Dr. Li\n---\n\nKnee pain.\n"
        let ingested = Ingest.text(yaml, format: .markdown)
        let document = try ingested.requireDocument()
        #expect(document.sentences.map(\.text) == ["Knee pain."])
        #expect(document.metadata.author == "Dr. Li")
        #expect(document.metadata.extra["l0"] == Array(repeating: "knee", count: 9).joined(separator: ", "))
        // The title is a list of lists: said once, not expanded.
        #expect(ingested.ids == ["ingest.front-matter.not-one-value"], "\(ingested.diagnostics.map(\.formatted))")
        #expect(ingested.diagnostics.first?.message.hasSuffix("ignored") == true)
    }
}
