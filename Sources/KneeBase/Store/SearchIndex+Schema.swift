import GRDB

/// The search tables of `kb.sqlite`, shared by the writer (`SearchIndex`) and the
/// reader (`IndexLookup`).
///
/// Every FTS5 table indexes *stems* — the output of `Tokenizer`/`Stemmer`, the same as
/// extraction — joined by spaces, so "squatting", "squats" and "squat" are one term.
/// Two kinds of marker tokens start with `_` (a character our tokenizer never emits):
/// `_e<rowid>` names an entity (in `search_entities.tags` and in the `entities` column
/// of a sentence that mentions it), `_k<kind>` an entity's kind. A lone `_` separates
/// aliases so that a phrase cannot run from one alias into the next.
enum SearchSchema {
    static let tokenize = "tokenize = \"ascii tokenchars '_'\", columnsize = 0"

    /// BM25F column weights: name > aliases > heading > body.
    enum Weight {
        static let name = 10.0
        static let aliases = 6.0
        static let tags = 10.0
        static let heading = 2.5
        static let body = 1.0
    }

    static func entityToken(_ rowid: Int64) -> String { "_e\(rowid)" }
    static func kindToken(_ kind: EntityKind) -> String { "_k\(kind.rawValue)" }
    static let aliasSeparator = "_"

    /// Bytes of pending terms FTS5 holds in memory before writing a segment (its default is
    /// 1 MB). The sentence index is written once, and up to 10,000 articles or so it fits in
    /// this: one segment, written at commit, which leaves `optimize` nothing to merge (with
    /// 16 MB, 10,000 articles made several segments whose merge took ~0.9 CPU s, for ~35 MB
    /// less peak memory). Larger corpora write a segment per 128 MB of terms. Nor are
    /// segments merged as they are written (`automerge` 0): `finish` merges them all once.
    static let sentenceHashSize = 128 << 20

    static func create(_ db: Database) throws {
        try db.execute(sql: """
            CREATE VIRTUAL TABLE search_entities USING fts5(name, aliases, description, tags, entity_id UNINDEXED, \(tokenize));
            CREATE VIRTUAL TABLE search_sources USING fts5(title, metadata, source_id UNINDEXED, \(tokenize));
            CREATE VIRTUAL TABLE search_sentences USING fts5(heading, body, entities, sentence_id UNINDEXED, \(tokenize));
            CREATE TABLE search_terms(
                term TEXT PRIMARY KEY, entities INTEGER NOT NULL, sources INTEGER NOT NULL, sentences INTEGER NOT NULL) WITHOUT ROWID;
            CREATE TABLE search_words(word TEXT PRIMARY KEY, stem TEXT NOT NULL, count INTEGER NOT NULL) WITHOUT ROWID;
            CREATE TABLE search_deletes(key TEXT NOT NULL, word TEXT NOT NULL, PRIMARY KEY(key, word)) WITHOUT ROWID;
            CREATE TABLE search_aliases(
                first TEXT NOT NULL, stems TEXT NOT NULL, words TEXT NOT NULL, entity_rowid INTEGER NOT NULL, entity_id TEXT NOT NULL,
                upper INTEGER NOT NULL, preferred INTEGER NOT NULL, PRIMARY KEY(first, stems, entity_id, words)) WITHOUT ROWID;
            CREATE TABLE search_stats(name TEXT PRIMARY KEY, value REAL NOT NULL) WITHOUT ROWID;
            CREATE TABLE search_relations(
                entity_id TEXT NOT NULL, rank INTEGER NOT NULL, relation TEXT NOT NULL, outgoing INTEGER NOT NULL,
                other_id TEXT NOT NULL, other_name TEXT NOT NULL, sources INTEGER NOT NULL, PRIMARY KEY(entity_id, rank)) WITHOUT ROWID;
            INSERT INTO search_sentences(search_sentences, rank) VALUES ('hashsize', \(sentenceHashSize));
            INSERT INTO search_sentences(search_sentences, rank) VALUES ('automerge', 0);
            """)
    }

    /// Indexes and FTS merges, after the bulk insert.
    static func finish(_ db: Database) throws {
        try db.execute(sql: """
            CREATE INDEX search_aliases_entity ON search_aliases(entity_rowid);
            CREATE INDEX search_aliases_stems ON search_aliases(stems);
            INSERT INTO search_entities(search_entities) VALUES ('optimize');
            INSERT INTO search_sources(search_sources) VALUES ('optimize');
            INSERT INTO search_sentences(search_sentences) VALUES ('optimize');
            """)
    }
}
