import Foundation
import GRDB
import Testing
@testable import KneeBase

/// The sentence rows computed before the database is written are handed over to it and
/// freed as they are written, without changing the database.
@Suite("Search rows handed to the writer")
struct SearchRowsHandoffTests {
    @Test("a peeked value stays, a taken one is gone")
    func peekAndTake() {
        let values = Handoffs(["a", "b"])
        #expect(values.peek(0) == "a")
        #expect(values.peek(0) == "a")
        #expect(values.take(0) == "a")
        #expect(values.peek(0) == nil)
        #expect(values.take(0) == nil)
        #expect(values.peek(1) == "b")
        #expect(values.peek(2) == nil)
    }

    @Test("writing the prepared rows takes every chunk and writes the same file as preparing them in the writer")
    func rowsFreedOnceWritten() throws {
        let (graph, findings) = AuditFixture.audited
        let prepared = SearchIndex.prepare(graph)
        let chunks = prepared.sentences.chunks
        #expect(chunks.count > 0)
        try withTemporaryDirectory { dir in
            let handed = dir.appendingPathComponent("handed.sqlite")
            let own = dir.appendingPathComponent("own.sqlite")
            try KnowledgeBaseWriter.write(graph, findings: Pending(findings), to: handed, prepared: prepared)
            try KnowledgeBaseWriter.write(graph, findings: Pending(findings), to: own)
            #expect((0..<chunks.count).allSatisfy { chunks.peek($0) == nil })
            let sentences = graph.documents.reduce(0) { $0 + $1.sentences.count }
            let rows = try DatabaseQueue(path: handed.path).read { try Int.fetchOne($0, sql: "SELECT count(*) FROM search_sentences") }
            #expect(sentences > 0)
            #expect(rows == sentences)
            #expect(try Data(contentsOf: handed) == Data(contentsOf: own))
        }
    }
}
