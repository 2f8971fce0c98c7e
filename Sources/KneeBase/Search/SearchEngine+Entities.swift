import GRDB

/// Entity lookups for commands that take entity names (`kneebase why`).
extension SearchEngine {
    /// The id of the entity `text` names: an id, a name or an alias exactly, else the
    /// best entity search result (typos corrected); nil when nothing matches.
    public func entityID(for text: String) throws -> String? {
        let exact: String? = try queue.read { db in
            try String.fetchOne(db, sql: "SELECT id FROM entities WHERE id = ? COLLATE NOCASE OR name = ? COLLATE NOCASE", arguments: [text, text])
                ?? String.fetchOne(db, sql: "SELECT entity_id FROM aliases WHERE alias = ? COLLATE NOCASE ORDER BY entity_id LIMIT 1", arguments: [text])
        }
        if let exact { return exact }
        let kinds = Set(ResultKind.allCases.filter { $0.entityKind != nil })
        guard let response = try? search(text, options: SearchOptions(kinds: kinds, limit: 1)) else { return nil }
        return response.results.first?.id
    }

    /// Sentences that mention both entities, the most useful first.
    public func sentences(mentioning a: String, and b: String, limit: Int = 5) throws -> [SearchResult] {
        try queue.read { db in
            let lookup = IndexLookup(db: db)
            let rows = try [a, b].map { id in
                try Int64.fetchOne(db, sql: "SELECT entity_rowid FROM search_aliases WHERE entity_id = ? LIMIT 1", arguments: [id])
            }
            guard let ra = rows[0], let rb = rows[1] else { return [] }
            var analyzed = AnalyzedQuery()
            for (row, id) in [(ra, a), (rb, b)] {
                let alternative = AnalyzedQuery.Alternative(form: .entity, stems: [SearchSchema.entityToken(row)], entityRow: row, entity: id)
                analyzed.groups.append(AnalyzedQuery.Group(alternatives: [alternative], label: id))
            }
            analyzed.frequencies = try lookup.frequencies(analyzed.groups.flatMap { $0.alternatives.flatMap(\.stems) })
            guard let match = MatchExpression.make(groups: analyzed.groups) else { return [] }
            let ranked = self.ranked(try lookup.sentences(matching: match, limit: Self.sentenceCandidates), analyzed, table: .sentences, relaxed: false)
            return try ResultPresenter(lookup: lookup, tokenizer: tokenizer, analyzed: analyzed).passages(ranked, limit: limit)
        }
    }
}
