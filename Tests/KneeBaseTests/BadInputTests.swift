import Foundation
import Testing
@testable import KneeBase

/// Bad input never crashes, never hangs and never loses the good articles: each bad
/// file gets one clear diagnostic naming it, and the good article beside it is read.
// Serialized: the big inputs would otherwise compete for the machine's two worker threads.
// A named pipe (which once hung the build) is tested through the binary, under a timeout,
// in EndToEndTests.
@Suite("Bad input", .serialized)
struct BadInputTests {
    /// Ingests a content folder holding `articles/good.md` plus whatever `setup` adds to `articles/`.
    static func ingestFolder(_ setup: (URL) throws -> Void) throws
        -> (documents: [Document], diagnostics: [Diagnostic]) {
        try withTemporaryDirectory { dir in
            let articles = dir.appendingPathComponent("content/articles")
            try articles.write(goodArticle, to: "good.md")
            try setup(articles)
            var diagnostics: [Diagnostic] = []
            let documents = try Builder.ingest(BuildOptions(content: dir.appendingPathComponent("content"),
                                                            output: dir.appendingPathComponent("public")),
                                               diagnostics: &diagnostics)
            return (documents, diagnostics)
        }
    }

    /// The good article was read in full and has no diagnostics.
    static func expectGoodArticleRead(_ documents: [Document], _ diagnostics: [Diagnostic],
                                      sourceLocation: SourceLocation = #_sourceLocation) {
        let good = documents.first { $0.source.hasSuffix("/good.md") }
        #expect(good?.sentences.map(\.text) == goodArticleSentences, "the good article was not read", sourceLocation: sourceLocation)
        #expect(good?.metadata.title == "Good article", sourceLocation: sourceLocation)
        #expect(!diagnostics.contains { $0.file.hasSuffix("/good.md") }, sourceLocation: sourceLocation)
    }

    /// Exactly one diagnostic names `name`, with the given id and severity; returns it.
    @discardableResult
    static func expectOneDiagnostic(naming name: String, id: String, severity: Diagnostic.Severity, in diagnostics: [Diagnostic],
                                    sourceLocation: SourceLocation = #_sourceLocation) -> Diagnostic? {
        let mine = diagnostics.filter { $0.file.hasSuffix("/" + name) }
        #expect(mine.count == 1, "diagnostics for \(name): \(mine.map(\.formatted))", sourceLocation: sourceLocation)
        #expect(mine.first?.id == id, "diagnostics for \(name): \(mine.map(\.formatted))", sourceLocation: sourceLocation)
        #expect(mine.first?.severity == severity, sourceLocation: sourceLocation)
        #expect(mine.first?.message.isEmpty == false, sourceLocation: sourceLocation)
        return mine.first
    }

    @Test("an empty file, and one holding only white space", arguments: ["empty.md", "blank.txt", "empty.html"])
    func emptyFile(_ name: String) throws {
        let (documents, diagnostics) = try Self.ingestFolder { dir in
            try dir.write(name == "blank.txt" ? "\n  \n\t\n" : "", to: name)
        }
        Self.expectOneDiagnostic(naming: name, id: "ingest.empty", severity: .warning, in: diagnostics)
        #expect(documents.count == 1)
        Self.expectGoodArticleRead(documents, diagnostics)
    }

    @Test("a stray NUL in a text article is an invalid character with a warning at its place, not a binary file")
    func strayNul() throws {
        let (documents, diagnostics) = try Self.ingestFolder { dir in
            try dir.write(Array("# Nul\n\nRunner's knee".utf8) + [0] + Array(" is caused by weak hips.\n".utf8), to: "nul.md")
        }
        #expect(!diagnostics.contains { $0.id == "ingest.binary" })
        let warning = diagnostics.first { $0.id == "ingest.invalid-encoding" }
        #expect(warning?.line == 3 && warning?.column == 14, "\(diagnostics)")
        #expect(documents.contains { $0.sentences.contains { $0.text.hasSuffix("is caused by weak hips.") } })
    }

    @Test("a binary file named .md")
    func binaryFile() throws {
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<4096 { png.append(UInt8.random(in: 0...255, using: &generator)) }
        let (documents, diagnostics) = try Self.ingestFolder { dir in
            try dir.write(png, to: "photo.md")
        }
        Self.expectOneDiagnostic(naming: "photo.md", id: "ingest.binary", severity: .error, in: diagnostics)
        #expect(documents.count == 1)
        Self.expectGoodArticleRead(documents, diagnostics)
    }

    @Test("invalid UTF-8: replaced, reported at its line, positions still in the original bytes")
    func invalidUTF8() throws {
        let bytes = Array("# Broken\n\nThe knee ".utf8) + [0xFF, 0xFE] + Array(" hurts. Second sentence here.\n".utf8)
        let (documents, diagnostics) = try Self.ingestFolder { dir in
            try dir.write(bytes, to: "broken.md")
        }
        let warning = Self.expectOneDiagnostic(naming: "broken.md", id: "ingest.invalid-encoding", severity: .warning, in: diagnostics)
        #expect(warning?.line == 3)
        #expect(warning?.column == 10)
        let broken = try #require(documents.first { $0.source.hasSuffix("/broken.md") })
        #expect(broken.sentences.map(\.text) == ["Broken", "The knee \u{FFFD}\u{FFFD} hurts.", "Second sentence here."])
        let source = SourceText(bytes)
        for sentence in broken.sentences {
            PositionCheck.verify(sentence.text, at: sentence.range, in: source, format: .markdown, what: "sentence")
        }
        #expect(broken.sentences[2].range.start == bytes.count - "Second sentence here.\n".utf8.count)
        Self.expectGoodArticleRead(documents, diagnostics)
    }

    @Test("a 50 MB article: its first part is read, the rest reported in one warning naming the line", .timeLimit(.minutes(10)))
    func fiftyMegabytes() throws {
        func paragraph(_ i: Int) -> String {
            "Runner’s knee case \(i) causes pain around the kneecap, e.g. when squatting. Dr. Li says 2.5 times body weight lands on each step! "
                + "Does it hurt on stairs? Strengthen the hips first… then the quads.\n\n"
        }
        // 10 MB under a sanitizer, which runs this 5–20× slower.
        let size = Scale.of(50_000_000)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(size + 300)
        var copies = 0
        while bytes.count < size {
            bytes += paragraph(copies).utf8
            copies += 1
        }
        let (documents, diagnostics) = try Self.ingestFolder { dir in
            try dir.write(bytes, to: "big.md")
        }
        let big = try #require(documents.first { $0.source.hasSuffix("/big.md") }, "\(diagnostics.map(\.formatted))")
        #expect(big.byteCount == bytes.count)
        // Four sentences a paragraph: the sentence limit stops reading at a paragraph's end.
        let read = DocumentAssembler.maxSentences / 4
        #expect(big.blocks.count == read)
        try #require(big.sentences.count == DocumentAssembler.maxSentences)
        #expect(big.sentences[4].text == "Runner’s knee case 1 causes pain around the kneecap, e.g. when squatting.")
        #expect(big.sentences[4].range.line == 3)
        let last = try #require(big.sentences.last)
        #expect(last.text == "Strengthen the hips first… then the quads.")
        #expect(last.range.line == read * 2 - 1)
        PositionCheck.verify(last.text, at: last.range, in: SourceText(bytes), format: .markdown, what: "last sentence")
        // One warning, at the first paragraph not read, saying what was left.
        let warning = Self.expectOneDiagnostic(naming: "big.md", id: "ingest.article.too-long", severity: .warning, in: diagnostics)
        #expect((warning?.line, warning?.column) == (read * 2 + 1, 1))
        #expect(warning?.message.contains("10,000 sentences") == true, "\(warning?.formatted ?? "")")
        #expect(warning?.message.contains("was not read") == true)
        #expect(documents.count == 2)
        Self.expectGoodArticleRead(documents, diagnostics)
    }

    @Test("an HTML page that is one 4 MB paragraph is read in linear time, up to the sentence limit", .timeLimit(.minutes(10)))
    func giantHTMLParagraph() throws {
        // libxml2 hands a long text over in many small pieces; each must extend the block in place.
        // (Copying the block for every piece took minutes here; reading it takes seconds.)
        let sentence = "Pain around the kneecap (PFPS) &amp; swelling after runs are common. "
        let count = 4_000_000 / sentence.utf8.count
        let html = "<html><body><p>" + String(repeating: sentence, count: count) + "</p></body></html>"
        let (documents, diagnostics) = try Self.ingestFolder { dir in
            try dir.write(html, to: "giant.html")
        }
        let giant = try #require(documents.first { $0.source.hasSuffix("/giant.html") })
        #expect(giant.blocks.count == 1)
        #expect(giant.sentences.count == DocumentAssembler.maxSentences)
        let kept = DocumentAssembler.maxSentences
        #expect(giant.sentences.last?.text == "Pain around the kneecap (PFPS) & swelling after runs are common.")
        #expect(giant.sentences.last?.range.end == "<html><body><p>".utf8.count + kept * sentence.utf8.count - 1)
        #expect(giant.blocks.first?.range.end == giant.sentences.last?.range.end)
        let warning = Self.expectOneDiagnostic(naming: "giant.html", id: "ingest.article.too-long", severity: .warning, in: diagnostics)
        #expect(warning?.column == "<html><body><p>".utf8.count + kept * sentence.utf8.count + 1)
    }

    @Test("an article over the size limit is skipped with an error")
    func tooLarge() throws {
        let (documents, diagnostics) = try Self.ingestFolder { dir in
            // A sparse file: large, but costs nothing to create.
            let url = dir.appendingPathComponent("huge.txt")
            #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
            let handle = try FileHandle(forWritingTo: url)
            try handle.truncate(atOffset: UInt64(ArticleIngester().maxArticleBytes + 1))
            try handle.close()
        }
        let diagnostic = Self.expectOneDiagnostic(naming: "huge.txt", id: "ingest.too-large", severity: .error, in: diagnostics)
        #expect((diagnostic?.line, diagnostic?.column) == (1, 1))
        #expect(diagnostic?.message.contains("over the 64 MB limit") == true, "\(diagnostic?.formatted ?? "")")
        #expect(documents.count == 1)
        Self.expectGoodArticleRead(documents, diagnostics)
    }

    @Test("a lexicon file over the size limit is skipped with an error saying so; the other files are read")
    func lexiconTooLarge() throws {
        try withTemporaryDirectory { dir in
            try dir.write("kind: condition\nentities:\n  - id: pfps\n    name: runner's knee\n", to: "conditions.yml")
            let url = dir.appendingPathComponent("huge.yml")
            #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
            let handle = try FileHandle(forWritingTo: url)
            try handle.truncate(atOffset: UInt64(LexiconLoader.maxFileBytes + 1))
            try handle.close()
            var diagnostics: [Diagnostic] = []
            let lexicon = LexiconLoader.load(dir, diagnostics: &diagnostics)
            #expect(lexicon.entities.map(\.id) == ["pfps"])
            #expect(diagnostics.map(\.id) == ["lexicon.too-large"], "\(diagnostics.map(\.formatted))")
            #expect(diagnostics.first?.file.hasSuffix("/huge.yml") == true)
            #expect(diagnostics.first?.message.contains("over the 16 MB limit") == true, "\(diagnostics.map(\.formatted))")
        }
    }

    @Test("HTML nested 10,000 levels deep", .timeLimit(.minutes(10)), arguments: ["div", "span", "blockquote"])
    func deepHTML(_ tag: String) throws {
        let depth = 10_000
        let html = "<html><body><h1>Deep page</h1><p>Before the abyss.</p>"
            + String(repeating: "<\(tag)>", count: depth) + "Deep text here."
            + String(repeating: "</\(tag)>", count: depth) + "<p>After the abyss.</p></body></html>"
        let (documents, diagnostics) = try Self.ingestFolder { dir in
            try dir.write(html, to: "deep.html")
        }
        Self.expectOneDiagnostic(naming: "deep.html", id: "ingest.html.too-deep", severity: .warning, in: diagnostics)
        let deep = try #require(documents.first { $0.source.hasSuffix("/deep.html") })
        #expect(deep.sentences.map(\.text).prefix(2) == ["Deep page", "Before the abyss."])
        #expect(deep.sentences.map(\.text).contains("Deep text here."))
        Self.expectGoodArticleRead(documents, diagnostics)
    }

    /// A container marker repeated on one Markdown line, and what the cap makes of the first one past it.
    struct NestingCase: Sendable, CustomTestStringConvertible {
        var unit: String
        /// Container markers in `unit`, and the offset in it of the byte changed in the first marker past the cap.
        var markers: Int, changedOffset: Int
        var replacement: UInt8
        var testDescription: String { "'\(unit)'" }
    }

    @Test("Markdown opening 200,000 quotes or list items on one line", .timeLimit(.minutes(10)), arguments: [
        NestingCase(unit: ">", markers: 1, changedOffset: 0, replacement: UInt8(ascii: "\\")),
        NestingCase(unit: "- ", markers: 1, changedOffset: 0, replacement: UInt8(ascii: "\\")),
        NestingCase(unit: "> - ", markers: 2, changedOffset: 0, replacement: UInt8(ascii: "\\")),
        NestingCase(unit: "1. ", markers: 1, changedOffset: 0, replacement: UInt8(ascii: "\\")),
        NestingCase(unit: "12) ", markers: 1, changedOffset: 1, replacement: UInt8(ascii: "\\")),
    ])
    func deepMarkdown(_ c: NestingCase) throws {
        let units = MarkdownNesting.maxDepth / c.markers
        let before = "# Deep\n\nBefore the abyss.\n\n" + String(repeating: c.unit, count: units) + " Just deep enough.\n\n"
        let text = before + String(repeating: c.unit, count: Scale.of(200_000)) + " Deep knee pain.\n\nAfter the abyss.\n"
        let ingested = Ingest.text(text, format: .markdown, name: "deep.md")
        let document = try ingested.requireDocument()
        FuzzRegressionTests.check(document, byteCount: text.utf8.count)
        // One report, at the first marker past the cap on line 7 (line 5, at the cap, is read as is).
        let column = 1 + units * c.unit.utf8.count + c.changedOffset
        // (The rest of the line, read as text, may also be a run-on sentence, cut and reported as such;
        // "1. 1. 1. …" is 200,000 sentences, past the limit of sentences read from one article.)
        let sentenceLimit = c.unit == "1. " && Scale.of(200_000) > DocumentAssembler.maxSentences
        #expect(Set(ingested.ids).isSubset(of: ["ingest.markdown.too-deep", "ingest.sentence.too-long"] + (sentenceLimit ? ["ingest.article.too-long"] : [])),
                "\(ingested.diagnostics.map(\.formatted))")
        let deep = ingested.diagnostics.filter { $0.id == "ingest.markdown.too-deep" }
        #expect(deep.count == 1, "\(ingested.diagnostics.map(\.formatted))")
        let diagnostic = try #require(deep.first)
        #expect(diagnostic.severity == .warning)
        #expect((diagnostic.line, diagnostic.column) == (7, column), "\(diagnostic.formatted)")
        // What cmark is given: that one byte changed, nothing else.
        var body = Array(text.utf8)
        let changed = before.utf8.count + column - 1
        #expect(MarkdownNesting.cap(&body) == changed)
        #expect(body[changed] == c.replacement)
        body[changed] = Array(text.utf8)[changed]
        #expect(body == Array(text.utf8))
        let sentences = document.sentences.map(\.text)
        #expect(sentences.prefix(3) == ["Deep", "Before the abyss.", "Just deep enough."])
        if sentenceLimit {
            #expect(sentences.count == DocumentAssembler.maxSentences)
            #expect(ingested.diagnostics.filter { $0.id == "ingest.article.too-long" }.map(\.line) == [7])
        } else {
            #expect(sentences.last == "After the abyss.")
            #expect(sentences.joined(separator: " ").hasSuffix("Deep knee pain. After the abyss."))
        }
    }

    @Test("malformed front matter")
    func malformedFrontMatter() throws {
        let (documents, diagnostics) = try Self.ingestFolder { dir in
            try dir.write("---\ntitle: [unclosed\n---\n\nStill read.\n", to: "bad-front.md")
        }
        Self.expectOneDiagnostic(naming: "bad-front.md", id: "ingest.front-matter.invalid-yaml", severity: .error, in: diagnostics)
        #expect(documents.first { $0.source.hasSuffix("/bad-front.md") }?.sentences.map(\.text) == ["Still read."])
        Self.expectGoodArticleRead(documents, diagnostics)
    }

    @Test("an unknown extension", arguments: ["notes.docx", "README", "scan.pdf"])
    func unknownExtension(_ name: String) throws {
        let (documents, diagnostics) = try Self.ingestFolder { dir in
            try dir.write("Some text that is not an article.", to: name)
        }
        Self.expectOneDiagnostic(naming: name, id: "ingest.unknown-extension", severity: .warning, in: diagnostics)
        #expect(documents.count == 1)
        Self.expectGoodArticleRead(documents, diagnostics)
    }

    @Test("a symbolic link to itself")
    func symlinkToItself() throws {
        let (documents, diagnostics) = try Self.ingestFolder { dir in
            try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("loop.md").path, withDestinationPath: "loop.md")
        }
        Self.expectOneDiagnostic(naming: "loop.md", id: "ingest.symlink-loop", severity: .error, in: diagnostics)
        #expect(documents.count == 1)
        Self.expectGoodArticleRead(documents, diagnostics)
    }

    @Test("two symbolic links pointing at each other")
    func symlinkPair() throws {
        let (documents, diagnostics) = try Self.ingestFolder { dir in
            try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("a.md").path, withDestinationPath: "b.md")
            try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("b.md").path, withDestinationPath: "a.md")
        }
        Self.expectOneDiagnostic(naming: "a.md", id: "ingest.symlink-loop", severity: .error, in: diagnostics)
        Self.expectOneDiagnostic(naming: "b.md", id: "ingest.symlink-loop", severity: .error, in: diagnostics)
        Self.expectGoodArticleRead(documents, diagnostics)
    }

    @Test("a folder link that loops back to an ancestor is read once")
    func folderLoop() throws {
        let (documents, diagnostics) = try Self.ingestFolder { dir in
            try dir.write("A nested article is read.", to: "sub/nested.txt")
            try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("sub/again").path, withDestinationPath: "..")
        }
        Self.expectOneDiagnostic(naming: "again", id: "ingest.symlink-loop", severity: .warning, in: diagnostics)
        #expect(documents.count == 2)
        #expect(documents.filter { $0.source.hasSuffix("/nested.txt") }.count == 1)
        Self.expectGoodArticleRead(documents, diagnostics)
    }

    @Test("a dangling symbolic link")
    func danglingLink() throws {
        let (documents, diagnostics) = try Self.ingestFolder { dir in
            try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("gone.md").path, withDestinationPath: "nowhere.md")
        }
        let d = Self.expectOneDiagnostic(naming: "gone.md", id: "ingest.unreadable", severity: .error, in: diagnostics)
        #expect(d?.message.contains("dangling") == true)
        Self.expectGoodArticleRead(documents, diagnostics)
    }

    @Test("an unreadable file (chmod 000)")
    func unreadableFile() throws {
        let (documents, diagnostics) = try Self.ingestFolder { dir in
            let url = try dir.write("Secret text.", to: "secret.md")
            chmod(url.path, 0)
        }
        if ignoresFilePermissions {
            // Running as root (CAP_DAC_OVERRIDE): chmod 000 does not stop reading, so the
            // file is read like any other. `unreadableThroughNonFolder` here and `EndToEndTests.namedPipe`
            // make files that no one can read, root included.
            #expect(documents.contains { $0.source.hasSuffix("/secret.md") })
        } else {
            Self.expectOneDiagnostic(naming: "secret.md", id: "ingest.unreadable", severity: .error, in: diagnostics)
            #expect(documents.count == 1)
        }
        Self.expectGoodArticleRead(documents, diagnostics)
    }

    @Test("an unreadable file, even for root: a link through a file that is not a folder")
    func unreadableThroughNonFolder() throws {
        let (documents, diagnostics) = try Self.ingestFolder { dir in
            let plain = try dir.write("I am a file.", to: "../plain.txt")
            try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("locked.md").path,
                                                       withDestinationPath: plain.path + "/inner.md")
        }
        Self.expectOneDiagnostic(naming: "locked.md", id: "ingest.unreadable", severity: .error, in: diagnostics)
        #expect(documents.count == 1)
        Self.expectGoodArticleRead(documents, diagnostics)
    }

    @Test("an unreadable folder (chmod 000)")
    func unreadableFolder() throws {
        let (documents, diagnostics) = try Self.ingestFolder { dir in
            try dir.write("Hidden away.", to: "locked/inside.txt")
            chmod(dir.appendingPathComponent("locked").path, 0)
        }
        if ignoresFilePermissions {
            // As root the folder can still be listed and read; nothing to report.
            #expect(documents.count == 2)
        } else {
            Self.expectOneDiagnostic(naming: "locked", id: "ingest.unreadable", severity: .error, in: diagnostics)
            #expect(documents.count == 1)
        }
        Self.expectGoodArticleRead(documents, diagnostics)
    }

    @Test("a content folder that does not exist stops the build with an error naming it")
    func missingContentFolder() throws {
        try withTemporaryDirectory { dir in
            let missing = dir.appendingPathComponent("no-such-content")
            var diagnostics: [Diagnostic] = []
            let error = #expect(throws: BuildFailure.self) {
                _ = try Builder.ingest(BuildOptions(content: missing, output: dir.appendingPathComponent("public")), diagnostics: &diagnostics)
            }
            #expect(error?.description.contains("no-such-content") == true)
            #expect(error?.description.contains("does not exist") == true)
        }
    }

    @Test("a content folder that is a file stops the build with an error naming it")
    func contentIsAFile() throws {
        try withTemporaryDirectory { dir in
            let file = try dir.write("not a folder", to: "content")
            var diagnostics: [Diagnostic] = []
            let error = #expect(throws: BuildFailure.self) {
                _ = try Builder.ingest(BuildOptions(content: file, output: dir.appendingPathComponent("public")), diagnostics: &diagnostics)
            }
            #expect(error?.description.contains("content") == true)
        }
    }

    @Test("all the bad inputs at once: one diagnostic each, the good articles all read", .timeLimit(.minutes(10)))
    func everythingAtOnce() throws {
        let (documents, diagnostics) = try Self.ingestFolder { dir in
            try dir.write("", to: "empty.md")
            try dir.write([0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0] + [UInt8](repeating: 0, count: 512), to: "program.md")
            try dir.write(Array("Bad ".utf8) + [0xC3, 0x28] + Array(" bytes.".utf8), to: "latin.txt")
            try dir.write(String(repeating: "<div>", count: 10_000) + "Deep." + String(repeating: "</div>", count: 10_000), to: "deep.html")
            try dir.write("---\ntitle: a: b\n---\nBody.\n", to: "front.md")
            try dir.write("x", to: "data.json")
            try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("loop.md").path, withDestinationPath: "loop.md")
            let plain = try dir.write("I am a file.", to: "../plain.txt")
            try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("locked.txt").path,
                                                       withDestinationPath: plain.path + "/inner.txt")
            try dir.write("<p>Second good article.</p>", to: "good2.html")
            try dir.write("Third good article.", to: "good3.txt")
        }
        let expected: [(String, String)] = [
            ("empty.md", "ingest.empty"), ("program.md", "ingest.binary"), ("latin.txt", "ingest.invalid-encoding"),
            ("deep.html", "ingest.html.too-deep"), ("front.md", "ingest.front-matter.invalid-yaml"),
            ("data.json", "ingest.unknown-extension"), ("loop.md", "ingest.symlink-loop"), ("locked.txt", "ingest.unreadable"),
        ]
        for (name, id) in expected {
            let mine = diagnostics.filter { $0.file.hasSuffix("/" + name) }
            #expect(mine.map(\.id) == [id], "\(name): \(mine.map(\.formatted))")
        }
        #expect(diagnostics.count == expected.count, "\(diagnostics.map(\.formatted))")
        Self.expectGoodArticleRead(documents, diagnostics)
        #expect(documents.first { $0.source.hasSuffix("/good2.html") }?.sentences.map(\.text) == ["Second good article."])
        #expect(documents.first { $0.source.hasSuffix("/good3.txt") }?.sentences.map(\.text) == ["Third good article."])
        #expect(documents.map { URL(fileURLWithPath: $0.source).lastPathComponent }
                == ["deep.html", "front.md", "good.md", "good2.html", "good3.txt", "latin.txt"])
    }
}
