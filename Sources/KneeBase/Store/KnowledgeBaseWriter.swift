import Foundation
import GRDB

/// Writes a knowledge graph to a new SQLite database file (`kb.sqlite`).
///
/// The file is written whole by every build, an incremental one too, and not patched from
/// the last one. Row ids are positions — sentences numbered in document order, evidence in
/// claim order, FTS rowids tier by tier across every document — so one sentence added to
/// one article of 10,000 changed 2/3 of the rows of `sentences`, `evidence` and
/// `search_sentences`. And a patched file has other bytes than a fresh one: an FTS5 index
/// updated in place keeps other segment ids and counters even after `optimize`, so only an
/// FTS `rebuild` (re-indexing every row) then `VACUUM INTO` gave a clean build's bytes
/// (the clean build needing the `VACUUM INTO` as well).
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
            """, rows: BulkInsert.batch)
        let sentence = try BulkInsert(db, """
            INSERT INTO sentences(id, source_id, idx, text, line, "column", end_line, end_column, start, "end", heading_path_id, block_kind)
            VALUES (?,?,?,?,?,?,?,?,?,?,?,?)
            """, rows: BulkInsert.batch)
        let headingPath = try BulkInsert(db, "INSERT INTO heading_paths(id, path) VALUES (?,?)", rows: BulkInsert.batch)
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
        for insert in [source, sentence, headingPath] { try insert.finish() }
        return ids
    }

    private static func writeEntities(_ entities: [Entity], _ db: Database) throws {
        let entity = try BulkInsert(db, "INSERT INTO entities(id, kind, name, description, subtype, discovered) VALUES (?,?,?,?,?,?)",
                                    rows: BulkInsert.batch)
        let alias = try BulkInsert(db, "INSERT OR IGNORE INTO aliases(entity_id, alias) VALUES (?,?)", rows: BulkInsert.batch)
        let parent = try BulkInsert(db, "INSERT OR IGNORE INTO entity_parents(entity_id, parent_id) VALUES (?,?)", rows: BulkInsert.batch)
        let target = try BulkInsert(db, "INSERT OR IGNORE INTO entity_targets(entity_id, target_id) VALUES (?,?)", rows: BulkInsert.batch)
        for e in entities {
            entity.bind(e.id)
            entity.bind(e.kind.rawValue)
            entity.bind(e.name)
            entity.bind(e.description)
            entity.bind(e.subtype)
            entity.bind(e.discovered)
            try entity.run()
            for (list, insert) in [(e.aliases, alias), (e.parents, parent), (e.targets, target)] {
                for value in list {
                    insert.bind(e.id)
                    insert.bind(value)
                    try insert.run()
                }
            }
        }
        for insert in [entity, alias, parent, target] { try insert.finish() }
    }

    private static func writeClaims(_ graph: KnowledgeGraph, sentenceIDs: [String: (source: Int64, firstSentence: Int64)], _ db: Database) throws {
        let claim = try BulkInsert(db, "INSERT INTO claims(id, subject_id, relation, object_id, source_count) VALUES (?,?,?,?,?)",
                                   rows: BulkInsert.batch)
        let evidence = try BulkInsert(db, """
            INSERT INTO evidence(claim_id, sentence_id, source_id, polarity, certainty, attribution, rule) VALUES (?,?,?,?,?,?,?)
            """, rows: BulkInsert.batch)
        // Each evidence's source is looked up once, and the claim's sources are counted by
        // their row ids (`seen` holds the last claim that counted each), not hashed again as paths.
        var rows: [(evidence: Int, source: Int64, sentence: Int64)] = []
        var seen = [Int64](repeating: 0, count: graph.documents.count + 1)
        for (i, c) in graph.claims.enumerated() {
            let cid = Int64(i + 1)
            rows.removeAll(keepingCapacity: true)
            var sources = 0
            for (k, ev) in c.evidence.enumerated() {
                guard let ids = sentenceIDs[ev.source] else { continue }
                rows.append((k, ids.source, ids.firstSentence + Int64(ev.sentence)))
                if seen[Int(ids.source)] != cid {
                    seen[Int(ids.source)] = cid
                    sources += 1
                }
            }
            claim.bind(cid)
            claim.bind(c.subject)
            claim.bind(c.relation.rawValue)
            claim.bind(c.object)
            // A source the database does not hold still counts (as `Claim.sourceCount` counts it).
            claim.bind(rows.count == c.evidence.count ? sources : c.sourceCount)
            try claim.run()
            for row in rows {
                let ev = c.evidence[row.evidence]
                evidence.bind(cid)
                evidence.bind(row.sentence)
                evidence.bind(row.source)
                evidence.bind(ev.polarity.rawValue)
                evidence.bind(ev.certainty.rawValue)
                evidence.bind(ev.attribution)
                evidence.bind(ev.rule)
                try evidence.run()
            }
        }
        try claim.finish()
        try evidence.finish()
    }
}
