import Foundation
import Testing
@testable import KneeBase

/// Pages of a small hand-made graph compared with committed snapshots under
/// `Fixtures/snapshots/`. After an intended change, regenerate them with
/// `KNEEBASE_UPDATE_SNAPSHOTS=1 swift test --filter SiteSnapshotTests` and review the diff.
@Suite struct SiteSnapshotTests {
    static func range(_ line: Int) -> SourceRange { SourceRange(line: line, column: 1, endLine: line, endColumn: 40, start: 0, end: 0) }

    static let document: Document = {
        let blocks = [
            Block(kind: .heading, level: 1, text: "Runner's knee <explained>", range: range(1), headingPath: []),
            Block(kind: .paragraph, text: "Runner's knee hurts around the kneecap. Squats & lunges often help runner's knee.", range: range(3), headingPath: ["Runner's knee <explained>"]),
            Block(kind: .heading, level: 3, text: "Causes", range: range(5), headingPath: ["Runner's knee <explained>"]),
            Block(kind: .listItem, text: "Weak hips can cause runner's knee.", range: range(6), headingPath: ["Runner's knee <explained>", "Causes"]),
            Block(kind: .listItem, text: "Overtraining.", range: range(7), headingPath: ["Runner's knee <explained>", "Causes"]),
            Block(kind: .quote, text: "Rest is not a cure, says Dr. Li.", range: range(9), headingPath: ["Runner's knee <explained>"]),
            Block(kind: .tableCell, text: "Squats", range: range(11), headingPath: []),
            Block(kind: .tableCell, text: "3 sets", range: range(11), headingPath: []),
        ]
        let texts: [(String, Int)] = [("Runner's knee <explained>", 0), ("Runner's knee hurts around the kneecap.", 1), ("Squats & lunges often help runner's knee.", 1),
                                      ("Causes", 2), ("Weak hips can cause runner's knee.", 3), ("Overtraining.", 4), ("Rest is not a cure, says Dr. Li.", 5),
                                      ("Squats", 6), ("3 sets", 7)]
        let sentences = texts.map { Sentence(text: $0.0, range: range(blocks[$0.1].range.line), block: $0.1) }
        return Document(source: "content/articles/knee.md", format: .markdown,
                        metadata: SourceMetadata(title: "Runner's knee <explained>", author: "Dr. Li", url: "https://example.org/knee?a=1&b=2"),
                        blocks: blocks, sentences: sentences, excluded: [], byteCount: 400, contentHash: "0")
    }()

    static let graph: KnowledgeGraph = {
        let entities = [
            Entity(id: "patellofemoral-pain-syndrome", kind: .condition, name: "patellofemoral pain syndrome", aliases: ["runner's knee", "runners knee", "PFPS"],
                   description: "Pain around the kneecap."),
            Entity(id: "squats", kind: .treatment, name: "squats", aliases: ["squat"], subtype: "exercise"),
            Entity(id: "weak-hips", kind: .cause, name: "weak hips", subtype: "risk-factor"),
            Entity(id: "rest", kind: .treatment, name: "rest"),
            Entity(id: "kneecap", kind: .anatomy, name: "kneecap", aliases: ["patella"]),
        ]
        func ev(_ s: Int, _ p: Polarity = .asserted, _ c: Certainty = .plain) -> Evidence {
            let d = document
            return Evidence(source: d.source, sentence: s, text: d.sentences[s].text, line: d.sentences[s].range.line, column: 1, start: 0, end: 0,
                            headingPath: d.headingPath(of: d.sentences[s]), polarity: p, certainty: c, attribution: s == 6 ? "Dr. Li" : nil, rule: "test")
        }
        let claims = [
            Claim(subject: "patellofemoral-pain-syndrome", relation: .involves, object: "kneecap", evidence: [ev(1)]),
            Claim(subject: "patellofemoral-pain-syndrome", relation: .riskFactor, object: "weak-hips", evidence: [ev(4)]),
            Claim(subject: "patellofemoral-pain-syndrome", relation: .treatment, object: "rest", evidence: [ev(6, .negated)]),
            Claim(subject: "patellofemoral-pain-syndrome", relation: .treatment, object: "squats", evidence: [ev(2, .asserted, .hedged)]),
        ]
        return KnowledgeGraph(entities: entities.sorted { $0.id < $1.id }, claims: claims, documents: [document])
    }()

    static func check(_ actual: String, _ name: String) throws {
        let url = Repo.root.appendingPathComponent("Tests/KneeBaseTests/Fixtures/snapshots/\(name)")
        if ProcessInfo.processInfo.environment["KNEEBASE_UPDATE_SNAPSHOTS"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return
        }
        let expected = try #require(try? String(contentsOf: url, encoding: .utf8), "no snapshot \(name): run with KNEEBASE_UPDATE_SNAPSHOTS=1")
        if expected != actual {
            let a = actual.components(separatedBy: "\n"), e = expected.components(separatedBy: "\n")
            let line = Array(zip(a, e)).firstIndex { $0 != $1 } ?? min(a.count, e.count)
            Issue.record("\(name) differs from its snapshot at line \(line + 1):\n  expected: \(line < e.count ? e[line] : "(end)")\n  actual:   \(line < a.count ? a[line] : "(end)")")
        }
    }

    static func renderAll() throws -> BuiltSite {
        let dir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("kneebase-snap-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try SiteRenderer.render(graph, findings: [], theme: nil, writer: SiteWriter(root: dir))
        return BuiltSite(root: dir)
    }

    @Test func articleEntityAndSourcePages() throws {
        let site = try Self.renderAll()
        defer { try? FileManager.default.removeItem(at: site.root) }
        try Self.check(site.read("sources/knee.html"), "source-knee.html")
        try Self.check(site.read("conditions/patellofemoral-pain-syndrome.html"), "condition-pfps.html")
        try Self.check(site.read("treatments/squats.html"), "treatment-squats.html")
        try Self.check(site.read("index.html"), "home.html")
    }

    @Test func articleStructure() throws {
        let model = SiteModel(graph: Self.graph, findings: [])
        let finder = MentionFinder(lexicon: Lexicon(entities: Self.graph.entities))
        let tokenizer = Tokenizer(stemmer: Stemmer())
        let mentions = Self.document.sentences.map { finder.mentions(in: tokenizer.tokens($0.text)) }
        let html = ArticleHTML(model: model, root: "../").render(Self.document, claims: model.sentenceClaims[0], denied: model.deniedClaims[0], mentions: mentions)
        #expect(html.hasPrefix("<h3><span id=\"s0\">Runner&#39;s knee &lt;explained&gt;</span></h3>\n"))
        #expect(html.contains("<h4><span id=\"s3\">Causes</span></h4>"))
        #expect(html.contains("<ul>\n<li><mark class=\"claim\" id=\"s4\">"))
        #expect(html.contains("<blockquote><p><mark class=\"claim\" id=\"s6\">"))
        #expect(html.contains("<div class=\"cells\">\n<p><span id=\"s7\">Squats</span></p>"))
        #expect(html.contains("<a href=\"../treatments/squats.html\">Squats</a>"))
        #expect(html.contains("denied: rest: a treatment for patellofemoral pain syndrome"))
        #expect(html.contains("</a> &amp; lunges often help"))
    }

    @Test func layoutIsDeterministic() throws {
        let model = SiteModel(graph: Self.graph, findings: [])
        let e = try #require(model.entities["patellofemoral-pain-syndrome"])
        let a = NeighbourhoodGraph(model: model, root: "../").svg(for: e).0
        let b = NeighbourhoodGraph(model: model, root: "../").svg(for: e).0
        #expect(a != nil && a == b)
        #expect(a?.contains("<a href=\"../treatments/squats.html\"><title>squats (treatment)</title>") == true)
        #expect(GraphSVG.num(-0.04) == "0" && GraphSVG.num(12.25) == "12.3" && GraphSVG.num(-3) == "-3")
    }
}
