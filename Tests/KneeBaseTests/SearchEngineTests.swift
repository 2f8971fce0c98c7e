import Foundation
import GRDB
import Testing
@testable import KneeBase

/// Knowledge bases the search tests read, each built once per test run.
enum SearchFixtures {
    /// A two-article corpus with a small lexicon, so expectations do not move when the real content grows.
    static let mini: URL = build("mini") { dir in
        try dir.write("""
            kind: condition
            entities:
              - id: patellofemoral-pain-syndrome
                name: patellofemoral pain syndrome
                aliases: [runner's knee, PFPS]
                description: Pain around or behind the kneecap.
              - id: iliotibial-band-syndrome
                name: iliotibial band syndrome
                aliases: [ITBS, IT band syndrome]
                description: Pain on the outside of the knee.
            """, to: "lexicon/conditions.yml")
        try dir.write("""
            kind: symptom
            entities:
              - id: pain-when-squatting
                name: pain when squatting
                aliases: [painful squats]
                description: Knee pain brought on by squatting.
              - id: knee-swelling
                name: knee swelling
                aliases: [swelling, swollen knee]
                description: Puffiness of the knee.
            """, to: "lexicon/symptoms.yml")
        try dir.write("""
            kind: treatment
            entities:
              - id: clamshell
                name: clamshell
                aliases: [clamshells, clam shell]
                description: A side-lying hip exercise.
                type: exercise
              - id: foam-rolling
                name: foam rolling
                aliases: [foam roller]
                description: Self-massage with a foam cylinder.
            """, to: "lexicon/treatments.yml")
        try dir.write("""
            kind: anatomy
            entities:
              - id: vastus-medialis
                name: vastus medialis
                aliases: [VMO, vastus medialis oblique]
                description: The inner part of the quadriceps.
                type: muscle
            """, to: "lexicon/anatomy.yml")
        try dir.write("""
            ---
            title: Runner's knee explained
            publisher: Knee Clinic
            ---

            # Runner's knee explained

            ## Symptoms

            Runner's knee causes pain when squatting and climbing stairs. Many runners notice swelling after long runs.

            ## Treatment

            Clamshells strengthen the hips. The VMO is often blamed, but lunges help everyone.
            """, to: "articles/a.md")
        try dir.write("""
            ---
            title: IT band pain
            publisher: Trail Weekly
            ---

            # IT band pain

            ITBS hurts on the outside of the knee. Foam rolling the IT band is popular, yet surgery is rarely needed.

            Patellofemoral pain syndrome is a different problem.
            """, to: "articles/b.md")
    }

    /// The repository's real `content/`.
    static let real: URL = build("real", content: Repo.content)

    private static func build(_ name: String, content: URL? = nil, _ write: ((URL) throws -> Void)? = nil) -> URL {
        let root = SharedFixtureFolders.make("kneebase-search-\(name)")
        let source = content ?? root.appendingPathComponent("content")
        try? FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
        try? write?(source)
        let output = root.appendingPathComponent("public")
        _ = try? Builder.build(BuildOptions(content: source, output: output))
        return output.appendingPathComponent("data/kb.sqlite")
    }

    static func engine(_ kb: URL) throws -> SearchEngine {
        try SearchEngine(reader: KnowledgeBaseReader(url: kb))
    }
}

@Suite("Search engine")
struct SearchEngineTests {
    let engine: SearchEngine

    init() throws { engine = try SearchFixtures.engine(SearchFixtures.mini) }

    private func search(_ q: String, kinds: Set<ResultKind> = [], limit: Int = 10) throws -> SearchResponse {
        try engine.search(q, options: SearchOptions(kinds: kinds, limit: limit))
    }

    private func passages(_ r: SearchResponse) -> [String] { r.results.filter { $0.kind == .passage }.map(\.snippet.plain) }

    @Test("entities come first, then sources, then passages")
    func order() throws {
        let kinds = try search("runner's knee").results.map(\.kind)
        #expect(kinds.first == .condition)
        let rank: (ResultKind) -> Int = { $0 == .passage ? 2 : $0 == .source ? 1 : 0 }
        #expect(kinds.map(rank) == kinds.map(rank).sorted())
    }

    @Test("an alias finds its entity and every other name of it")
    func aliasExpansion() throws {
        let r = try search("runner's knee")
        #expect(r.results.first?.id == "patellofemoral-pain-syndrome")
        #expect(passages(r).contains("Patellofemoral pain syndrome is a different problem."))
        let pfps = try search("pfps")
        #expect(pfps.results.first?.id == "patellofemoral-pain-syndrome")
        #expect(passages(pfps).contains { $0.hasPrefix("Runner's knee causes pain") })
        #expect(try search("VMO").results.first?.id == "vastus-medialis")
        #expect(try search("vastus medialis").results.first?.id == "vastus-medialis")
    }

    @Test("the entity a query names leads when its name is most of the query")
    func namedEntityLeads() throws {
        // In the real lexicon "knee pain" and "running shoes" match "run" and "runner's knee"
        // better than the condition's own card does; the condition named still comes first.
        let real = try SearchFixtures.engine(SearchFixtures.real)
        let r = try real.search("can I run with runner's knee", options: SearchOptions(kinds: [.condition, .symptom, .treatment], limit: 5))
        #expect(r.results.first?.id == "patellofemoral-pain-syndrome", "\(r.results.map(\.id))")
        #expect(r.results.contains { $0.id == "knee-pain" })
    }

    @Test("a word's own entity outranks entities with many aliases on it; a prefix weighs its completions alike")
    func aliasStuffingAndPrefixes() throws {
        let real = try SearchFixtures.engine(SearchFixtures.real)
        let entityKinds = Set(ResultKind.allCases.filter { $0.entityKind != nil })
        let pain = try real.search("pain", options: SearchOptions(kinds: entityKinds, limit: 10)).results.map(\.id)
        // "pain when squatting" has eight aliases with "pain" in them; "knee pain" is the general complaint.
        let knee = try #require(pain.firstIndex(of: "knee-pain"), "\(pain)")
        #expect(pain.firstIndex(of: "pain-when-squatting").map { knee < $0 } ?? true, "\(pain)")
        // "kn*" is about words starting "kn": the first entities are named by one, not described by "kneecap".
        let kn = try real.search("kn*", options: SearchOptions(kinds: entityKinds, limit: 3)).results
        for r in kn {
            #expect(r.title.lowercased().split(separator: " ").contains { $0.hasPrefix("kn") }, "\(kn.map(\.title))")
        }
    }

    @Test("stems meet: squats, squatting, squat")
    func stems() throws {
        for q in ["squats", "squatting", "squat"] {
            #expect(passages(try search(q)).contains { $0.contains("pain when squatting") }, "\(q)")
        }
    }

    @Test("typos are corrected against the index vocabulary")
    func typos() throws {
        let r = try search("swellng")
        #expect(r.corrected == "swelling")
        #expect(r.results.first?.id == "knee-swelling")
        let two = try search("clamshels hipps")
        // "clamshels" has the stem of "clamshells", so only "hipps" needs correcting.
        #expect(two.corrected == "clamshels hips")
        #expect(passages(two) == ["Clamshells strengthen the hips."])
        // Known words are left alone, and so are their inflections.
        #expect(try search("squatting").corrected == nil)
    }

    @Test("words that nothing resembles are left out, with a note")
    func unknownWords() throws {
        let r = try search("knee qwxzv")
        #expect(r.notes.contains { $0.contains("'qwxzv'") })
        #expect(!r.results.isEmpty)
        #expect(try search("qwxzv").results.isEmpty)
    }

    @Test("phrases keep word order")
    func phrases() throws {
        #expect(passages(try search("\"climbing stairs\"")).count == 1)
        #expect(passages(try search("\"stairs climbing\"")).isEmpty)
    }

    @Test("OR finds either; -word excludes; prefix* expands")
    func operators() throws {
        let either = passages(try search("clamshells OR foam", kinds: [.passage]))
        #expect(either.contains("Clamshells strengthen the hips."))
        #expect(either.contains { $0.hasPrefix("Foam rolling") })
        let band = passages(try search("band", kinds: [.passage]))
        let noSurgery = passages(try search("band -surgery", kinds: [.passage]))
        #expect(band.contains { $0.contains("surgery") })
        #expect(!noSurgery.contains { $0.contains("surgery") } && !noSurgery.isEmpty)
        #expect(passages(try search("strength*")) == ["Clamshells strengthen the hips."])
        #expect(try search("zzq*").notes.contains { $0.contains("starts with 'zzq'") })
    }

    @Test("kind filters, in the query or as options")
    func kindFilters() throws {
        #expect(try search("knee kind:symptom").results.allSatisfy { $0.kind == .symptom })
        #expect(try search("knee OR pain", kinds: [.source]).results.map(\.kind) == [.source, .source])
        #expect(try search("knee kind:passage").results.allSatisfy { $0.kind == .passage })
        #expect(try search("knee -kind:passage -kind:source").results.allSatisfy { $0.kind.rawValue != "passage" && $0.kind != .source })
        let treatments = try search("kind:treatment").results
        #expect(Set(treatments.map(\.id)).isSuperset(of: ["clamshell", "foam-rolling"]))
        #expect(treatments.allSatisfy { $0.kind == .treatment })
    }

    @Test("snippets mark the matched words and aliases")
    func highlighting() throws {
        let r = try search("swelling", kinds: [.passage])
        #expect(r.results.first?.snippet.marked("[", "]") == "Many runners notice [swelling] after long runs.")
        let alias = try search("pfps", kinds: [.passage])
        #expect(alias.results.map { $0.snippet.marked("[", "]") }.contains("[Runner's knee] causes pain when squatting and climbing stairs."))
        #expect(alias.results.map { $0.snippet.marked("[", "]") }.contains("[Patellofemoral pain syndrome] is a different problem."))
    }

    @Test("long sentences are cut around the first match")
    func snippetWindow() {
        let builder = SnippetBuilder(tokenizer: Tokenizer(stemmer: Stemmer()), stems: ["kneecap"], sequences: [])
        let text = String(repeating: "word ", count: 80) + "the kneecap hurts " + String(repeating: "more ", count: 80)
        let s = builder.snippet(text, maxLength: 100)
        #expect(s.parts.first?.text == "…" && s.parts.last?.text == "…")
        #expect(s.marked("[", "]").contains("[kneecap]"))
        #expect(s.plain.utf8.count <= 110)
    }

    @Test("passages give source:line")
    func positions() throws {
        let r = try search("lunges", kinds: [.passage])
        let p = try #require(r.results.first)
        #expect(p.source?.hasSuffix("articles/a.md") == true)
        #expect(p.line == 14)
        #expect(p.id == "\(p.source!):14:33")
        #expect(p.title == "Runner's knee explained › Treatment")
    }

    @Test("any input gives results or a QueryError, never an SQLite error", arguments: [
        "NEAR(knee pain)", "knee:pain", "^knee", "knee + pain", "(knee", "knee)", "{body}: knee", "'", "'knee'", "\\\"knee",
        "knee\u{0}pain", "ünïcödé", "SELECT * FROM entities", "\"knee\" \"\"\"", "kind:condition kind:source", "_e1", "_kcondition",
        "e1 OR _", "💥 knee", "a b c d e f g h i j k l m n o p",
    ])
    func robustness(_ q: String) throws {
        do {
            _ = try search(q)
        } catch is QueryError {
            // A clear message is fine.
        }
    }

    @Test("the JSON has exactly the documented keys")
    func jsonSchema() throws {
        let r = try search("runnrs knee")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.json().utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["query", "corrected", "results"])
        #expect(object["query"] as? String == "runnrs knee")
        #expect(object["corrected"] as? String == "runners knee")
        let results = try #require(object["results"] as? [[String: Any]])
        #expect(!results.isEmpty)
        for result in results {
            #expect(Set(result.keys) == ["kind", "id", "title", "snippet", "text", "source", "line", "score"])
            // The plain text is the snippet without its marks.
            #expect((result["snippet"] as? String)?.replacingOccurrences(of: "**", with: "") == result["text"] as? String)
        }
        let passage = try #require(results.first { $0["kind"] as? String == "passage" })
        #expect(passage["line"] is Int && passage["source"] is String && passage["score"] is Double)
        let entity = try #require(results.first)
        #expect(entity["source"] is NSNull && entity["line"] is NSNull)
        let clean = try #require(try JSONSerialization.jsonObject(with: Data(try search("knee").json().utf8)) as? [String: Any])
        #expect(clean["corrected"] is NSNull)
    }

    @Test("the limit is shared: entities, sources, then passages")
    func limits() throws {
        #expect(try search("knee", limit: 3).results.count == 3)
        #expect(SearchEngine.share(10, 10, 10, 10) == (4, 2, 4))
        #expect(SearchEngine.share(10, 1, 0, 20) == (1, 0, 9))
        #expect(SearchEngine.share(10, 20, 0, 0) == (10, 0, 0))
        #expect(SearchEngine.share(1, 5, 5, 5) == (1, 0, 0))
    }

    @Test("a knowledge base without a search index is reported plainly")
    func missingIndex() throws {
        try withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("old.sqlite")
            try FileManager.default.copyItem(at: SearchFixtures.mini, to: url)
            let queue = try DatabaseQueue(path: url.path)
            try queue.write { try $0.execute(sql: "DROP TABLE search_stats") }
            try queue.close()
            #expect(throws: SearchFailure.self) { try SearchFixtures.engine(url) }
        }
    }
}
