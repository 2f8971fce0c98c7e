import Foundation
import GRDB
import Testing
@testable import KneeBase

/// Per-document records (sentence analyses, site terms) depend on the discovered entities
/// only through the ones their document could mention (`MentionScope`): a new discovered
/// entity keeps the other documents' records, one that occurs in a document voids that
/// document's records — and either way the output is a clean build's.
@Suite(.serialized) struct MentionScopeTests {
    /// A treatment section whose label makes extraction discover the entity "bench routine".
    static let discovering = "## Treatment\n\nBench routine: hip abductor strengthening may help reduce pain when squatting."

    /// Every per-document record file's inode (a rewritten record is a new file), by folder and name.
    static func records(_ dir: URL) throws -> [String: UInt] {
        let cache = BuildOptions.defaultCache(for: dir.appendingPathComponent("public"))
        var out: [String: UInt] = [:]
        for folder in ["sentences", "site-terms"] {
            let url = cache.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: url.path) where !name.hasPrefix(".") {
                var st = stat()
                if stat(url.appendingPathComponent(name).path, &st) == 0 { out["\(folder)/\(name)"] = UInt(st.st_ino) }
            }
        }
        return out
    }

    /// The entity tokens of the search row of the sentence whose stems start with `stems`.
    static func rowEntities(_ dir: URL, _ stems: String) throws -> String? {
        let db = try DatabaseQueue(path: dir.appendingPathComponent("public/data/kb.sqlite").path)
        return try db.read { try String.fetchOne($0, sql: "SELECT c2 FROM search_sentences_content WHERE c1 LIKE ?", arguments: [stems + "%"]) }
    }

    /// The search token of the entity `id`, nil when it is not in the index.
    static func entityToken(_ dir: URL, _ id: String) throws -> String? {
        let db = try DatabaseQueue(path: dir.appendingPathComponent("public/data/kb.sqlite").path)
        return try db.read { try Int64.fetchOne($0, sql: "SELECT rowid FROM search_entities WHERE entity_id = ?", arguments: [id]) }
            .map(SearchSchema.entityToken)
    }

    @Test func scopesRoundTripAndOnlyMatchingEntitiesCount() throws {
        let tokenizer = Tokenizer(stemmer: Stemmer())
        var scope = MentionScope(tokens: tokenizer.tokens("Strong hips and the ITB matter"))
        let hip = Entity(id: "hip-abductor-strengthening", kind: .treatment, name: "Hip abductor strengthening", discovered: true)
        let calf = Entity(id: "calf-raises", kind: .treatment, name: "Calf raises", discovered: true)
        let itb = Entity(id: "itb-x", kind: .anatomy, name: "ITB", discovered: true)
        func graph(_ entities: [Entity]) -> KnowledgeGraph { KnowledgeGraph(entities: entities, claims: [], documents: []) }
        #expect(DiscoveredEntities(graph([calf])).fingerprint(of: scope) == "", "no entity that could be named: nothing to check")
        #expect(DiscoveredEntities(graph([hip])).fingerprint(of: scope) != "")
        #expect(DiscoveredEntities(graph([hip, calf])).fingerprint(of: scope) == DiscoveredEntities(graph([hip])).fingerprint(of: scope))
        #expect(DiscoveredEntities(graph([itb])).fingerprint(of: scope) != "", "an abbreviation by its exact key")
        var renamed = hip
        renamed.aliases = ["hip strengthening"]
        #expect(DiscoveredEntities(graph([renamed])).fingerprint(of: scope) != DiscoveredEntities(graph([hip])).fingerprint(of: scope))

        scope.fingerprint = DiscoveredEntities(graph([hip])).fingerprint(of: scope)
        let framed = scope.framing([1, 2, 3])
        let back = try #require(MentionScope.unframe(framed[...]))
        #expect(back.scope == scope)
        #expect(Array(back.body) == [1, 2, 3])
        #expect(MentionScope.unframe(framed.prefix(100)) == nil)
        #expect(DiscoveredEntities(graph([hip, calf])).allow(back.scope))
        #expect(!DiscoveredEntities(graph([calf])).allow(back.scope))
    }

    @Test func aNewDiscoveredEntityKeepsTheRecordsOfTheOtherDocuments() throws {
        try withTemporaryDirectory { dir in
            let content = try IncrementalBuildTests.makeContent(dir)
            try IncrementalBuildTests.expectSameAsClean(dir, content: content)
            let before = try Self.records(dir)
            #expect(before.count == 8, "two records per article")
            #expect(try Self.entityToken(dir, "bench-routine") == nil)
            try content.write(IncrementalBuildTests.article("Knee pain", "Runner's knee is pain around the kneecap.\n\n" + Self.discovering), to: "articles/a.md")
            try IncrementalBuildTests.expectSameAsClean(dir, content: content)
            #expect(try Self.entityToken(dir, "bench-routine") != nil, "the edit discovers an entity")
            let after = try Self.records(dir)
            #expect(after.count == 8)
            #expect(after.filter { before[$0.key] == $0.value }.count == 6, "only the edited article's two records are new")
        }
    }

    @Test func aDiscoveredEntityVoidsTheRecordsOfDocumentsThatNameIt() throws {
        try withTemporaryDirectory { dir in
            let content = try IncrementalBuildTests.makeContent(dir)
            try content.write("Rest\n\nRest and ice reduce knee swelling after running. Runners like a bench routine.\n", to: "articles/d.txt")
            try IncrementalBuildTests.expectSameAsClean(dir, content: content)
            #expect(try Self.rowEntities(dir, "runner like a bench routin") == "", "not yet an entity")
            let before = try Self.records(dir)
            try content.write(IncrementalBuildTests.article("Knee pain", "Runner's knee is pain around the kneecap.\n\n" + Self.discovering), to: "articles/a.md")
            try IncrementalBuildTests.expectSameAsClean(dir, content: content)
            let token = try #require(try Self.entityToken(dir, "bench-routine"))
            #expect(try Self.rowEntities(dir, "runner like a bench routin") == token, "the other article's sentence now names the discovered entity")
            let after = try Self.records(dir)
            #expect(after.filter { before[$0.key] == $0.value }.count == 4, "the edited and the naming article's records are new")
        }
    }
}
