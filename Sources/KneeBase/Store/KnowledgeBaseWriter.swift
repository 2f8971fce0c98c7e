import Foundation
import GRDB

/// Writes a knowledge graph to a new SQLite database file (`kb.sqlite`).
public enum KnowledgeBaseWriter {
    /// Creates the database at `url` (replacing any file there) and fills it.
    public static func write(_ graph: KnowledgeGraph, findings: [Finding] = [], to url: URL) throws {
        try write(graph, findings: Pending(findings), to: url)
    }

    /// Creates the database at `url` and fills it, writing the findings last: everything
    /// else is written while the audit that supplies them may still be running. With a
    /// memo, the search index reuses the sentence analyses of the last cached build; with
    /// `prepared`, the search rows computed beforehand are used.
    static func write(_ graph: KnowledgeGraph, findings: Pending<[Finding]>, to url: URL, memo: SentenceMemo? = nil,
                      prepared: SearchIndex.Prepared? = nil) throws {
        try? FileManager.default.removeItem(at: url)
        var config = Configuration()
        // Rows are consistent by construction; checking every reference would slow the bulk insert.
        config.foreignKeysEnabled = false
        let queue = try DatabaseQueue(path: url.path, configuration: config)
        try queue.writeWithoutTransaction { db in
            // A fresh file, published only when complete: no journal, no syncs, a page cache
            // large enough that the bulk insert does not write pages out and read them back, and
            // the sorts of index creation in memory rather than in temporary files.
            try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;")
            try db.inTransaction {
                // The search rows need no database: they are computed while the other tables are written.
                let (search, sentenceIDs) = try overlapping({ prepared ?? SearchIndex.prepare(graph, memo: memo) }, with: {
                    try Schema.create(db)
                    try db.execute(sql: "INSERT INTO meta(key, value) VALUES ('schema_version', ?), ('generator', 'kneebase')",
                                   arguments: [String(Schema.version)])
                    let sentenceIDs = try writeSources(graph.documents, db)
                    try writeEntities(graph.entities, db)
                    try writeClaims(graph, sentenceIDs: sentenceIDs, db)
                    return sentenceIDs
                })
                MemoryProbe.mark("db:tables")
                try SearchIndex.build(graph, search, db)
                MemoryProbe.mark("db:search")
                // Everything but the findings is indexed before waiting for the audit that supplies them.
                try Schema.index(db)
                MemoryProbe.mark("db:index")
                try FindingsTable.create(db)
                try FindingsTable.write(findings.value, sources: sentenceIDs.mapValues(\.source), db)
                try FindingsTable.index(db)
                return .commit
            }
        }
        try queue.close()
    }

    /// Inserts sources and sentences; returns sentence row ids by source path, sentence index.
    private static func writeSources(_ documents: [Document], _ db: Database) throws -> [String: (source: Int64, firstSentence: Int64)] {
        var ids: [String: (Int64, Int64)] = [:]
        ids.reserveCapacity(documents.count)
        let source = try BulkInsert(db, """
            INSERT INTO sources(id, path, format, title, author, publisher, date, url, language, kind, content_hash, byte_count, block_count, excluded_count)
            VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)
            """)
        let sentence = try BulkInsert(db, """
            INSERT INTO sentences(id, source_id, idx, text, line, "column", end_line, end_column, start, "end", heading_path_id, block_kind)
            VALUES (?,?,?,?,?,?,?,?,?,?,?,?)
            """)
        let headingPath = try BulkInsert(db, "INSERT INTO heading_paths(id, path) VALUES (?,?)")
        // Each distinct heading path once, numbered as first met.
        var pathIDs: [String: Int64] = [:]
        var nextSentence: Int64 = 1
        for (i, d) in documents.enumerated() {
            let sid = Int64(i + 1)
            let m = d.metadata
            source.bind(sid)
            source.bind(d.source)
            source.bind(d.format.rawValue)
            for field in [m.title, m.author, m.publisher, m.date, m.url, m.language, m.kind] { source.bind(field) }
            source.bind(d.contentHash)
            source.bind(d.byteCount)
            source.bind(d.blocks.count)
            source.bind(d.excluded.count)
            try source.run()
            ids[d.source] = (sid, nextSentence)
            // Sentences of a block share its heading path.
            var pathBlock = -1
            var pathID: Int64 = 0
            for (k, s) in d.sentences.enumerated() {
                let r = s.range
                if s.block != pathBlock {
                    pathBlock = s.block
                    let path = d.headingPath(of: s).joined(separator: " › ")
                    if let id = pathIDs[path] {
                        pathID = id
                    } else {
                        pathID = Int64(pathIDs.count + 1)
                        pathIDs[path] = pathID
                        headingPath.bind(pathID)
                        headingPath.bind(path)
                        try headingPath.run()
                    }
                }
                sentence.bind(nextSentence)
                sentence.bind(sid)
                sentence.bind(k)
                sentence.bind(s.text)
                sentence.bind(r.line)
                sentence.bind(r.column)
                sentence.bind(r.endLine)
                sentence.bind(r.endColumn)
                sentence.bind(r.start)
                sentence.bind(r.end)
                sentence.bind(pathID)
                sentence.bind(d.blocks[s.block].kind.rawValue)
                try sentence.run()
                nextSentence += 1
            }
        }
        return ids
    }

    private static func writeEntities(_ entities: [Entity], _ db: Database) throws {
        let entity = try db.makeStatement(sql: "INSERT INTO entities(id, kind, name, description, subtype, discovered) VALUES (?,?,?,?,?,?)")
        let alias = try db.makeStatement(sql: "INSERT OR IGNORE INTO aliases(entity_id, alias) VALUES (?,?)")
        let parent = try db.makeStatement(sql: "INSERT OR IGNORE INTO entity_parents(entity_id, parent_id) VALUES (?,?)")
        let target = try db.makeStatement(sql: "INSERT OR IGNORE INTO entity_targets(entity_id, target_id) VALUES (?,?)")
        for e in entities {
            try entity.execute(arguments: [e.id, e.kind.rawValue, e.name, e.description, e.subtype, e.discovered])
            for a in e.aliases { try alias.execute(arguments: [e.id, a]) }
            for p in e.parents { try parent.execute(arguments: [e.id, p]) }
            for t in e.targets { try target.execute(arguments: [e.id, t]) }
        }
    }

    private static func writeClaims(_ graph: KnowledgeGraph, sentenceIDs: [String: (source: Int64, firstSentence: Int64)], _ db: Database) throws {
        let claim = try BulkInsert(db, "INSERT INTO claims(id, subject_id, relation, object_id, source_count) VALUES (?,?,?,?,?)")
        let evidence = try BulkInsert(db, """
            INSERT INTO evidence(claim_id, sentence_id, source_id, polarity, certainty, attribution, rule) VALUES (?,?,?,?,?,?,?)
            """)
        for (i, c) in graph.claims.enumerated() {
            let cid = Int64(i + 1)
            claim.bind(cid)
            claim.bind(c.subject)
            claim.bind(c.relation.rawValue)
            claim.bind(c.object)
            claim.bind(c.sourceCount)
            try claim.run()
            for ev in c.evidence {
                guard let ids = sentenceIDs[ev.source] else { continue }
                evidence.bind(cid)
                evidence.bind(ids.firstSentence + Int64(ev.sentence))
                evidence.bind(ids.source)
                evidence.bind(ev.polarity.rawValue)
                evidence.bind(ev.certainty.rawValue)
                evidence.bind(ev.attribution)
                evidence.bind(ev.rule)
                try evidence.run()
            }
        }
    }
}
