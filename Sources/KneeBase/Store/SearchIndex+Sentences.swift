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
        var words = WordCounts()
        var documentFrequency: [String: Int] = [:]
        var lengths: [String: Int] = ["heading": 0, "body": 0, "entities": 0]
    }

    var chunks: [Chunk]
    var count: Int
    var words: WordCounts
    var documentFrequency: [String: Int]
    var lengths: [String: Int]

    static func build(_ graph: KnowledgeGraph, entities: SearchEntityOrder, finder: MentionFinder) -> SentenceRows {
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
        let chunks = parallelMap(ranges) { range -> Chunk in
            var builder = ChunkBuilder(tokenizer: Tokenizer(stemmer: StemmerPool.current), entities: entities, finder: finder)
            var documentRows: [DocumentRows] = []
            for i in range {
                documentRows.append(builder.rows(documents[i], firstID: ids[i], evidence: evidenceSets[documents[i].source] ?? []))
            }
            return builder.chunk(documentRows)
        }
        var words = WordCounts()
        var df: [String: Int] = [:]
        var lengths: [String: Int] = [:]
        for chunk in chunks {
            words.merge(chunk.words)
            df.merge(chunk.documentFrequency, uniquingKeysWith: +)
            lengths.merge(chunk.lengths, uniquingKeysWith: +)
        }
        let count = graph.documents.reduce(0) { $0 + $1.sentences.count }
        return SentenceRows(chunks: chunks, count: count, words: words, documentFrequency: df, lengths: lengths)
    }
}

/// The rows of one chunk of documents. Words and terms are numbered as they are first
/// seen, so a token costs one dictionary lookup for its word count, its term and the
/// number of sentences holding the term (a sentence counts a term once: `seenIn` keeps
/// the last sentence that counted it).
private struct ChunkBuilder {
    let tokenizer: Tokenizer
    let entities: SearchEntityOrder
    let finder: MentionFinder

    private var wordIDs: [String: Int] = [:]
    private var wordNorms: [String] = []
    private var wordTerms: [Int] = []
    private var wordCounts: [Int] = []
    private var termIDs: [String: Int] = [:]
    private var terms: [String] = []
    private var sentencesWith: [Int] = []
    private var seenIn: [Int] = []
    private var sentence = 0
    private var entityTerms: [Int64: Int] = [:]
    private var headingLength = 0
    private var bodyLength = 0
    private var entitiesLength = 0

    init(tokenizer: Tokenizer, entities: SearchEntityOrder, finder: MentionFinder) {
        self.tokenizer = tokenizer
        self.entities = entities
        self.finder = finder
    }

    mutating func rows(_ d: Document, firstID: Int64, evidence: Set<Int>) -> SentenceRows.DocumentRows {
        var headings: [String] = []
        var headingTokens: [Int] = []
        var headingTerms: [[Int]] = []
        var headingOfBlock: [Int: Int] = [:]
        var rows: [SentenceRows.Row] = []
        rows.reserveCapacity(d.sentences.count)
        for (k, s) in d.sentences.enumerated() {
            let heading: Int
            if let h = headingOfBlock[s.block] {
                heading = h
            } else {
                // Each heading of the path on its own, so that a phrase cannot run from one into the next.
                let parts = d.headingPath(of: s).map { tokenizer.tokens($0).map(\.stem) }.filter { !$0.isEmpty }
                headings.append(parts.map { $0.joined(separator: " ") }.joined(separator: " \(SearchSchema.aliasSeparator) "))
                headingTerms.append(parts.joined().map { term($0) })
                headingTokens.append(parts.reduce(0) { $0 + $1.count })
                heading = headings.count - 1
                headingOfBlock[s.block] = heading
            }
            sentence += 1
            let tokens = tokenizer.tokens(s.text)
            var body = ""
            body.reserveCapacity(s.text.utf8.count)
            for (n, t) in tokens.enumerated() {
                if n > 0 { body.append(" ") }
                body.append(t.stem)
                count(word(t))
            }
            var mentioned: [Int64] = []
            for m in finder.mentions(in: tokens) {
                if let row = entities.rowid[m.entity], !mentioned.contains(row) { mentioned.append(row) }
            }
            var entityText = ""
            for (n, row) in mentioned.enumerated() {
                let id = entityTerm(row)
                if n > 0 { entityText.append(" ") }
                entityText.append(terms[id])
                count(id)
            }
            for id in headingTerms[heading] { count(id) }
            headingLength += headingTokens[heading]
            bodyLength += tokens.count
            entitiesLength += mentioned.count
            let tier = evidence.contains(k) ? 0 : mentioned.isEmpty ? 2 : 1
            rows.append(SentenceRows.Row(sentence: k, tier: tier, heading: heading, body: body, entities: entityText))
        }
        return SentenceRows.DocumentRows(firstSentenceID: firstID, headings: headings, rows: rows)
    }

    /// The chunk's rows with its word counts, document frequencies and column lengths.
    func chunk(_ documents: [SentenceRows.DocumentRows]) -> SentenceRows.Chunk {
        var chunk = SentenceRows.Chunk(documents: documents)
        for (id, norm) in wordNorms.enumerated() where WordCounts.isWord(norm) {
            chunk.words.counts[norm] = (terms[wordTerms[id]], wordCounts[id])
        }
        chunk.documentFrequency.reserveCapacity(terms.count)
        for (id, t) in terms.enumerated() where sentencesWith[id] > 0 { chunk.documentFrequency[t] = sentencesWith[id] }
        chunk.lengths = ["heading": headingLength, "body": bodyLength, "entities": entitiesLength]
        return chunk
    }

    /// Counts one occurrence of the token's word; returns the term of its stem.
    private mutating func word(_ t: Token) -> Int {
        if let id = wordIDs[t.norm] {
            wordCounts[id] += 1
            return wordTerms[id]
        }
        let termID = term(t.stem)
        wordIDs[t.norm] = wordNorms.count
        wordNorms.append(t.norm)
        wordTerms.append(termID)
        wordCounts.append(1)
        return termID
    }

    private mutating func term(_ text: String) -> Int {
        if let id = termIDs[text] { return id }
        termIDs[text] = terms.count
        terms.append(text)
        sentencesWith.append(0)
        seenIn.append(0)
        return terms.count - 1
    }

    private mutating func entityTerm(_ row: Int64) -> Int {
        if let id = entityTerms[row] { return id }
        let id = term(SearchSchema.entityToken(row))
        entityTerms[row] = id
        return id
    }

    /// Counts the current sentence for `term`, once.
    private mutating func count(_ term: Int) {
        guard seenIn[term] != sentence else { return }
        seenIn[term] = sentence
        sentencesWith[term] += 1
    }
}
