import GRDB

/// The read side of the search tables (see `SearchSchema`): every SQL statement the
/// search runs is here. FTS5 match expressions come only from `MatchExpression`, which
/// quotes every term, so user input never reaches SQLite's query syntax.
struct IndexLookup {
    let db: Database

    /// Whether this database has the search tables.
    static func hasIndex(_ db: Database) -> Bool {
        (try? Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE name IN ('search_stats', 'search_sentences', 'search_terms')")) == 3
    }

    func stats() throws -> [String: Double] {
        var out: [String: Double] = [:]
        for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT name, value FROM search_stats")) { out[row[0]] = row[1] }
        return out
    }

    /// Document frequencies of `terms` in the entity, source and sentence tables.
    func frequencies(_ terms: some Collection<String>) throws -> [String: TermFrequency] {
        guard !terms.isEmpty else { return [:] }
        let sql = "SELECT term, entities, sources, sentences FROM search_terms WHERE term IN (\(Self.placeholders(terms.count)))"
        var out: [String: TermFrequency] = [:]
        for row in try Row.fetchAll(db.cachedStatement(sql: sql), arguments: StatementArguments(Array(terms))) {
            out[row[0]] = TermFrequency(entities: row[1], sources: row[2], sentences: row[3])
        }
        return out
    }

    /// Vocabulary words that are one of `keys`, or that give one of `keys` with one character deleted.
    func correctionCandidates(_ keys: [String]) throws -> [TypoCorrector.Word] {
        guard !keys.isEmpty else { return [] }
        let list = Self.placeholders(keys.count)
        let sql = """
            SELECT word, stem, count FROM search_words WHERE word IN (\(list))
            UNION SELECT w.word, w.stem, w.count FROM search_deletes d JOIN search_words w ON w.word = d.word WHERE d.key IN (\(list))
            """
        return try Row.fetchAll(db.cachedStatement(sql: sql), arguments: StatementArguments(keys + keys)).map {
            TypoCorrector.Word(word: $0[0], stem: $0[1], count: $0[2])
        }
    }

    /// The most frequent vocabulary words starting with `prefix`.
    func words(prefix: String, limit: Int) throws -> [TypoCorrector.Word] {
        let sql = "SELECT word, stem, count FROM search_words WHERE word >= ? AND word < ? ORDER BY count DESC, word LIMIT ?"
        return try Row.fetchAll(db.cachedStatement(sql: sql), arguments: [prefix, prefix + "\u{10FFFF}", limit]).map {
            TypoCorrector.Word(word: $0[0], stem: $0[1], count: $0[2])
        }
    }

    /// Names and aliases whose stems (joined by spaces) are one of `stems`, with their entity.
    func aliases(_ stems: some Collection<String>) throws -> [AliasEntry] {
        guard !stems.isEmpty else { return [] }
        let sql = """
            SELECT a.stems, a.words, a.entity_rowid, a.entity_id, a.upper, a.preferred, e.kind FROM search_aliases a
            JOIN entities e ON e.id = a.entity_id WHERE a.stems IN (\(Self.placeholders(stems.count)))
            ORDER BY a.preferred DESC, a.entity_rowid
            """
        return try Row.fetchAll(db.cachedStatement(sql: sql), arguments: StatementArguments(Array(stems))).map {
            let stems: String = $0[0]
            let words: String = $0[1]
            return AliasEntry(stems: stems.split(separator: " ").map(String.init), words: words.split(separator: " ").map(String.init),
                              rowid: $0[2], entity: $0[3], upperOnly: $0[4], preferred: $0[5], kind: EntityKind(rawValue: $0[6]) ?? .condition)
        }
    }

    /// Every name and alias of an entity, as stems.
    func aliasStems(of rowid: Int64) throws -> [[String]] {
        try String.fetchAll(db.cachedStatement(sql: "SELECT stems FROM search_aliases WHERE entity_rowid = ?"), arguments: [rowid])
            .map { $0.split(separator: " ").map(String.init) }
    }

    /// The first `limit` entities matching `match`, in rowid (importance) order, with their indexed stems.
    func entities(matching match: String, limit: Int) throws -> [CandidateRow] {
        try candidates("SELECT rowid, entity_id, name, aliases, description, tags FROM search_entities WHERE search_entities MATCH ? LIMIT ?",
                       match, limit, columns: 4)
    }

    /// The first `limit` sources matching `match`.
    func sources(matching match: String, limit: Int) throws -> [CandidateRow] {
        try candidates("SELECT rowid, source_id, title, metadata FROM search_sources WHERE search_sources MATCH ? LIMIT ?", match, limit, columns: 2)
    }

    /// The first `limit` sentences matching `match`, in rowid (usefulness) order.
    func sentences(matching match: String, limit: Int) throws -> [CandidateRow] {
        try candidates("SELECT rowid, sentence_id, heading, body, entities FROM search_sentences WHERE search_sentences MATCH ? LIMIT ?",
                       match, limit, columns: 3)
    }

    /// Rows of `sql` (rowid, key, then `columns` text columns), read straight off the statement.
    private func candidates(_ sql: String, _ match: String, _ limit: Int, columns: Int) throws -> [CandidateRow] {
        var out: [CandidateRow] = []
        let rows = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: [match, limit])
        while let row = try rows.next() {
            let value: DatabaseValue = row[1]
            let key: String = switch value.storage {
            case .int64(let i): String(i)
            case .string(let s): s
            default: ""
            }
            let text: [String] = (0..<columns).map { row[2 + $0] }
            out.append(CandidateRow(rowid: row[0], key: key, columns: text))
        }
        return out
    }

    /// Display fields of entities; aliases only for those without a description.
    func entityDetails(_ ids: [String]) throws -> [String: EntityDetails] {
        guard !ids.isEmpty else { return [:] }
        let list = Self.placeholders(ids.count)
        var out: [String: EntityDetails] = [:]
        let sql = "SELECT id, kind, name, description, subtype, discovered FROM entities WHERE id IN (\(list))"
        for row in try Row.fetchAll(db.cachedStatement(sql: sql), arguments: StatementArguments(ids)) {
            out[row[0]] = EntityDetails(id: row[0], kind: EntityKind(rawValue: row[1]) ?? .condition, name: row[2], description: row[3],
                                        subtype: row[4], discovered: row[5], aliases: [])
        }
        let bare = out.values.filter(\.description.isEmpty).map(\.id)
        guard !bare.isEmpty else { return out }
        let aliasSQL = "SELECT entity_id, alias FROM aliases WHERE entity_id IN (\(Self.placeholders(bare.count))) ORDER BY entity_id, rowid"
        for row in try Row.fetchAll(db.cachedStatement(sql: aliasSQL), arguments: StatementArguments(bare)) {
            let id: String = row[0]
            out[id]?.aliases.append(row[1])
        }
        return out
    }

    /// The claims an entity takes part in, the best supported first.
    func relations(of id: String, limit: Int) throws -> [RelationSummary] {
        let sql = "SELECT relation, outgoing, other_id, other_name, sources FROM search_relations WHERE entity_id = ? ORDER BY rank LIMIT ?"
        var out: [RelationSummary] = []
        let rows = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: [id, limit])
        while let row = try rows.next() {
            guard let relation = Relation(rawValue: row[0]) else { continue }
            out.append(RelationSummary(relation: relation, outgoing: row[1], other: row[2], otherName: row[3], sources: row[4]))
        }
        return out
    }

    /// Display fields of sentences.
    func sentenceDetails(_ ids: [Int64]) throws -> [Int64: SentenceDetails] {
        guard !ids.isEmpty else { return [:] }
        let sql = """
            SELECT s.id, s.text, s.line, s."column", s.heading_path, so.path, so.title FROM sentences s
            JOIN sources so ON so.id = s.source_id WHERE s.id IN (\(Self.placeholders(ids.count)))
            """
        var out: [Int64: SentenceDetails] = [:]
        for row in try Row.fetchAll(db.cachedStatement(sql: sql), arguments: StatementArguments(ids)) {
            out[row[0]] = SentenceDetails(text: row[1], line: row[2], column: row[3], headingPath: row[4], source: row[5], sourceTitle: row[6])
        }
        return out
    }

    /// Display fields of sources.
    func sourceDetails(_ ids: [Int64]) throws -> [Int64: SourceDetails] {
        guard !ids.isEmpty else { return [:] }
        let sql = "SELECT id, path, title, author, publisher, date, kind FROM sources WHERE id IN (\(Self.placeholders(ids.count)))"
        var out: [Int64: SourceDetails] = [:]
        for row in try Row.fetchAll(db.cachedStatement(sql: sql), arguments: StatementArguments(ids)) {
            out[row[0]] = SourceDetails(path: row[1], title: row[2], byline: [row[3], row[4], row[5], row[6]].compactMap { (v: String?) in v }.filter { !$0.isEmpty })
        }
        return out
    }

    static func placeholders(_ n: Int) -> String {
        String(repeating: "?,", count: max(n - 1, 0)) + (n > 0 ? "?" : "")
    }
}

/// How many entities, sources and sentences contain a term.
struct TermFrequency: Sendable, Hashable {
    var entities: Int
    var sources: Int
    var sentences: Int

    var isKnown: Bool { entities + sources + sentences > 0 }
}

/// One entry of `search_aliases`.
struct AliasEntry: Sendable, Hashable {
    var stems: [String]
    /// The alias's words, case-folded.
    var words: [String]
    var rowid: Int64
    var entity: String
    var upperOnly: Bool
    /// Extraction reads these stems as this entity.
    var preferred: Bool
    var kind: EntityKind
}

/// An FTS row fetched as a ranking candidate: its rowid, its key (entity id, source or
/// sentence row id) and its indexed columns (stems separated by spaces).
struct CandidateRow: Sendable {
    var rowid: Int64
    var key: String
    var columns: [String]
}

struct EntityDetails: Sendable, Hashable {
    var id: String
    var kind: EntityKind
    var name: String
    var description: String
    var subtype: String?
    var discovered: Bool
    var aliases: [String]
}

struct SentenceDetails: Sendable, Hashable {
    var text: String
    var line: Int
    var column: Int
    /// Headings joined with " › ", outermost first.
    var headingPath: String
    var source: String
    var sourceTitle: String?
}

struct SourceDetails: Sendable, Hashable {
    var path: String
    var title: String?
    var byline: [String]
}
