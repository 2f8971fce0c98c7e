import GRDB

/// What to search for besides the query text.
public struct SearchOptions: Sendable, Hashable {
    /// Result kinds to keep, added to the query's own `kind:` filters; empty keeps all.
    public var kinds: Set<ResultKind>
    /// The most results to return; entities, sources and passages share them.
    public var limit: Int

    public init(kinds: Set<ResultKind> = [], limit: Int = 10) {
        self.kinds = kinds
        self.limit = limit
    }
}

/// A knowledge base that cannot be searched (no search index, or a failing database).
public struct SearchFailure: Error, CustomStringConvertible, Sendable {
    public var description: String
}

/// Full-text search over a knowledge base: entities first, then sources, then passages.
///
/// ```swift
/// let engine = try SearchEngine(reader: try KnowledgeBaseReader(url: kb))
/// let response = try engine.search("runners knee squat", options: SearchOptions(limit: 5))
/// ```
///
/// Not thread-safe (it keeps a stemmer cache); use one engine per thread.
public final class SearchEngine {
    let queue: DatabaseQueue
    let tokenizer: Tokenizer
    let stats: [String: Double]

    /// How many FTS matches, in rowid order, are ranked per table.
    static let entityCandidates = 64
    static let sourceCandidates = 24
    static let sentenceCandidates = 32
    /// Candidates fetched when the query is relaxed (matching any of the terms is common).
    static let relaxedCandidates = 32

    /// Opens the search index of `reader`'s database.
    public init(reader: KnowledgeBaseReader) throws {
        queue = reader.queue
        tokenizer = Tokenizer(stemmer: Stemmer())
        stats = try queue.read { db in
            guard IndexLookup.hasIndex(db) else {
                throw SearchFailure(description: "this knowledge base has no search index; rebuild it with `kneebase build`")
            }
            return try IndexLookup(db: db).stats()
        }
        // Read pages through a memory map and keep more of them: most of a search is page lookups.
        try queue.inDatabase { try $0.execute(sql: "PRAGMA mmap_size = 1073741824; PRAGMA cache_size = -32768") }
    }

    /// Searches for `text`. Throws `QueryError` for a malformed query, `SearchFailure`
    /// when the database cannot be read.
    public func search(_ text: String, options: SearchOptions = SearchOptions()) throws -> SearchResponse {
        var query = try QueryParser.parse(text)
        query.kinds.formUnion(options.kinds)
        do {
            return try run(query, text, options)
        } catch let error as DatabaseError {
            throw SearchFailure(description: "the knowledge base could not be searched (\(error.message ?? "SQLite error \(error.resultCode.rawValue)")); rebuild it with `kneebase build`")
        }
    }

    private func run(_ query: Query, _ text: String, _ options: SearchOptions) throws -> SearchResponse {
        try queue.read { db in
            let lookup = IndexLookup(db: db)
            let analyzed = try QueryAnalyzer(lookup: lookup, tokenizer: tokenizer).analyze(query)
            var response = SearchResponse(query: text, corrected: analyzed.corrected(text), notes: analyzed.notes, results: [])
            let limit = max(options.limit, 1)
            // "exercises for runner's knee": answered from the condition's claims.
            let intent = RelationIntent.find(analyzed)
            let answer = try intent.flatMap { try relationAnswer($0, analyzed, lookup) }
            if let answer { response.notes.append(answer.note) }
            // "symptoms of jumper's knee" when no source gives any: say so before the word matches.
            if let intent, answer == nil, let relation = intent.relations.first {
                let name = try lookup.entityDetails([intent.entity])[intent.entity]?.name ?? intent.entity
                let asked = relation == .notRecommended ? "nothing is advised against for \(name)" : "no \(relation.label) of \(name)"
                response.notes.append("the sources give \(asked); showing what matches the words instead")
            }
            let entities = try answer.map { Array($0.entities.prefix(limit)) }
                ?? (ResultKind.allCases.contains { $0.entityKind != nil && analyzed.allows($0) } ? try rankEntities(analyzed, lookup, limit: limit) : [])
            let noText = analyzed.groups.isEmpty || analyzed.unmatchable
            let sources = !noText && answer == nil && analyzed.allows(.source) ? try rank(analyzed, table: .sources, lookup, limit: limit, relax: false) : []
            var passages: [Ranked] = answer?.passages ?? []
            if !noText && answer == nil && analyzed.allows(.passage) {
                let (ranked, relaxed) = try rankPassages(analyzed, lookup, limit: limit)
                passages = ranked
                if let k = relaxed, !passages.isEmpty {
                    let n = analyzed.groups.count
                    response.notes.append(n == 2 ? "no passage has both search terms; showing passages with either"
                        : "no passage has all \(n) search terms; showing passages with \(k == 1 ? "any" : "\(k)") of them")
                }
            }
            let (e, s, p) = Self.share(limit, entities.count, sources.count, passages.count)
            var presenter = try ResultPresenter(lookup: lookup, tokenizer: tokenizer, analyzed: answer?.query ?? analyzed)
            if let answer { presenter.relationsShown[answer.subject] = answer.shown }
            response.results = try presenter.entities(Array(entities.prefix(e))) + presenter.sources(Array(sources.prefix(s)))
                + presenter.passages(passages, limit: p)
            return response
        }
    }

    /// How `limit` results are shared: 40% entities, 20% sources, 40% passages, and what
    /// one kind leaves unused goes to the others, entities first.
    static func share(_ limit: Int, _ e: Int, _ s: Int, _ p: Int) -> (Int, Int, Int) {
        var quota = [max(1, limit * 4 / 10), limit * 2 / 10, 0]
        quota[2] = limit - quota[0] - quota[1]
        let available = [e, s, p]
        var taken = zip(quota, available).map { min($0, $1) }
        var left = limit - taken.reduce(0, +)
        for i in 0..<3 where left > 0 {
            let more = min(left, available[i] - taken[i])
            taken[i] += more
            left -= more
        }
        return (taken[0], taken[1], taken[2])
    }
}

/// A candidate row with its score.
struct Ranked: Sendable {
    var row: CandidateRow
    var score: Double
    var matched: Int
}

/// The three FTS tables, with their BM25F columns.
enum SearchTable {
    case entities, sources, sentences

    func scorer(_ stats: [String: Double]) -> BM25F {
        typealias W = SearchSchema.Weight
        switch self {
        case .entities:
            return BM25F(columns: [.init(weight: W.name, averageLength: stats["entities.name"] ?? 1),
                                   .init(weight: W.aliases, averageLength: stats["entities.aliases"] ?? 1, alternatives: true),
                                   .init(weight: W.body, averageLength: stats["entities.description"] ?? 1),
                                   .init(weight: W.tags, averageLength: 0)],
                         documentCount: stats["entities.count"] ?? 1, frequency: \.entities)
        case .sources:
            return BM25F(columns: [.init(weight: W.name, averageLength: stats["sources.title"] ?? 1),
                                   .init(weight: W.body, averageLength: stats["sources.metadata"] ?? 1)],
                         documentCount: stats["sources.count"] ?? 1, frequency: \.sources)
        case .sentences:
            return BM25F(columns: [.init(weight: W.heading, averageLength: stats["sentences.heading"] ?? 1),
                                   .init(weight: W.body, averageLength: stats["sentences.body"] ?? 1),
                                   .init(weight: W.body, averageLength: stats["sentences.entities"] ?? 1)],
                         documentCount: stats["sentences.count"] ?? 1, frequency: \.sentences)
        }
    }

    func fetch(_ lookup: IndexLookup, _ match: String, relaxed: Bool = false) throws -> [CandidateRow] {
        let relaxedLimit = SearchEngine.relaxedCandidates
        return switch self {
        case .entities: try lookup.entities(matching: match, limit: relaxed ? relaxedLimit : SearchEngine.entityCandidates)
        case .sources: try lookup.sources(matching: match, limit: min(relaxedLimit, SearchEngine.sourceCandidates))
        case .sentences: try lookup.sentences(matching: match, limit: relaxed ? relaxedLimit : SearchEngine.sentenceCandidates)
        }
    }
}
