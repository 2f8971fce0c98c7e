import GRDB

/// Builds the full-text search tables of `kb.sqlite` (see `SearchSchema`): FTS5 over
/// the stems of entities (name, aliases, description), sources (title, metadata) and
/// sentences (heading path, text, entities mentioned), the vocabulary for typo
/// correction, the alias table for query expansion, and the statistics BM25F needs.
///
/// Sentences get their FTS rowids in order of usefulness — evidence for a claim first,
/// then sentences that mention an entity, then the rest — and entities by how much the
/// graph says about them, so a query can stop after the first few hundred matches.
enum SearchIndex {
    /// The part of the index that needs no database — entity order, mention finder and
    /// every sentence's row — computed while the writer fills the other tables.
    struct Prepared: Sendable {
        let entities: SearchEntityOrder
        let finder: MentionFinder
        let sentences: SentenceRows
    }

    /// With a memo, documents analysed by the last cached build are not analysed again.
    static func prepare(_ graph: KnowledgeGraph, memo: SentenceMemo? = nil) -> Prepared {
        prepare(graph, memo: memo, site: nil).prepared
    }

    /// The prepared index and, given the site's mention finder `site`, every document's
    /// `SourceTerms` for the site's search (see `SentenceRows.build`).
    static func prepare(_ graph: KnowledgeGraph, memo: SentenceMemo?, site: MentionFinder?) -> (prepared: Prepared, sourceTerms: Handoffs<SourceTerms>) {
        let entities = SearchEntityOrder(graph)
        let finder = MentionFinder(lexicon: entities.lexicon, extra: graph.entities.filter(\.discovered))
        let (rows, terms) = SentenceRows.build(graph, entities: entities, finder: finder, memo: memo, site: site)
        return (Prepared(entities: entities, finder: finder, sentences: rows), terms)
    }

    static func build(_ graph: KnowledgeGraph, _ prepared: Prepared, _ db: Database) throws {
        try SearchSchema.create(db)
        let entities = prepared.entities
        let finder = prepared.finder
        let sentenceSet = prepared.sentences
        var terms = TermTable()
        var words = sentenceSet.words
        terms.sentences = sentenceSet.documentFrequency
        let stemmer = Stemmer()
        let tokenizer = Tokenizer(stemmer: stemmer)
        var stats: [String: Double] = [:]
        try writeEntities(entities, tokenizer: tokenizer, finder: finder, terms: &terms, words: &words, stats: &stats, db)
        try writeSources(graph.documents, tokenizer: tokenizer, terms: &terms, words: &words, stats: &stats, db)
        try writeSentences(sentenceSet, db)
        stats["sentences.count"] = Double(sentenceSet.count)
        for (name, total) in sentenceSet.lengths { stats["sentences.\(name)"] = Double(total) / Double(max(sentenceSet.count, 1)) }
        try writeRelations(graph, db)
        try SearchVocabulary.write(words: words, terms: terms, db)
        let statement = try db.makeStatement(sql: "INSERT INTO search_stats(name, value) VALUES (?, ?)")
        for (name, value) in stats.sorted(by: { $0.key < $1.key }) { try statement.execute(arguments: [name, value]) }
        try SearchSchema.finish(db)
    }

    private static func writeEntities(_ order: SearchEntityOrder, tokenizer: Tokenizer, finder: MentionFinder, terms: inout TermTable,
                                      words: inout WordCounts, stats: inout [String: Double], _ db: Database) throws {
        let row = try db.makeStatement(sql: "INSERT INTO search_entities(rowid, name, aliases, description, tags, entity_id) VALUES (?,?,?,?,?,?)")
        let alias = try db.makeStatement(sql: """
            INSERT OR IGNORE INTO search_aliases(first, stems, words, entity_rowid, entity_id, upper, preferred) VALUES (?,?,?,?,?,?,?)
            """)
        var lengths = [0, 0, 0]
        for (index, e) in order.entities.enumerated() {
            let rowid = Int64(index + 1)
            let name = tokenizer.tokens(e.name)
            let aliases = e.aliases.map { tokenizer.tokens($0) }
            let description = tokenizer.tokens(e.description)
            let tags = [SearchSchema.entityToken(rowid), SearchSchema.kindToken(e.kind)]
            let aliasText = aliases.map { $0.map(\.stem).joined(separator: " ") }.joined(separator: " \(SearchSchema.aliasSeparator) ")
            try row.execute(arguments: [rowid, name.map(\.stem).joined(separator: " "), aliasText,
                                        description.map(\.stem).joined(separator: " "), tags.joined(separator: " "), e.id])
            lengths[0] += name.count
            lengths[1] += aliases.reduce(0) { $0 + $1.count }
            lengths[2] += description.count
            let all = name + aliases.flatMap { $0 } + description
            words.add(all)
            terms.countEntity(Set(all.map(\.stem)).union(tags))
            // Every name and alias by its stems; `preferred` when extraction reads those stems as this entity
            // (names that stem alike, such as ITB and ITBS, are told apart in queries by their words).
            for (text, tokens) in zip([e.name] + e.aliases, [name] + aliases) where !tokens.isEmpty {
                let mentions = finder.mentions(in: tokens)
                var winner = e.id
                if mentions.count == 1, mentions[0].first == 0, mentions[0].last == tokens.count - 1 { winner = mentions[0].entity }
                let upper = MentionFinder.isAbbreviation(text, tokens)
                try alias.execute(arguments: [tokens[0].stem, tokens.map(\.stem).joined(separator: " "), tokens.map(\.norm).joined(separator: " "),
                                              rowid, e.id, upper, winner == e.id])
            }
        }
        let n = Double(max(order.entities.count, 1))
        stats["entities.count"] = Double(order.entities.count)
        stats["entities.name"] = Double(lengths[0]) / n
        stats["entities.aliases"] = Double(lengths[1]) / n
        stats["entities.description"] = Double(lengths[2]) / n
    }

    private static func writeSources(_ documents: [Document], tokenizer: Tokenizer, terms: inout TermTable, words: inout WordCounts,
                                     stats: inout [String: Double], _ db: Database) throws {
        let row = try BulkInsert(db, "INSERT INTO search_sources(rowid, title, metadata, source_id) VALUES (?,?,?,?)")
        var lengths = [0, 0]
        for (i, d) in documents.enumerated() {
            let m = d.metadata
            let title = tokenizer.tokens(m.title ?? "")
            let file = d.source.split(separator: "/").last.map(String.init) ?? d.source
            let meta = tokenizer.tokens([m.author, m.publisher, m.kind, m.date, m.url, file].compactMap { $0 }.joined(separator: " · "))
            // Source ids are 1-based positions in `documents`, as `KnowledgeBaseWriter` assigns them.
            row.bind(Int64(i + 1))
            row.bind(title.map(\.stem).joined(separator: " "))
            row.bind(meta.map(\.stem).joined(separator: " "))
            row.bind(Int64(i + 1))
            try row.run()
            lengths[0] += title.count
            lengths[1] += meta.count
            words.add(title)
            terms.countSource(Set((title + meta).map(\.stem)))
        }
        try row.finish()
        let n = Double(max(documents.count, 1))
        stats["sources.count"] = Double(documents.count)
        stats["sources.title"] = Double(lengths[0]) / n
        stats["sources.metadata"] = Double(lengths[1]) / n
    }

    /// How many relations per entity `search_relations` keeps.
    static let relationsPerEntity = 6

    /// The best-supported relations of every entity, shown under entity results: most
    /// sources first, then the ones the entity states, then by name.
    private static func writeRelations(_ graph: KnowledgeGraph, _ db: Database) throws {
        var names: [String: String] = [:]
        for e in graph.entities where names[e.id] == nil { names[e.id] = e.name }
        // Claims by position, not by value: copying a claim copies its evidence list. Each
        // claim's source count is counted once, not once per entity and comparison.
        let sourceCounts = graph.claims.map(\.sourceCount)
        var byEntity: [String: [(claim: Int, outgoing: Bool)]] = [:]
        for (i, c) in graph.claims.enumerated() {
            byEntity[c.subject, default: []].append((i, true))
            if c.object != c.subject { byEntity[c.object, default: []].append((i, false)) }
        }
        let row = try BulkInsert(db, """
            INSERT INTO search_relations(entity_id, rank, relation, outgoing, other_id, other_name, sources) VALUES (?,?,?,?,?,?,?)
            """, rows: BulkInsert.batch)
        for (id, list) in byEntity.sorted(by: { $0.key < $1.key }) {
            // Sort keys computed once per relation: an entity can take part in thousands of claims.
            let keyed = list.map { r -> (sources: Int, outgoing: Int, name: String, other: String, claim: Int) in
                let c = graph.claims[r.claim]
                let other = r.outgoing ? c.object : c.subject
                return (sourceCounts[r.claim], r.outgoing ? 1 : 0, names[other] ?? other, other, r.claim)
            }
            let best = keyed.sorted { ($1.sources, $0.outgoing, $1.name) < ($0.sources, $1.outgoing, $0.name) }.prefix(relationsPerEntity)
            for (rank, r) in best.enumerated() {
                let c = graph.claims[r.claim]
                row.bind(id)
                row.bind(rank)
                row.bind(c.relation.rawValue)
                row.bind(r.outgoing == 1)
                row.bind(r.other)
                row.bind(r.name)
                row.bind(r.sources)
                try row.run()
            }
        }
        try row.finish()
    }

    private static func writeSentences(_ set: SentenceRows, _ db: Database) throws {
        let row = try BulkInsert(db, "INSERT INTO search_sentences(rowid, heading, body, entities, sentence_id) VALUES (?,?,?,?,?)")
        var rowid: Int64 = 1
        for tier in 0..<SentenceRows.tiers {
            let last = tier == SentenceRows.tiers - 1
            for i in 0..<set.chunks.count {
                // The last tier's pass takes each chunk, so its rows are freed once written.
                guard let documents = last ? set.chunks.take(i) : set.chunks.peek(i) else { continue }
                for document in documents {
                    for r in document.rows where r.tier == tier {
                        row.bind(rowid)
                        row.bind(document.headings[r.heading])
                        row.bind(r.body)
                        row.bind(r.entities)
                        row.bind(document.firstSentenceID + Int64(r.sentence))
                        try row.run()
                        rowid += 1
                    }
                }
            }
        }
        try row.finish()
    }
}

/// Entities in FTS rowid order — lexicon entities before discovered ones, the most
/// talked-about first — and the lexicon extraction would read the text with.
struct SearchEntityOrder: Sendable {
    let entities: [Entity]
    let rowid: [String: Int64]
    let lexicon: Lexicon

    init(_ graph: KnowledgeGraph) {
        var claims: [String: Int] = [:]
        for c in graph.claims {
            claims[c.subject, default: 0] += c.evidence.count
            claims[c.object, default: 0] += c.evidence.count
        }
        entities = graph.entities.sorted {
            ($0.discovered ? 1 : 0, -(claims[$0.id] ?? 0), $0.kind, $0.id) < ($1.discovered ? 1 : 0, -(claims[$1.id] ?? 0), $1.kind, $1.id)
        }
        var rowid: [String: Int64] = [:]
        for (i, e) in entities.enumerated() where rowid[e.id] == nil { rowid[e.id] = Int64(i + 1) }
        self.rowid = rowid
        var ignored: [Diagnostic] = []
        lexicon = LexiconLoader.validate(graph.entities.filter { !$0.discovered }.map { ($0, file: "", line: 0) }, diagnostics: &ignored)
    }
}

/// Document frequencies per table, for BM25's inverse document frequency.
struct TermTable {
    var entities: [String: Int] = [:]
    var sources: [String: Int] = [:]
    var sentences: [String: Int] = [:]

    mutating func countEntity(_ terms: Set<String>) { for t in terms { entities[t, default: 0] += 1 } }
    mutating func countSource(_ terms: Set<String>) { for t in terms { sources[t, default: 0] += 1 } }
}

/// Surface words seen in the indexed text, with their stem and how often they occur:
/// the vocabulary that typos are corrected against and prefixes expand to.
struct WordCounts: Sendable {
    var counts: [String: (stem: String, count: Int)] = [:]

    mutating func add(_ tokens: [Token]) {
        for t in tokens where Self.isWord(t.norm) {
            if let hit = counts[t.norm] { counts[t.norm] = (hit.stem, hit.count + 1) } else { counts[t.norm] = (t.stem, 1) }
        }
    }

    /// Words worth correcting to: two or more characters, at least one letter, no digits.
    static func isWord(_ s: String) -> Bool {
        var letters = 0
        for b in s.utf8 {
            if b >= 48 && b <= 57 { return false }
            letters += 1
        }
        return letters >= 2
    }
}
