import GRDB

/// The tables of `kb.sqlite`. Bump `version` when they change.
///
/// A sentence's section is a reference into `heading_paths` (its headings joined by
/// " › "), which the sentences of a section share:
///
/// ```sql
/// SELECT s.text, h.path FROM sentences s JOIN heading_paths h ON h.id = s.heading_path_id WHERE s.source_id = 1;
/// ```
enum Schema {
    static let version = 4

    static func create(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE sources(
                id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, format TEXT NOT NULL, title TEXT, author TEXT,
                publisher TEXT, date TEXT, url TEXT, language TEXT, kind TEXT, content_hash TEXT NOT NULL,
                byte_count INTEGER NOT NULL, block_count INTEGER NOT NULL, excluded_count INTEGER NOT NULL);
            CREATE TABLE heading_paths(id INTEGER PRIMARY KEY, path TEXT NOT NULL);
            CREATE TABLE sentences(
                id INTEGER PRIMARY KEY, source_id INTEGER NOT NULL REFERENCES sources(id), idx INTEGER NOT NULL,
                text TEXT NOT NULL, line INTEGER NOT NULL, "column" INTEGER NOT NULL, end_line INTEGER NOT NULL,
                end_column INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
                heading_path_id INTEGER NOT NULL REFERENCES heading_paths(id), block_kind TEXT NOT NULL, UNIQUE(source_id, idx));
            CREATE TABLE entities(
                id TEXT PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL, description TEXT NOT NULL,
                subtype TEXT, discovered INTEGER NOT NULL);
            CREATE TABLE aliases(entity_id TEXT NOT NULL REFERENCES entities(id), alias TEXT NOT NULL, PRIMARY KEY(entity_id, alias));
            CREATE TABLE entity_parents(entity_id TEXT NOT NULL REFERENCES entities(id), parent_id TEXT NOT NULL, PRIMARY KEY(entity_id, parent_id));
            CREATE TABLE entity_targets(entity_id TEXT NOT NULL REFERENCES entities(id), target_id TEXT NOT NULL, PRIMARY KEY(entity_id, target_id));
            CREATE TABLE claims(
                id INTEGER PRIMARY KEY, subject_id TEXT NOT NULL REFERENCES entities(id), relation TEXT NOT NULL,
                object_id TEXT NOT NULL REFERENCES entities(id), source_count INTEGER NOT NULL,
                UNIQUE(subject_id, relation, object_id));
            CREATE TABLE evidence(
                id INTEGER PRIMARY KEY, claim_id INTEGER NOT NULL REFERENCES claims(id),
                sentence_id INTEGER NOT NULL REFERENCES sentences(id), source_id INTEGER NOT NULL REFERENCES sources(id),
                polarity TEXT NOT NULL, certainty TEXT NOT NULL, attribution TEXT, rule TEXT NOT NULL);
            """)
    }

    /// Indexes, created after the bulk insert: those the readers' joins go through — claims
    /// by entity, evidence by claim. (Sentences by source need none of their own:
    /// `UNIQUE(source_id, idx)` already indexes them. No reader asks for the evidence of a
    /// sentence, so evidence has no index by sentence: at 10,000 articles it would cost 8 MB
    /// and most of a second to build.)
    static func index(_ db: Database) throws {
        try db.execute(sql: """
            CREATE INDEX aliases_alias ON aliases(alias COLLATE NOCASE);
            CREATE INDEX entities_name ON entities(name COLLATE NOCASE);
            CREATE INDEX claims_subject ON claims(subject_id);
            CREATE INDEX claims_object ON claims(object_id);
            CREATE INDEX evidence_claim ON evidence(claim_id);
            """)
    }
}
