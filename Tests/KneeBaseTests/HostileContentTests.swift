import Foundation
import Testing
@testable import KneeBase

/// Hostile input on the ingest and extraction side (the site's escaping is tested in
/// `SiteHostileContentTests`): scripts, handlers and `javascript:`/`data:` URLs never
/// become article text, nothing is written outside the output, very long lines and
/// words stay cheap, invisible Unicode is kept as text or reported, NUL bytes are
/// replaced, and SQL in command arguments is only ever data.
@Suite("Hostile content")
struct HostileContentTests {
    /// Text that comes only from scripts, attributes, URLs and hidden elements: none of it may be article text.
    static let forbidden = [
        "alert(", "onerror", "onclick", "onload", "onmouseover", "javascript:", "data:text", "base64", "svg-text",
        "iframe-fallback", "noscript-text", "template-text", "object-text", "math-text", "form-text", "button-text",
        "color: red", "alt-text",
    ]

    /// Every piece of text a document carries, with what it is.
    static func texts(_ document: Document, metadata: Bool = true) -> [(String, String)] {
        var out = document.sentences.map { ("sentence", $0.text) } + document.blocks.map { ("block", $0.text) }
            + document.excluded.map { ("excluded block", $0.text) }
            + document.blocks.flatMap { $0.headingPath.map { ("heading path", $0) } }
        if metadata {
            let m = document.metadata
            out += [m.title, m.author, m.publisher, m.date, m.url, m.language, m.kind].compactMap { $0 }.map { ("metadata", $0) }
            out += m.extra.values.map { ("metadata", $0) }
        }
        return out
    }

    static func expectNoForbiddenText(_ document: Document, metadata: Bool = true, sourceLocation: SourceLocation = #_sourceLocation) {
        for (what, text) in texts(document, metadata: metadata) {
            for marker in forbidden where text.contains(marker) {
                Issue.record("\(what) holds '\(marker)': \(text)", sourceLocation: sourceLocation)
            }
        }
    }

    @Test("HTML: scripts, handlers, javascript:/data: URLs, iframes, SVG and form controls never become text")
    func hostileHTML() throws {
        let html = """
        <html><head><title>Knee page</title><script>alert('head')</script>
        <meta name="author" content="Ann"></head>
        <body onload="alert('body')"><article>
        <h1 onclick="alert('h1')">Runner's knee</h1>
        <p>Squats may help runner's knee.<script>alert('p1')</script> Rest helps too.</p>
        <p><img src=x onerror="alert('img')">Hips matter.<iframe src="javascript:alert('iframe')">iframe-fallback</iframe></p>
        <p><a href="javascript:alert('link')">Foam rolling</a> and <a href="data:text/html;base64,PHNjcmlwdD4=">stretching</a> help.</p>
        <svg onload="alert('svg')"><script>alert('svg-script')</script><text>svg-text</text></svg>
        <p onmouseover="alert('hover')">Escaped &lt;script&gt;x&lt;/script&gt; is only text.</p>
        <noscript>noscript-text</noscript><template>template-text</template><object data="x">object-text</object>
        <style>p { color: red }</style><math><mi>math-text</mi></math>
        <form><input value="form-text"><button>button-text</button></form>
        </article></body></html>
        """
        let document = try Ingest.text(html, format: .html).requireDocument()
        Self.expectNoForbiddenText(document)
        #expect(document.sentences.map(\.text) == [
            "Runner's knee", "Squats may help runner's knee.", "Rest helps too.", "Hips matter.", "Foam rolling and stretching help.",
            "Escaped <script>x</script> is only text.",
        ])
        #expect(document.metadata.title == "Knee page")
        #expect(document.metadata.author == "Ann")
    }

    @Test("Markdown: raw HTML, inline scripts and SVG, javascript: links and data: images never become text")
    func hostileMarkdown() throws {
        let markdown = """
        ---
        title: "Runner's knee <script>alert('title')</script>"
        url: "javascript:alert('url')"
        ---

        # Runner's knee <script>alert('h1')</script>

        Squats may help runner's knee. <script>alert('inline')</script>Rest helps too.

        <script>
        alert('block')
        </script>

        <iframe src="javascript:alert('iframe')"></iframe>

        Hips matter <img src=x onerror="alert('img')"> a lot.

        [Foam rolling](javascript:alert('link')) and ![alt-text](data:text/html,alert('image')) help.

        <svg onload="alert('svg')"><script>alert('svg-script')</script></svg> Clamshells help.

        <a href="data:text/html,x" onclick="alert('click')">Stretching</a> helps.

        <style>p { color: red }</style>
        """
        let ingested = Ingest.text(markdown, format: .markdown)
        let document = try ingested.requireDocument()
        // Front matter values are kept as written, as data: the site escapes them and links only web URLs.
        #expect(document.metadata.title == "Runner's knee <script>alert('title')</script>")
        #expect(document.metadata.url == "javascript:alert('url')")
        Self.expectNoForbiddenText(document, metadata: false)
        #expect(document.sentences.map(\.text) == [
            "Runner's knee", "Squats may help runner's knee.", "Rest helps too.", "Hips matter a lot.", "Foam rolling and help.",
            "Clamshells help.", "Stretching helps.",
        ])
        #expect(ingested.diagnostics.isEmpty, "\(ingested.diagnostics.map(\.formatted))")
    }

    @Test("front matter: YAML tags, anchors and merge keys are read as plain strings or ignored")
    func hostileFrontMatter() throws {
        let markdown = """
        ---
        title: !!python/object/apply:os.system ["echo owned"]
        author: &who "<img src=x onerror=alert(1)>"
        publisher: *who
        date: !!binary aGVsbG8=
        <<: {url: "javascript:alert(2)"}
        kind: !custom blog
        ---

        Body text is read.
        """
        let ingested = Ingest.text(markdown, format: .markdown)
        let document = try ingested.requireDocument()
        #expect(document.sentences.map(\.text) == ["Body text is read."])
        #expect(document.metadata.author == "<img src=x onerror=alert(1)>")
        #expect(document.metadata.publisher == "<img src=x onerror=alert(1)>")
        #expect(!ingested.diagnostics.contains { $0.severity == .error }, "\(ingested.diagnostics.map(\.formatted))")
    }

    @Test("path traversal through file names, front matter ids and slugs, and lexicon ids writes nothing outside the output")
    func pathTraversal() throws {
        try withTemporaryDirectory { dir in
            let content = dir.appendingPathComponent("content")
            let front = "---\ntitle: ../../../title\nid: ../../escape-id\nslug: ../../escape-slug\nurl: ../../../etc/passwd\n---\n\n"
            let names = ["..md", "...md", "..%2F..%2Fescape.md", "%2e%2e%2fescape.md", "x\\..\\..\\escape.md", "-rf.md", "a..b.md",
                         "runner’s knee\u{202E}dm.txt", "CON.md", "zero\u{200B}width.md"]
            for (i, name) in names.enumerated() {
                try content.write(front + "Article \(i): runner's knee is pain around the kneecap. Squats may help runner's knee.\n",
                                  to: "articles/\(name)")
            }
            try content.write("""
            kind: condition
            entities:
              - id: ../../escape-lexicon
                name: runner's knee
              - id: /tmp/absolute-escape
                name: jumper's knee
              - id: ..
                name: dot dot
              - id: .
                name: dot
            """, to: "lexicon/conditions.yml")
            try content.write("kind: treatment\nentities:\n  - id: ../squats\n    name: squats\n", to: "lexicon/treatments.yml")
            let output = dir.appendingPathComponent("out/public")
            let report = try Builder.build(BuildOptions(content: content, output: output))
            #expect(report.sources == names.filter { !$0.hasPrefix(".") }.count)  // hidden files are not read

            // Every file of the temporary folder is content or output; the output folder holds no links.
            let base = dir.standardizedFileURL.resolvingSymlinksInPath().path
            let walker = try #require(FileManager.default.enumerator(atPath: base))
            for case let relative as String in walker {
                var st = stat()
                #expect(lstat(base + "/" + relative, &st) == 0)
                if (st.st_mode & S_IFMT) == S_IFDIR { continue }
                #expect(relative.hasPrefix("content/") || relative.hasPrefix("out/public/"), "written outside the output: \(relative)")
                if relative.hasPrefix("out/") {
                    #expect((st.st_mode & S_IFMT) == S_IFREG, "not a regular file: \(relative)")
                    #expect(!relative.split(separator: "/").contains { $0 == ".." || $0 == "." }, "\(relative)")
                }
            }
            #expect(FileManager.default.fileExists(atPath: "/tmp/absolute-escape") == false)
            #expect(((try? FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("out").path)) ?? []) == ["public"])
        }
    }

    @Test("a 1 MB line of short sentences: read up to the sentence limit, with exact columns, the rest reported", .timeLimit(.minutes(10)))
    func longLine() throws {
        let unit = "Knee pain here. "
        let text = String(repeating: unit, count: Scale.of(1_048_576) / unit.utf8.count)
        let ingested = Ingest.text(text, format: .text)
        let document = try ingested.requireDocument()
        let kept = min(text.utf8.count / unit.utf8.count, DocumentAssembler.maxSentences)
        #expect(document.sentences.count == kept)
        let last = try #require(document.sentences.last)
        #expect(last.range.line == 1)
        #expect(last.range.start == (kept - 1) * unit.utf8.count)
        #expect(last.range.column == last.range.start + 1)
        #expect(document.blocks.first?.text.utf8.count == kept * unit.utf8.count - 1)
        if kept < text.utf8.count / unit.utf8.count {
            #expect(ingested.ids == ["ingest.article.too-long"])
            #expect(ingested.diagnostics.first?.column == kept * unit.utf8.count + 1)
        }
    }

    @Test("a 1 MB word is cut into bounded sentences and reported", .timeLimit(.minutes(10)))
    func longWord() throws {
        // 1,000,000 bytes: the article stays under the limit of text read (`DocumentAssembler.maxTextBytes`, 1 MiB).
        let word = String(repeating: "a", count: Scale.of(1_000_000))
        let ingested = Ingest.text("First line.\n\nStart " + word + " end.\n", format: .text)
        let document = try ingested.requireDocument()
        let limit = SentenceSegmenter().maxSentenceBytes
        #expect(document.sentences.allSatisfy { $0.text.utf8.count <= 2 * limit + 8 })
        #expect(document.sentences.dropFirst().map(\.text).joined() == "Start " + word + " end.", "the pieces do not make up the text")
        let diagnostic = try #require(ingested.diagnostics.first { $0.id == "ingest.sentence.too-long" }, "\(ingested.ids)")
        #expect(diagnostic.severity == .warning)
        #expect(diagnostic.line == 3)
        #expect(ingested.diagnostics.filter { $0.id == "ingest.sentence.too-long" }.count == 1)
    }

    @Test("a run-on sentence of 50,000 words is cut at the word cap, reported once, and extracted", .timeLimit(.minutes(10)))
    func runOnSentence() throws {
        let words = ["runner's", "knee", "hurts", "and", "squats", "help", "weak", "hips", "cause", "pain"]
        let count = Scale.of(50_000)
        let text = (0..<count).map { words[$0 % words.count] }.joined(separator: " ")
        // Ten words over and over are no prose (`ProseCheck`): the check is put aside to reach the segmenter.
        let ingested = Ingest.text("# Run-on\n\n" + text + "\n", format: .markdown, proseCheck: .never)
        let document = try ingested.requireDocument()
        let cap = SentenceSegmenter().maxSentenceTokens
        #expect(document.sentences.count == 1 + count / cap)
        #expect(document.sentences.dropFirst().allSatisfy { $0.text.split(separator: " ").count == cap })
        #expect(document.sentences.dropFirst().map(\.text).joined(separator: " ") == text, "the pieces do not make up the text")
        let tooLong = ingested.diagnostics.filter { $0.id == "ingest.sentence.too-long" }
        #expect(tooLong.count == 1)
        #expect(tooLong.first?.line == 3)
        #expect(tooLong.first?.message.contains("(\(count / cap - 1) times)") == true, "\(tooLong.map(\.formatted))")
        var diagnostics: [Diagnostic] = []
        let lexicon = LexiconLoader.load(Repo.content.appendingPathComponent("lexicon"), diagnostics: &diagnostics)
        let graph = GraphBuilder.build(documents: [document], lexicon: lexicon)
        #expect(!graph.claims.isEmpty)
    }

    @Test("bidi overrides and zero-width characters: kept verbatim in article text, positions exact")
    func invisibleCharactersInArticles() throws {
        let text = "# Runner\u{2019}s knee\u{200B}\n\nThe knee\u{202E} hurts on stairs.\u{2066} Squats\u{200D} help\u{FEFF} runners.\n"
        let document = try Ingest.text(text, format: .markdown).requireDocument()
        // An invisible character after a period glues the sentences together, as any other character would.
        #expect(document.sentences.map(\.text) == ["Runner\u{2019}s knee\u{200B}", "The knee\u{202E} hurts on stairs.\u{2066} Squats\u{200D} help\u{FEFF} runners."])
        let source = SourceText(Array(text.utf8))
        for sentence in document.sentences {
            #expect(source.slice(sentence.range.start..<sentence.range.end) == sentence.text)
        }
    }

    @Test("bidi overrides and zero-width characters in lexicon names and ids are reported, spelled out")
    func invisibleCharactersInLexicon() throws {
        var diagnostics: [Diagnostic] = []
        let entities = LexiconLoader.parse("""
        kind: condition
        entities:
          - id: runners-knee
            name: "runner's knee\u{202E}"
            aliases: ["pf\u{200B}ps", "anterior knee pain"]
          - id: "evil\u{202E}di"
            name: jumper's knee
        """, file: "conditions.yml", diagnostics: &diagnostics)
        #expect(entities.map(\.0.id) == ["runners-knee", "evil\u{202E}di"])
        let invisible = diagnostics.filter { $0.id == "lexicon.invisible-character" }
        #expect(invisible.map(\.line) == [3, 3])
        #expect(invisible.first?.message.contains("\\u{202E}") == true)
        #expect(invisible.first?.message.contains("RIGHT-TO-LEFT OVERRIDE") == true)
        let badID = try #require(diagnostics.first { $0.id == "lexicon.bad-id" })
        #expect(badID.message.contains("evil\\u{202E}di"))
        #expect(diagnostics.allSatisfy { !$0.message.unicodeScalars.contains { LexiconLoader.isInvisible($0) } })
    }

    @Test("a NUL byte past the binary sniffing window is replaced and reported, in articles and front matter")
    func nulBytes() throws {
        let filler = String(repeating: "Runner's knee is pain around the kneecap. ", count: 250)
        let bytes = Array("---\ntitle: Knee\u{0}title\n---\n\n".utf8) + Array(filler.utf8) + Array("\n\nKnee\u{0}pain here.\n".utf8)
        let ingested = Ingest.bytes(bytes, format: .markdown)
        let document = try ingested.requireDocument()
        #expect(ingested.ids.contains("ingest.invalid-encoding"))
        for (what, text) in Self.texts(document) {
            #expect(!text.unicodeScalars.contains("\u{0}"), "NUL in \(what): \(text)")
        }
        #expect(document.metadata.title == "Knee\u{FFFD}title")
        #expect(document.sentences.last?.text == "Knee\u{FFFD}pain here.")
    }

    @Test("a NUL byte in a lexicon file is an error or read as text, never silently cuts the file")
    func nulInLexicon() throws {
        var diagnostics: [Diagnostic] = []
        let entities = LexiconLoader.parse("kind: condition\nentities:\n  - id: a\u{0}b\n    name: A\n  - id: later\n    name: Later\n",
                                           file: "conditions.yml", diagnostics: &diagnostics)
        let reported = diagnostics.contains { $0.severity == .error }
        #expect(reported || entities.map(\.0.id).contains("later"), "\(entities.map(\.0.id)) \(diagnostics.map(\.formatted))")
    }

    /// Arguments full of SQL and FTS5 syntax, for every command that takes text.
    static let sqlArguments: [[String]] = [
        ["show", "'; DROP TABLE claims; --"],
        ["show", "\" OR 1=1 --"],
        ["show", "runner's knee'; DELETE FROM entities WHERE '1'='1"],
        ["why", "'; DROP TABLE claims; --", "runner's knee"],
        ["why", "runner's knee", "%' OR '%'='"],
        ["search", "'; DROP TABLE claims; --"],
        ["search", "knee\" OR 1=1 --"],
        ["search", "knee) OR (1=1"],
        ["search", "NEAR(knee pain, 2)"],
        ["search", "{text}: knee"],
        ["search", "knee AND"],
        ["search", "%"],
        ["search", "_"],
        ["search", "kn*ee"],
        ["search", "knee; ATTACH DATABASE '/tmp/x.db' AS x"],
        ["search", "--kind", "condition' OR '1'='1", "knee"],
        ["search", "--limit", "-1", "knee"],
        ["conditions", "--symptom", "'; DROP TABLE claims; --"],
        ["conditions", "--symptom", "pain\" OR \"1"],
        ["audit", "--source", "' OR 1=1 --"],
        ["audit", "--claim", "'; DROP TABLE claims; --", "x"],
    ]

    @Test("SQL metacharacters in show, why, search, conditions and audit arguments: a clean answer or error, the database untouched")
    func sqlInArguments() throws {
        try withTemporaryDirectory { dir in
            try FileManager.default.copyItem(at: Repo.content, to: dir.appendingPathComponent("content"))
            let build = try KneeBaseBinary.run(["build", "--content", "content", "--output", "public"], in: dir)
            try #require(build.status == 0, "\(build.stderr)")
            let kb = dir.appendingPathComponent("public/data/kb.sqlite")
            let before = try Data(contentsOf: kb)
            let claimsBefore = try #require(KnowledgeBaseCheck.inspect(kb))
            #expect(claimsBefore.claims > 0)
            for arguments in Self.sqlArguments {
                let run = try KneeBaseBinary.run(arguments + ["--kb", "public/data/kb.sqlite"], in: dir)
                #expect(!run.signaled, "\(arguments) crashed")
                #expect([0, 1, 2, 64].contains(run.status), "\(arguments): status \(run.status), \(run.stderr.prefix(300))")
                if run.status != 0 { #expect(!run.stderr.isEmpty, "\(arguments) failed without saying why") }  // 2: a query or usage error
                #expect(!run.stderr.contains("SQLite error") && !run.stderr.lowercased().contains("syntax error near"), "\(arguments): \(run.stderr.prefix(300))")
            }
            let show = try KneeBaseBinary.run(["show", "'; DROP TABLE claims; --", "--kb", "public/data/kb.sqlite"], in: dir)
            #expect(show.status == 1)
            #expect(!show.signaled)
            #expect(try Data(contentsOf: kb) == before, "a read-only command changed the database")
            let after = try #require(KnowledgeBaseCheck.inspect(kb))
            #expect(after.integrity == "ok")
            #expect(after.claims == claimsBefore.claims)
            #expect(!FileManager.default.fileExists(atPath: "/tmp/x.db"))
        }
    }
}
