import Foundation
import Testing
@testable import KneeBase

/// Small hand-made graphs and the audit fixture corpus for the audit tests.
enum AuditFixture {
    /// The fixture content folder: articles that agree, disagree, repeat, are rewritten, promote.
    static var content: URL { Repo.fixture("audit/content") }

    static func path(_ name: String) -> String { "content/articles/\(name)" }

    /// The lexicon of the fixture corpus.
    static func lexicon() -> Lexicon {
        var diagnostics: [Diagnostic] = []
        return LexiconLoader.load(content.appendingPathComponent("lexicon"), diagnostics: &diagnostics)
    }

    /// The fixture corpus ingested, extracted and audited (cached: it is read by many tests).
    static let audited: (graph: KnowledgeGraph, findings: [Finding]) = {
        var diagnostics: [Diagnostic] = []
        let options = BuildOptions(content: content, output: URL(fileURLWithPath: NSTemporaryDirectory()))
        var documents = (try? Builder.ingest(options, diagnostics: &diagnostics)) ?? []
        for i in documents.indices { documents[i].source = path(URL(fileURLWithPath: documents[i].source).lastPathComponent) }
        let lex = AuditFixture.lexicon()
        let graph = GraphBuilder.build(documents: documents, lexicon: lex)
        return (graph, Auditor.audit(graph, lexicon: lex))
    }()

    static func finding(_ id: String) -> Finding? { audited.findings.first { $0.id == id } }

    /// A document of `text` (Markdown), named `name`.
    static func document(_ text: String, name: String, author: String? = "A. Author", date: String? = "2024-01-01") -> Document {
        var d = Ingest.text(text, format: .markdown, name: name).document!
        d.metadata.author = author
        d.metadata.date = date
        return d
    }
}

/// Builds claims and evidence by hand, for tests that must not depend on extraction.
struct ClaimMaker {
    var line = 1

    mutating func evidence(_ source: String, _ text: String, negated: Bool = false, hedged: Bool = false,
                           attribution: String? = nil) -> Evidence {
        line += 1
        return Evidence(source: source, sentence: line, text: text, line: line, column: 1, start: line * 100, end: line * 100 + text.utf8.count,
                        headingPath: [], polarity: negated ? .negated : .asserted, certainty: hedged ? .hedged : .plain,
                        attribution: attribution, rule: "test")
    }
}

/// A small lexicon for hand-made graphs: a condition, treatments in a family, causes, muscles.
let handLexicon = Lexicon(entities: [
    Entity(id: "pfps", kind: .condition, name: "patellofemoral pain syndrome", aliases: ["runner's knee"]),
    Entity(id: "valgus", kind: .condition, name: "patellar valgus"),
    Entity(id: "ice", kind: .treatment, name: "ice"),
    Entity(id: "strength-training", kind: .treatment, name: "strength training"),
    Entity(id: "quadriceps-strengthening", kind: .treatment, name: "quadriceps strengthening", parents: ["strength-training"], targets: ["quadriceps"]),
    Entity(id: "squats", kind: .treatment, name: "squats", parents: ["quadriceps-strengthening"], targets: ["quadriceps", "gluteus-maximus"]),
    Entity(id: "mini-squats", kind: .treatment, name: "mini squats", parents: ["squats"], targets: ["vastus-medialis", "quadriceps"]),
    Entity(id: "vmo-strengthening", kind: .treatment, name: "VMO strengthening", parents: ["quadriceps-strengthening"], targets: ["vastus-medialis"]),
    Entity(id: "straight-leg-raises", kind: .treatment, name: "straight leg raises", parents: ["quadriceps-strengthening"], targets: ["quadriceps"]),
    Entity(id: "muscle-weakness", kind: .cause, name: "muscle weakness"),
    Entity(id: "weak-quadriceps", kind: .cause, name: "weak quadriceps", parents: ["muscle-weakness"]),
    Entity(id: "leg-length-discrepancy", kind: .cause, name: "leg length discrepancy", aliases: ["one leg shorter"]),
    Entity(id: "overtraining", kind: .cause, name: "overtraining"),
    Entity(id: "knee-pain", kind: .symptom, name: "knee pain"),
    Entity(id: "thigh", kind: .anatomy, name: "thigh", subtype: "other"),
    Entity(id: "quadriceps", kind: .anatomy, name: "quadriceps", aliases: ["quads"], parents: ["thigh"], subtype: "muscle"),
    Entity(id: "vastus-medialis", kind: .anatomy, name: "vastus medialis", aliases: ["VMO"], parents: ["quadriceps"], subtype: "muscle"),
    Entity(id: "gluteus-maximus", kind: .anatomy, name: "gluteus maximus", subtype: "muscle"),
])

/// A graph of `claims` over `handLexicon`, with a one-sentence document per source named in them.
func handGraph(_ claims: [Claim], documents extra: [Document] = []) -> KnowledgeGraph {
    var sources = Set(claims.flatMap { $0.evidence.map(\.source) })
    var documents = extra
    for d in extra { sources.remove(d.source) }
    for s in sources.sorted() {
        documents.append(AuditFixture.document("# \(s)\n\nA sentence of \(s) about the knee and nothing else at all.\n", name: s))
    }
    let merged = Dictionary(grouping: claims, by: \.key).values.map { group in
        var c = group[0]
        c.evidence = group.flatMap(\.evidence)
        return c
    }.sorted { $0.key < $1.key }
    return KnowledgeGraph(entities: handLexicon.entities, claims: merged, documents: documents.sorted { $0.source < $1.source })
}
