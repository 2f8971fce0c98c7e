import Foundation
import GRDB
import Testing
@testable import KneeBase

@Suite("Knowledge base store and exports")
struct StoreTests {
    typealias F = ExtractionFixture

    func graph() -> KnowledgeGraph {
        let a = F.document("# Runner's knee\n\n## Treatment\n\n- Clamshells\n- Don't foam roll the IT band.\n", path: "content/articles/a.md")
        let b = F.document("# Runner's knee\n\nClamshells may help runner's knee.\n", path: "content/articles/b.md")
        return GraphBuilder.build(documents: [a, b], lexicon: F.lexicon)
    }

    func written() throws -> (KnowledgeGraph, URL) {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kb-\(UUID().uuidString).sqlite")
        let g = graph()
        try KnowledgeBaseWriter.write(g, to: url)
        return (g, url)
    }

    @Test("schema: tables, foreign keys, indexes and the schema version")
    func schema() throws {
        let (_, url) = try written()
        defer { try? FileManager.default.removeItem(at: url) }
        let queue = try DatabaseQueue(path: url.path)
        try queue.read { db in
            let tables = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
            for t in ["meta", "sources", "sentences", "entities", "aliases", "claims", "evidence"] { #expect(tables.contains(t)) }
            #expect(try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schema_version'") == String(Schema.version))
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM pragma_foreign_key_check") == 0)
            let fks = try Row.fetchAll(db, sql: "SELECT * FROM pragma_foreign_key_list('evidence')")
            #expect(fks.count == 3)
            let indexes = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index'"))
            #expect(indexes.contains("claims_subject") && indexes.contains("evidence_claim"))
        }
    }

    @Test("sentences share their section's heading path through heading_paths, each path stored once")
    func headingPaths() throws {
        let (g, url) = try written()
        defer { try? FileManager.default.removeItem(at: url) }
        let queue = try DatabaseQueue(path: url.path)
        try queue.read { db in
            var expected: [String] = []
            for d in g.documents {
                for sentence in d.sentences {
                    let path = d.headingPath(of: sentence).joined(separator: " › ")
                    if !expected.contains(path) { expected.append(path) }
                }
            }
            let paths = try String.fetchAll(db, sql: "SELECT path FROM heading_paths ORDER BY id")
            #expect(paths == expected)
            #expect(paths.contains("Runner's knee › Treatment"))
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM pragma_foreign_key_check") == 0)
            let rows = try Row.fetchAll(db, sql: """
                SELECT so.path, s.idx, h.path FROM sentences s JOIN sources so ON so.id = s.source_id
                JOIN heading_paths h ON h.id = s.heading_path_id ORDER BY s.id
                """)
            #expect(rows.count == g.documents.reduce(0) { $0 + $1.sentences.count })
            for row in rows {
                let document = try #require(g.documents.first { $0.source == row[0] as String })
                let sentence = document.sentences[row[1] as Int]
                #expect(row[2] as String == document.headingPath(of: sentence).joined(separator: " › "))
            }
        }
    }

    @Test("graph.json: evidence names its sentence in documents.json, which holds the text and heading path")
    func graphJSONEvidence() throws {
        let g = graph()
        let graphJSON = try #require(try JSONSerialization.jsonObject(with: Data(GraphExporter(entities: g.entities, claims: g.claims).graphJSON())) as? [String: Any])
        let documentsJSON = try #require(try JSONSerialization.jsonObject(with: Data(DocumentsJSON.encode(g.documents))) as? [String: Any])
        let documents = try #require(documentsJSON["documents"] as? [[String: Any]])
        let claims = try #require(graphJSON["claims"] as? [[String: Any]])
        #expect(claims.count == g.claims.count)
        var checked = 0
        for (claim, original) in zip(claims, g.claims) {
            let evidence = try #require(claim["evidence"] as? [[String: Any]])
            #expect(evidence.count == original.evidence.count)
            for (ev, expected) in zip(evidence, original.evidence) {
                #expect(ev["text"] == nil && ev["headingPath"] == nil)
                #expect(ev["polarity"] as? String == expected.polarity.rawValue && ev["rule"] as? String == expected.rule)
                let document = try #require(documents.first { $0["source"] as? String == ev["source"] as? String })
                let sentences = try #require(document["sentences"] as? [[String: Any]])
                let sentence = sentences[try #require(ev["sentence"] as? Int)]
                #expect(sentence["text"] as? String == expected.text)
                #expect(sentence["headingPath"] as? [String] == expected.headingPath)
                #expect(sentence["line"] as? Int == ev["line"] as? Int)
                checked += 1
            }
        }
        #expect(checked > 0)
    }

    @Test("StringTally: one number per distinct string, in the order first added, with summed counts")
    func stringTally() {
        var tally = StringTally()
        for round in 0..<3 {
            for i in 0..<500 { tally.add("w\(i)", round + 1) }
        }
        tally.add("caf\u{E9}", 1)
        tally.add("cafe\u{301}", 1)  // canonically equivalent: the same string to Swift
        #expect(tally.strings.count == 501)
        #expect(tally.strings.prefix(3) == ["w0", "w1", "w2"])
        #expect(tally.counts.prefix(500).allSatisfy { $0 == 6 })
        #expect(tally.counts[500] == 2)
        #expect(tally.index(of: "w499") == 499)
    }

    @Test("round trip: what is written reads back the same")
    func roundTrip() throws {
        let (g, url) = try written()
        defer { try? FileManager.default.removeItem(at: url) }
        let reader = try KnowledgeBaseReader(url: url)
        #expect(try reader.entities() == g.entities)
        let claims = try reader.claims()
        #expect(claims.map(\.key) == g.claims.map(\.key))
        #expect(claims.map(\.evidence) == g.claims.map(\.evidence))
        #expect(try reader.resolve("runner's knee")?.id == "patellofemoral-pain-syndrome")
        #expect(try reader.resolve("PFPS")?.id == "patellofemoral-pain-syndrome")
        #expect(try reader.claims(involving: "clamshell").allSatisfy { $0.subject == "clamshell" || $0.object == "clamshell" })
    }

    @Test("claims-json: cards, DESIGN.md relation names, evidence with position and certainty")
    func claimsJSON() throws {
        let g = graph()
        let data = Data(GraphExporter(entities: g.entities, claims: g.claims).claimsJSON())
        let array = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        let clam = try #require(array.first { ($0["object"] as? [String: Any])?["id"] as? String == "clamshell" })
        #expect(clam["relation"] as? String == "treatment")
        let subject = try #require(clam["subject"] as? [String: Any])
        #expect(subject["name"] as? String == "patellofemoral pain syndrome")
        #expect(subject["kind"] as? String == "condition")
        #expect((subject["aliases"] as? [String])?.contains("PFPS") == true)
        #expect(subject["discovered"] as? Bool == false)
        let evidence = try #require(clam["evidence"] as? [[String: Any]])
        #expect(evidence.count == 2)
        #expect(Set(evidence.compactMap { $0["certainty"] as? String }) == ["plain", "hedged"])
        for ev in evidence {
            for key in ["source", "line", "column", "text", "polarity", "certainty", "attribution"] { #expect(ev.keys.contains(key)) }
        }
        #expect(array.contains { $0["relation"] as? String == "not_recommended" })
    }

    @Test("JSON-LD, DOT and CSV exports")
    func otherFormats() throws {
        let g = graph()
        let exporter = GraphExporter(entities: g.entities, claims: g.claims)
        let ld = try #require(try JSONSerialization.jsonObject(with: Data(exporter.jsonLD())) as? [String: Any])
        #expect(ld["@context"] as? String == "https://schema.org")
        let nodes = try #require(ld["@graph"] as? [[String: Any]])
        let pfps = try #require(nodes.first { $0["@id"] as? String == "#patellofemoral-pain-syndrome" })
        #expect(pfps["@type"] as? String == "MedicalCondition")
        #expect((pfps["possibleTreatment"] as? [[String: Any]])?.contains { $0["@id"] as? String == "#clamshell" } == true)
        // Advice against a therapy is the therapy's contraindication, not a property of the condition.
        let against = try #require(g.claims.first { $0.relation == .notRecommended })
        #expect(pfps["contraindication"] == nil)
        let therapy = try #require(nodes.first { $0["@id"] as? String == "#" + against.object })
        #expect((therapy["contraindication"] as? [[String: Any]])?.map { $0["@id"] as? String } == ["#patellofemoral-pain-syndrome"])
        let dot = exporter.dot()
        #expect(dot.hasPrefix("digraph kneebase {"))
        #expect(dot.contains("\"patellofemoral-pain-syndrome\" -> \"clamshell\" [label=\"treatment\""))
        let csv = exporter.csv()
        #expect(csv.nodes.hasPrefix("id,kind,name,aliases,discovered\n"))
        #expect(csv.edges.contains("patellofemoral-pain-syndrome,clamshell,treatment,2,"))
        // Each piece of evidence as path:line:column.
        #expect(csv.edges.contains("content/articles/b.md:3:1"), "\(csv.edges)")
    }
}
