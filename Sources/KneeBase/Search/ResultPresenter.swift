/// Turns ranked rows into `SearchResult`s: display fields, best relations, snippets.
struct ResultPresenter {
    let lookup: IndexLookup
    let tokenizer: Tokenizer
    /// Stems and phrases of the query to mark in snippets.
    private let stems: Set<String>
    private let phrases: [[String]]
    /// Alias stems of the entities the query named, by entity row, to mark their mentions.
    private let named: [Int64: [[String]]]

    /// How many relations an entity result shows.
    static let relationCount = 3
    /// Relations shown instead of an entity's best-supported ones, by entity id: those a
    /// relation query asked for.
    var relationsShown: [String: [RelationSummary]] = [:]

    init(lookup: IndexLookup, tokenizer: Tokenizer, analyzed: AnalyzedQuery) throws {
        self.lookup = lookup
        self.tokenizer = tokenizer
        stems = analyzed.highlightStems
        phrases = analyzed.highlightPhrases
        var named: [Int64: [[String]]] = [:]
        for row in Set(analyzed.groups.flatMap { $0.alternatives.compactMap(\.entityRow) }) { named[row] = try lookup.aliasStems(of: row) }
        self.named = named
    }

    private func builder(extra: [[String]] = []) -> SnippetBuilder {
        SnippetBuilder(tokenizer: tokenizer, stems: stems, sequences: phrases + extra)
    }

    func entities(_ ranked: [Ranked]) throws -> [SearchResult] {
        let details = try lookup.entityDetails(ranked.map(\.row.key))
        let build = builder(extra: named.values.flatMap { $0 })
        return try ranked.compactMap { r in
            guard let e = details[r.row.key] else { return nil }
            var snippet = build.snippet(e.description)
            if e.description.isEmpty, !e.aliases.isEmpty { snippet = build.snippet("also: " + e.aliases.joined(separator: ", ")) }
            return SearchResult(kind: ResultKind(e.kind), id: e.id, title: e.name, snippet: snippet, source: nil, line: nil, score: r.score,
                                aliases: e.aliases, subtype: e.subtype, discovered: e.discovered,
                                relations: try relationsShown[e.id] ?? lookup.relations(of: e.id, limit: Self.relationCount))
        }
    }

    func sources(_ ranked: [Ranked]) throws -> [SearchResult] {
        let details = try lookup.sourceDetails(ranked.compactMap { Int64($0.row.key) })
        let build = builder()
        return ranked.compactMap { r in
            guard let id = Int64(r.row.key), let s = details[id] else { return nil }
            let title = s.title ?? s.path
            var parts = build.snippet(title).parts
            if !s.byline.isEmpty { parts.append(Snippet.Part(" — " + s.byline.joined(separator: " · "))) }
            return SearchResult(kind: .source, id: s.path, title: title, snippet: Snippet(parts), source: s.path, line: 1, score: r.score)
        }
    }

    /// Passages, each sentence once: the same sentence (the same stems) in other sources counts as a duplicate.
    func passages(_ ranked: [Ranked], limit: Int) throws -> [SearchResult] {
        var chosen: [(ranked: Ranked, duplicates: Int)] = []
        var seen: [String: Int] = [:]
        for r in ranked {
            let body = r.row.columns[1]
            if let k = seen[body] { chosen[k].duplicates += 1; continue }
            guard chosen.count < limit else { continue }
            seen[body] = chosen.count
            chosen.append((r, 0))
        }
        let details = try lookup.sentenceDetails(chosen.compactMap { Int64($0.ranked.row.key) })
        return chosen.compactMap { item in
            let r = item.ranked
            guard let id = Int64(r.row.key), let s = details[id] else { return nil }
            let mentioned = named.isEmpty ? [] : SpaceSeparated.words(r.row.columns[2]).compactMap { token -> Int64? in
                token.hasPrefix("_e") ? Int64(token.dropFirst(2)) : nil
            }
            let snippet = builder(extra: mentioned.flatMap { named[$0] ?? [] }).snippet(s.text, indexed: r.row.columns[1])
            let title = s.headingPath.isEmpty ? (s.sourceTitle ?? s.source) : s.headingPath
            return SearchResult(kind: .passage, id: "\(s.source):\(s.line):\(s.column)", title: title, snippet: snippet,
                                source: s.source, line: s.line, score: r.score, duplicates: item.duplicates)
        }
    }
}
