import Foundation
import Testing
@testable import KneeBase

/// CommonMark + GFM through cmark-gfm: block kinds, inline text, and what is left out.
@Suite("Markdown reader")
struct MarkdownReaderTests {
    @Test("GFM tables, strikethrough, autolinks and task lists")
    func gfm() throws {
        let md = """
        # Plan

        | Week | Mileage |
        |------|--------:|
        | 1    | ~~40~~ 20 km |

        Read www.example.com/knee first.

        - [ ] Book a physio
        - [x] Buy new shoes
        """
        let ingested = Ingest.text(md, format: .markdown)
        let document = try ingested.requireDocument()
        #expect(ingested.diagnostics.isEmpty)
        #expect(document.blocks.map(\.kind) == [.heading, .tableCell, .tableCell, .tableCell, .tableCell, .paragraph, .listItem, .listItem])
        #expect(document.blocks.map(\.text) == ["Plan", "Week", "Mileage", "1", "40 20 km", "Read www.example.com/knee first.", "Book a physio", "Buy new shoes"])
        let source = SourceText(Array(md.utf8))
        for sentence in document.sentences where sentence.text != "40 20 km" {
            PositionCheck.verify(sentence.text, at: sentence.range, in: source, format: .markdown, what: "sentence")
        }
        let struck = try #require(document.sentences.first { $0.text == "40 20 km" })
        #expect(source.slice(struck.range.start..<struck.range.end) == "40~~ 20 km")
        let last = try #require(document.sentences.last)
        #expect(last.range.line == 10 && last.range.column == 7)
    }

    @Test("block quotes, nested lists, hard breaks and code")
    func structure() throws {
        let md = """
        > Strong hips,
        > happy knees.

        1. Warm up
           - walk 5 min\\
             then jog
        2. Run `easy`

        ```
        code blocks are not article text
        ```
        """
        let document = try Ingest.text(md, format: .markdown).requireDocument()
        #expect(document.blocks.map(\.kind) == [.quote, .listItem, .listItem, .listItem])
        #expect(document.blocks.map(\.text) == ["Strong hips, happy knees.", "Warm up", "walk 5 min then jog", "Run easy"])
        #expect(document.blocks[2].range.line == 5 && document.blocks[2].range.endLine == 6)
    }

    @Test("images' alt text and raw HTML are not sentences")
    func imagesAndHTML() {
        let md = "![a knee diagram](knee.png)\n\nText after the image.\n\n<div class=\"ad\">Buy now</div>\n"
        let ingested = Ingest.text(md, format: .markdown)
        #expect(ingested.sentences == ["Text after the image."])
    }

    @Test("Setext headings and heading levels make heading paths")
    func headingPaths() throws {
        let md = "Knee guide\n==========\n\nCauses\n------\n\n### Weak hips\n\nThe glutes matter.\n\n## Treatment\n\nRest first.\n"
        let document = try Ingest.text(md, format: .markdown).requireDocument()
        let paths = document.sentences.map { document.headingPath(of: $0) }
        #expect(document.sentences.map(\.text) == ["Knee guide", "Causes", "Weak hips", "The glutes matter.", "Treatment", "Rest first."])
        #expect(paths[3] == ["Knee guide", "Causes", "Weak hips"])
        #expect(paths[5] == ["Knee guide", "Treatment"])
        #expect(document.blocks.map(\.level) == [1, 2, 3, 0, 2, 0])
    }

    @Test("footnotes are read where a caret (or an entity, which may be one) can make them")
    func footnotes() throws {
        let md = "Knees bend.[^1]\n\n[^1]: The source says so.\n"
        let document = try Ingest.text(md, format: .markdown).requireDocument()
        // The reference is no text; the definition's paragraph is.
        #expect(document.blocks.map(\.text) == ["Knees bend.", "The source says so."])
        #expect(CommonMarkParser.mayHoldFootnotes(Array(md.utf8)))
        #expect(CommonMarkParser.mayHoldFootnotes(Array("Q&A".utf8)))
        #expect(!CommonMarkParser.mayHoldFootnotes(Array("No notes [here](x).".utf8)))
    }
}
