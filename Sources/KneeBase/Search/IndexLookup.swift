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
        try StatementRows.each(db, sql, texts: terms) { row in
            out[row.text(0)] = TermFrequency(entities: row.int(1), sources: row.int(2), sentences: row.int(3))
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
        return try words(sql, (keys + keys).map { .text($0) })
    }

    /// The most frequent vocabulary words starting with `prefix`.
    func words(prefix: String, limit: Int) throws -> [TypoCorrector.Word] {
        let sql = "SELECT word, stem, count FROM search_words WHERE word >= ? AND word < ? ORDER BY count DESC, word LIMIT ?"
        return try words(sql, [.text(prefix), .text(prefix + "\u{10FFFF}"), .integer(Int64(limit))])
    }

    private func words(_ sql: String, _ arguments: [SQLArgument]) throws -> [TypoCorrector.Word] {
        var out: [TypoCorrector.Word] = []
        try StatementRows.each(db, sql, arguments) { out.append(TypoCorrector.Word(word: $0.text(0), stem: $0.text(1), count: $0.int(2))) }
        return out
    }

    /// Names and aliases whose stems (joined by spaces) are one of `stems`, with their entity.
    func aliases(_ stems: some Collection<String>) throws -> [AliasEntry] {
        guard !stems.isEmpty else { return [] }
        let sql = """
            SELECT a.stems, a.words, a.entity_rowid, a.entity_id, a.upper, a.preferred, e.kind FROM search_aliases a
            JOIN entities e ON e.id = a.entity_id WHERE a.stems IN (\(Self.placeholders(stems.count)))
            ORDER BY a.preferred DESC, a.entity_rowid
            """
        var out: [AliasEntry] = []
        try StatementRows.each(db, sql, texts: stems) {
            out.append(AliasEntry(stems: SpaceSeparated.words($0.text(0)).map(String.init), words: SpaceSeparated.words($0.text(1)).map(String.init),
                                  rowid: $0.int64(2), entity: $0.text(3), upperOnly: $0.bool(4), preferred: $0.bool(5),
                                  kind: EntityKind(rawValue: $0.text(6)) ?? .condition))
        }
        return out
    }

    /// Every name and alias of an entity, as stems.
    func aliasStems(of rowid: Int64) throws -> [[String]] {
        var out: [[String]] = []
        try StatementRows.each(db, "SELECT stems FROM search_aliases WHERE entity_rowid = ?", [.integer(rowid)]) {
            out.append(SpaceSeparated.words($0.text(0)).map(String.init))
        }
        return out
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
        try StatementRows.each(db, sql, [.text(match), .integer(Int64(limit))]) { row in
            out.append(CandidateRow(rowid: row.int64(0), key: row.key(1), columns: (0..<columns).map { row.text(CInt(2 + $0)) }))
        }
        return out
    }

    /// Display fields of entities; aliases only for those without a description.
    func entityDetails(_ ids: [String]) throws -> [String: EntityDetails] {
        guard !ids.isEmpty else { return [:] }
        let list = Self.placeholders(ids.count)
        var out: [String: EntityDetails] = [:]
        let sql = "SELECT id, kind, name, description, subtype, discovered FROM entities WHERE id IN (\(list))"
        try StatementRows.each(db, sql, texts: ids) { row in
            let id = row.text(0)
            out[id] = EntityDetails(id: id, kind: EntityKind(rawValue: row.text(1)) ?? .condition, name: row.text(2), description: row.text(3),
                                    subtype: row.optionalText(4), discovered: row.bool(5), aliases: [])
        }
        let bare = out.values.filter(\.description.isEmpty).map(\.id)
        guard !bare.isEmpty else { return out }
        let aliasSQL = "SELECT entity_id, alias FROM aliases WHERE entity_id IN (\(Self.placeholders(bare.count))) ORDER BY entity_id, rowid"
        try StatementRows.each(db, aliasSQL, texts: bare) { row in
            out[row.text(0)]?.aliases.append(row.text(1))
        }
        return out
    }

    /// The claims an entity takes part in, the best supported first.
    func relations(of id: String, limit: Int) throws -> [RelationSummary] {
        let sql = "SELECT relation, outgoing, other_id, other_name, sources FROM search_relations WHERE entity_id = ? ORDER BY rank LIMIT ?"
        var out: [RelationSummary] = []
        try StatementRows.each(db, sql, [.text(id), .integer(Int64(limit))]) { row in
            guard let relation = Relation(rawValue: row.text(0)) else { return }
            out.append(RelationSummary(relation: relation, outgoing: row.bool(1), other: row.text(2), otherName: row.text(3), sources: row.int(4)))
        }
        return out
    }

    /// Display fields of sentences.
    func sentenceDetails(_ ids: [Int64]) throws -> [Int64: SentenceDetails] {
        guard !ids.isEmpty else { return [:] }
        let sql = """
            SELECT s.id, s.text, s.line, s."column", h.path, so.path, so.title FROM sentences s
            JOIN heading_paths h ON h.id = s.heading_path_id JOIN sources so ON so.id = s.source_id WHERE s.id IN (\(Self.placeholders(ids.count)))
            """
        var out: [Int64: SentenceDetails] = [:]
        try StatementRows.each(db, sql, ids.map { .integer($0) }) { row in
            out[row.int64(0)] = SentenceDetails(text: row.text(1), line: row.int(2), column: row.int(3), headingPath: row.text(4), source: row.text(5),
                                                sourceTitle: row.optionalText(6))
        }
        return out
    }

    /// Display fields of sources.
    func sourceDetails(_ ids: [Int64]) throws -> [Int64: SourceDetails] {
        guard !ids.isEmpty else { return [:] }
        let sql = "SELECT id, path, title, author, publisher, date, kind FROM sources WHERE id IN (\(Self.placeholders(ids.count)))"
        var out: [Int64: SourceDetails] = [:]
        try StatementRows.each(db, sql, ids.map { .integer($0) }) { row in
            out[row.int64(0)] = SourceDetails(path: row.text(1), title: row.optionalText(2),
                                              byline: (3...6).compactMap { row.optionalText($0) }.filter { !$0.isEmpty })
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
