/// The FTS rows of every sentence, computed in parallel over chunks of documents:
/// heading-path stems, sentence stems, the entities mentioned, and a tier that orders
/// rowids (0: evidence for a claim, 1: mentions an entity, 2: the rest).
struct SentenceRows: Sendable {
    static let tiers = 3

    struct Row: Sendable {
        var sentence: Int
        var tier: Int
        /// Index into `DocumentRows.headings`.
        var heading: Int
        var body: String
        var entities: String
    }

    struct DocumentRows: Sendable {
        var firstSentenceID: Int64
        var headings: [String]
        var rows: [Row]
    }

    struct Chunk: Sendable {
        var documents: [DocumentRows] = []
        /// Surface words with their counts, and the stem of each.
        var words = StringTally()
        var wordStems: [String] = []
        var documentFrequency = StringTally()
        var lengths: [String: Int] = ["heading": 0, "body": 0, "entities": 0]
    }

    /// The rows of each chunk's documents, in document order. `SearchIndex` writes them
    /// once, taking each chunk on its last pass so that the rows are freed as they are written.
    var chunks: Handoffs<[DocumentRows]>
    var count: Int
    var words: WordCounts
    var documentFrequency: [String: Int]
    var lengths: [String: Int]

    /// The rows of every sentence; with a memo, documents analysed by the last cached
    /// build are taken from it, and this build's analyses are stored for the next one.
    static func build(_ graph: KnowledgeGraph, entities: SearchEntityOrder, finder: MentionFinder, memo: SentenceMemo? = nil) -> SentenceRows {
        build(graph, entities: entities, finder: finder, memo: memo, site: nil).rows
    }

    /// The rows of every sentence and, given the site's mention finder `site`, every
    /// document's `SourceTerms` (none without), from one pass over each sentence. With a
    /// memo, the analyses and terms of the last cached build are taken from it, and this
    /// build's new ones are stored for the next one.
    static func build(_ graph: KnowledgeGraph, entities: SearchEntityOrder, finder: MentionFinder, memo: SentenceMemo?,
                      site: MentionFinder?) -> (rows: SentenceRows, sourceTerms: Handoffs<SourceTerms>) {
        var evidence: [String: Set<Int>] = [:]
        for c in graph.claims {
            for ev in c.evidence where ev.polarity == .asserted { evidence[ev.source, default: []].insert(ev.sentence) }
        }
        var firstIDs: [Int64] = []
        var next: Int64 = 1
        for d in graph.documents {
            firstIDs.append(next)
            next += Int64(d.sentences.count)
        }
        let documents = graph.documents
        let size = max(1, min(64, documents.count / 16 + 1))
        let ranges = stride(from: 0, to: documents.count, by: size).map { $0..<min($0 + size, documents.count) }
        let evidenceSets = evidence
        let ids = firstIDs
        // Both kinds of record are keyed by the same lexicon, fingerprinted once.
        let lexicon = memo.map { _ in BuildCache.lexiconFingerprint(of: graph) } ?? ""
        let salt = memo.map { DocumentRecords.sentences.salt(lexicon: lexicon, in: $0.cache) } ?? ""
        let termsSalt = site == nil ? nil : memo.map { DocumentRecords.siteTerms.salt(lexicon: lexicon, in: $0.cache) }
        // The site's mentions are the search's unless its finder names something differently.
        let siteFinder = site.flatMap { $0.findsSame(as: finder) ? nil : $0 }
        let discovered = memo.map { _ in DiscoveredEntities(graph) } ?? .none
        var results = parallelMap(ranges) { range -> (Chunk, [String], [SourceTerms], [String]) in
            let analyzer = SentenceAnalyzer(tokenizer: Tokenizer(stemmer: StemmerPool.current), finder: finder)
            var assembler = ChunkAssembler(rowids: entities.rowid)
            var keys: [String] = []
            var terms: [SourceTerms] = []
            var termsKeys: [String] = []
            for i in range {
                let d = documents[i]
                let key = memo?.key(d.source, salt: salt)
                let termsKey = termsSalt.flatMap { memo?.key(d.source, salt: $0) }
                var analysis: SentenceAnalysis?
                var siteTerms: SourceTerms?
                if let memo, let key, let hit = memo.load(key, discovered: discovered), hit.bodies.count == d.sentences.count { analysis = hit }
                if let memo, let termsKey, let kept = DocumentRecords.siteTerms.load(termsKey, in: memo.cache, discovered: discovered),
                   kept.mentions.count == d.sentences.count {
                    siteTerms = kept
                }
                if site != nil, analysis == nil || siteTerms == nil {
                    var all = analyzer.analyze(d, title: SiteModel.title(of: d), siteFinder: siteFinder)
                    if let memo {
                        all.scope.fingerprint = discovered.fingerprint(of: all.scope)
                        if analysis == nil, let key { memo.store(all.sentences, key: key, scope: all.scope) }
                        if siteTerms == nil, let termsKey { DocumentRecords.siteTerms.store(all.site, key: termsKey, in: memo.cache, scope: all.scope) }
                    }
                    analysis = analysis ?? all.sentences
                    siteTerms = siteTerms ?? all.site
                } else if analysis == nil {
                    var fresh = analyzer.scopedAnalysis(d)
                    if let memo, let key {
                        fresh.scope.fingerprint = discovered.fingerprint(of: fresh.scope)
                        memo.store(fresh.sentences, key: key, scope: fresh.scope)
                    }
                    analysis = fresh.sentences
                }
                if let key { keys.append(key) }
                if let termsKey { termsKeys.append(termsKey) }
                if let siteTerms { terms.append(siteTerms) }
                assembler.add(analysis ?? SentenceAnalysis(), firstID: ids[i], evidence: evidenceSets[d.source] ?? [])
            }
            return (assembler.chunk, keys, terms, termsKeys)
        }
        memo?.prune(keeping: Set(results.flatMap(\.1)))
        if let memo, termsSalt != nil { DocumentRecords.siteTerms.prune(memo.cache, keeping: Set(results.flatMap(\.3))) }
        let sourceTerms = Handoffs(results.flatMap(\.2))
        // Each chunk's tallies are summed below and then dropped with it; only its rows are kept.
        let chunks = results.map(\.0)
        results = []
        var wordTally = StringTally()
        var stems: [String] = []
        var dfTally = StringTally()
        var lengths: [String: Int] = [:]
        for chunk in chunks {
            for (i, word) in chunk.words.strings.enumerated() {
                if wordTally.add(word, chunk.words.counts[i]) == stems.count { stems.append(chunk.wordStems[i]) }
            }
            for (i, term) in chunk.documentFrequency.strings.enumerated() { dfTally.add(term, chunk.documentFrequency.counts[i]) }
            lengths.merge(chunk.lengths, uniquingKeysWith: +)
        }
        var words = WordCounts()
        words.counts.reserveCapacity(stems.count)
        for (i, word) in wordTally.strings.enumerated() { words.counts[word] = (stems[i], wordTally.counts[i]) }
        let df = Dictionary(zip(dfTally.strings, dfTally.counts), uniquingKeysWith: +)
        let count = graph.documents.reduce(0) { $0 + $1.sentences.count }
        return (SentenceRows(chunks: Handoffs(chunks.map(\.documents)), count: count, words: words, documentFrequency: df, lengths: lengths),
                sourceTerms)
    }
}

/// Turns the analyses of a chunk of documents into rows: entities become their
/// `_e<rowid>` tokens and each sentence gets its tier; word counts, document
/// frequencies and column lengths are summed.
private struct ChunkAssembler {
    let rowids: [String: Int64]
    private(set) var chunk = SentenceRows.Chunk()
    private var entityTokens: [Int64: String] = [:]
    private var headingLength = 0
    private var bodyLength = 0
    private var entitiesLength = 0

    init(rowids: [String: Int64]) {
        self.rowids = rowids
    }

    mutating func add(_ a: SentenceAnalysis, firstID: Int64, evidence: Set<Int>) {
        var rows: [SentenceRows.Row] = []
        rows.reserveCapacity(a.bodies.count)
        var entitySentences: [Int64: Int] = [:]
        for k in a.bodies.indices {
            var entityText = ""
            var mentioned = 0
            for id in a.mentions[k] {
                guard let row = rowids[id] else { continue }
                if mentioned > 0 { entityText.append(" ") }
                entityText.append(entityToken(row))
                entitySentences[row, default: 0] += 1
                mentioned += 1
            }
            let heading = a.sentenceHeadings[k]
            headingLength += a.headingTokens[heading]
            entitiesLength += mentioned
            let tier = evidence.contains(k) ? 0 : mentioned == 0 ? 2 : 1
            rows.append(SentenceRows.Row(sentence: k, tier: tier, heading: heading, body: a.bodies[k], entities: entityText))
        }
        bodyLength += a.bodyTokens
        chunk.documents.append(SentenceRows.DocumentRows(firstSentenceID: firstID, headings: a.headings, rows: rows))
        for i in a.words.indices where chunk.words.add(a.words[i], a.wordCounts[i]) == chunk.wordStems.count {
            chunk.wordStems.append(a.wordStems[i])
        }
        for i in a.terms.indices { chunk.documentFrequency.add(a.terms[i], a.termSentences[i]) }
        for (row, n) in entitySentences.sorted(by: { $0.key < $1.key }) { chunk.documentFrequency.add(entityToken(row), n) }
        chunk.lengths = ["heading": headingLength, "body": bodyLength, "entities": entitiesLength]
    }

    private mutating func entityToken(_ row: Int64) -> String {
        if let token = entityTokens[row] { return token }
        let token = SearchSchema.entityToken(row)
        entityTokens[row] = token
        return token
    }
}
