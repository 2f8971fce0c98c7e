import Foundation
import Testing
@testable import KneeBase

/// Front matter of Markdown articles: YAML, TOML, and the ways it goes wrong.
@Suite("Front matter")
struct FrontMatterTests {
    static func read(_ name: String) -> Ingested {
        Ingest.file(Repo.fixture("front-matter/\(name)"))
    }

    @Test("YAML between --- lines fills the metadata; the body keeps its line numbers")
    func yaml() throws {
        let ingested = Self.read("yaml.md")
        let document = try ingested.requireDocument()
        #expect(ingested.diagnostics.isEmpty, "\(ingested.diagnostics.map(\.formatted))")
        let m = document.metadata
        #expect(m.title == "Patellar valgus: what runners should know")
        #expect(m.author == "Li Yanyu")
        #expect(m.publisher == "healthorn")
        #expect(m.date == "2023-05-01")
        #expect(m.url == "https://example.org/valgus")
        #expect(m.language == "en")
        #expect(m.kind == "news")
        #expect(m.extra == ["tags": "knee, running"])
        #expect(document.sentences.map(\.text) == ["Patellar valgus", "The kneecap drifts outward.", "Strength training is key."])
        #expect(document.sentences.map(\.range.line) == [12, 14, 14])
        #expect(document.sentences.map(\.range.column) == [3, 1, 29])
    }

    @Test("TOML between +++ lines fills the metadata; tables are ignored")
    func toml() throws {
        let ingested = Self.read("toml.md")
        let document = try ingested.requireDocument()
        #expect(ingested.diagnostics.isEmpty, "\(ingested.diagnostics.map(\.formatted))")
        #expect(document.metadata.title == "Hip strengthening")
        #expect(document.metadata.author == "Peter Banx")
        #expect(document.metadata.date == "2021-03-04")
        #expect(document.metadata.kind == "blog")
        #expect(document.metadata.extra == ["tags": "hip, knee"])
        #expect(document.sentences.map(\.text) == ["Strong hips help the knee."])
        #expect(document.sentences.first?.range.line == 12)
    }

    @Test("a YAML document may end with ...")
    func dotsTerminator() throws {
        let ingested = Self.read("dots.md")
        let document = try ingested.requireDocument()
        #expect(ingested.diagnostics.isEmpty, "\(ingested.diagnostics.map(\.formatted))")
        #expect(document.metadata.title == "Ended with dots")
        #expect(document.metadata.kind == "forum")
        #expect(document.sentences.map(\.text) == ["Body text after a YAML document end marker."])
        #expect(document.sentences.first?.range.line == 6)
    }

    @Test("a missing opening --- is a warning, and the fields are still read")
    func missingOpening() throws {
        let ingested = Self.read("missing-opening.md")
        let document = try ingested.requireDocument()
        #expect(ingested.ids == ["ingest.front-matter.missing-opening"])
        let warning = try #require(ingested.diagnostics.first)
        #expect(warning.severity == .warning)
        #expect(warning.file.hasSuffix("missing-opening.md"))
        #expect(warning.line == 1)
        #expect(document.metadata.title == "No opening delimiter")
        #expect(document.sentences.map(\.text) == ["The body is still read."])
        #expect(document.sentences.first?.range.line == 5)
    }

    @Test("an unclosed quote is reported where it opens, not at the end of the front matter")
    func unclosedQuote() throws {
        var diagnostics: [Diagnostic] = []
        let text = "---\ntitle: \"unterminated\nauthor: A\ndate: 2020-01-01\n---\n# Runner's knee\n\nText.\n"
        _ = ArticleIngester().ingest(bytes: Array(text.utf8), format: .markdown, displayPath: "quote.md", diagnostics: &diagnostics)
        let error = try #require(diagnostics.first { $0.id == "ingest.front-matter.invalid-yaml" })
        #expect(error.line == 2 && error.column == 8, "\(error.line):\(error.column)")
        #expect(error.message.contains("quoted scalar") && !error.message.contains("\n"))
    }

    @Test("malformed YAML is an error at its line; the body is still read")
    func malformedYAML() throws {
        let ingested = Self.read("malformed.md")
        let document = try ingested.requireDocument()
        #expect(ingested.ids == ["ingest.front-matter.invalid-yaml"])
        let error = try #require(ingested.diagnostics.first)
        #expect(error.severity == .error)
        #expect(error.file.hasSuffix("malformed.md"))
        #expect(error.line == 3, "the bad ': ' is on line 3, reported at \(error.line):\(error.column)")
        #expect(error.message.contains("not valid YAML"))
        #expect(document.metadata.title == nil)
        #expect(document.sentences.map(\.text) == ["The body is still read despite the bad YAML."])
        #expect(document.sentences.first?.range.line == 6)
    }

    @Test("a date with no year, a language that is no tag and a title that is a mapping are warnings at their lines")
    func suspectValues() throws {
        let ingested = Ingest.text("---\ntitle:\n  a: 1\ndate: not-a-date\nlanguage: 42\n---\n\nRunner's knee hurts.\n", format: .markdown)
        let document = try ingested.requireDocument()
        #expect(ingested.ids == ["ingest.front-matter.not-text", "ingest.front-matter.not-a-date", "ingest.front-matter.not-a-language"])
        #expect(ingested.diagnostics.map(\.line) == [2, 4, 5])
        #expect(ingested.diagnostics.allSatisfy { $0.severity == .warning })
        #expect(document.metadata.date == "not-a-date" && document.metadata.language == "42", "kept as written")
        let fine = Ingest.text("---\ntitle: Fine\ndate: March 3, 2021\nlanguage: en-GB\n---\n\nText.\n", format: .markdown)
        #expect(fine.ids.isEmpty, "\(fine.ids)")
        let toml = Ingest.text("+++\ntitle = \"T\"\ndate = \"someday\"\n+++\n\nText.\n", format: .markdown)
        #expect(toml.ids == ["ingest.front-matter.not-a-date"] && toml.diagnostics.first?.line == 3, "\(toml.diagnostics.map(\.formatted))")
    }

    @Test("a list where one value is expected is a warning at its key; a list of authors is not")
    func listForOneValue() throws {
        let ingested = Ingest.text("---\nauthor: [Ann, Bo]\ntitle: [Knee pain, Part 2]\n---\n\nRunner's knee hurts.\n", format: .markdown)
        let document = try ingested.requireDocument()
        #expect(ingested.ids == ["ingest.front-matter.not-one-value"], "\(ingested.ids)")
        #expect(ingested.diagnostics.first?.line == 3)
        #expect(ingested.diagnostics.first?.message.contains("“Knee pain, Part 2”") == true)
        #expect(document.metadata.title == "Knee pain, Part 2" && document.metadata.author == "Ann, Bo")
    }

    @Test("unterminated front matter is an error; the file is read as text")
    func unterminated() throws {
        let ingested = Self.read("unterminated.md")
        let document = try ingested.requireDocument()
        #expect(ingested.ids == ["ingest.front-matter.unterminated"])
        #expect(ingested.diagnostics.first?.severity == .error)
        #expect(ingested.diagnostics.first?.line == 1)
        #expect(document.sentences.map(\.text).contains("The body is still read without a closing delimiter."))
    }

    @Test("front matter that is not a mapping is a warning")
    func notAMapping() throws {
        let ingested = Self.read("not-a-mapping.md")
        let document = try ingested.requireDocument()
        #expect(ingested.ids == ["ingest.front-matter.not-a-mapping"])
        #expect(document.sentences.map(\.text) == ["A list is not front matter."])
    }

    @Test("a bad TOML line is an error at its line; the good fields are kept")
    func badTOML() throws {
        let ingested = Self.read("bad-toml.md")
        let document = try ingested.requireDocument()
        #expect(ingested.ids == ["ingest.front-matter.invalid-toml"])
        #expect(ingested.diagnostics.first?.line == 3)
        #expect(document.metadata.title == "Fine")
        #expect(document.sentences.map(\.text) == ["TOML body text."])
    }

    @Test("no front matter: nothing reported, the first heading is the title")
    func none() throws {
        let ingested = Ingest.text("# Knee basics\n\nSome text here.\n\n---\n\nMore text after a rule.", format: .markdown)
        let document = try ingested.requireDocument()
        #expect(ingested.diagnostics.isEmpty, "\(ingested.diagnostics.map(\.formatted))")
        #expect(document.metadata.title == "Knee basics")
        #expect(document.sentences.map(\.text) == ["Knee basics", "Some text here.", "More text after a rule."])
    }

    @Test("front matter after a UTF-8 byte-order mark, with CRLF line ends")
    func bomAndCRLF() throws {
        let text = "---\r\ntitle: Windows file\r\n---\r\n\r\nWritten on Windows.\r\n"
        let ingested = Ingest.bytes([0xEF, 0xBB, 0xBF] + Array(text.utf8), format: .markdown)
        let document = try ingested.requireDocument()
        #expect(ingested.diagnostics.isEmpty, "\(ingested.diagnostics.map(\.formatted))")
        #expect(document.metadata.title == "Windows file")
        #expect(document.sentences.map(\.text) == ["Written on Windows."])
        #expect(document.sentences.first?.range.line == 5)
    }

    @Test("the corpus's Markdown articles carry their front matter", arguments: ["000", "003"])
    func corpusFrontMatter(_ prefix: String) throws {
        let ingested = Ingest.file(try Repo.article(prefix))
        let document = try ingested.requireDocument()
        #expect(!ingested.ids.contains { $0.hasPrefix("ingest.front-matter") })
        #expect(document.metadata.title?.isEmpty == false)
        #expect(document.metadata.kind == (prefix == "000" ? "news" : "blog"))
        #expect(document.metadata.language == "en")
        // The front matter's lines never become sentences.
        #expect(!document.sentences.contains { $0.text.hasPrefix("title:") || $0.text == "---" })
        #expect(document.sentences.allSatisfy { $0.range.line > 5 })
    }

    /// The fields Yams reads from `body` (keys lower-cased), and whether it reported a problem.
    static func yamsFields(_ body: String) -> [String: String] {
        var diagnostics: [Diagnostic] = []
        let fields = FrontMatter.yamlFields(body, file: "t.md", firstLine: 2, diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty, "\(body.debugDescription)")
        return fields
    }

    /// The fields the simple reader finds (keys lower-cased as the front matter keeps them), nil when it declines.
    static func simpleFields(_ body: String) -> [String: String]? {
        var text = body
        return text.withUTF8(SimpleYAML.fields).map { fields in
            Dictionary(fields.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { $1 })
        }
    }

    @Test("simple YAML is read without Yams, to exactly Yams's fields")
    func simpleYAMLMatchesYams() throws {
        let keys = ["title", "author", "date", "source", "Title", "og-type", "x_1"]
        let values = ["\"Patellar pain: what helps?\"", "\"\"", "\"  spaced  \"   ", "\"it's #1 & more, [really] {ok} *no* ~\"",
                      "2022-03-08", "2022-03-08T10:00:00Z", "https://example.org/a/b?c", "Li Yanyu", "yes", "null", "true", "0x1F",
                      "1.5e3", "Knee pain (runner's)", "a,b", "x+y", "07", "no"]
        var accepted = 0
        for (k, key) in keys.enumerated() {
            for (v, value) in values.enumerated() {
                let other = values[(v + k + 1) % values.count]
                for body in ["\(key): \(value)\n", "\(key): \(value)\nzz: \(other)\n", "\r\n\(key):   \(value)\r\n\nzz: \(other)"] {
                    let simple = Self.simpleFields(body)
                    if let simple {
                        accepted += 1
                        #expect(simple == Self.yamsFields(body), "\(body.debugDescription)")
                    }
                }
            }
        }
        #expect(accepted > 300)
        // Bodies that are not of the simple form are left to Yams.
        let others = ["title: a: b", "title: a #b", "title:", "title: ", "title:x", " title: a", "title: \"a\\\"b\"", "title: \"a\" b",
                      "title: 'single'", "title: a  b", "title: a ", "title: [a, b]", "title: {a: b}", "title: &x a", "title: *x",
                      "title: !!str a", "title: |\n  a", "title: >\n  a", "- a\n- b", "# comment\ntitle: a", "title: a\ntitle: b",
                      "title: a\n  continued", "title: \"Café\"", "title: Café", "title:\ta", "title: a\rb", "%YAML 1.1\n---\ntitle: a",
                      "", "\n\n", "title: -a", "title: a:", "title: a: ", "? title\n: a", "title: \"unclosed", "tit le: a",
                      "title: @a", "title: `a`", "title: a\u{0}", String(repeating: "k", count: 65) + ": a"]
        for body in others {
            #expect(Self.simpleFields(body) == nil, "\(body.debugDescription)")
        }
    }

    @Test("front matter in the simple form and front matter left to Yams read the same")
    func simpleAndFullYAML() throws {
        // The second has a comment, so Yams reads it.
        let simple = Ingest.text("---\ntitle: \"Knee: a guide\"\nauthor: Li Yanyu\nTags: knee\n---\n\nBody text.", format: .markdown)
        let full = Ingest.text("---\n# by hand\ntitle: \"Knee: a guide\"\nauthor: Li Yanyu\nTags: knee\n---\n\nBody text.", format: .markdown)
        let a = try simple.requireDocument(), b = try full.requireDocument()
        #expect(a.metadata == b.metadata)
        #expect(a.metadata.title == "Knee: a guide")
        #expect(a.metadata.author == "Li Yanyu")
        #expect(a.metadata.extra == ["tags": "knee"])
        #expect(simple.diagnostics.isEmpty && full.diagnostics.isEmpty)
    }
}
