/// The FTS rows of every sentence, computed in parallel over chunks of documents:
/// heading-path stems, sentence stems, the entities mentioned, and a tier that orders
/// rowids (0: evidence for a claim, 1: mentions an entity, 2: the rest).
struct SentenceRows {
    static let tiers = 3

    struct Row {
        var sentence: Int
        var tier: Int
        /// Index into `DocumentRows.headings`.
        var heading: Int
        var body: String
        var entities: String
    }

    struct DocumentRows {
        var firstSentenceID: Int64
        var headings: [String]
        var rows: [Row]
    }

    struct Chunk {
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
            let tokenizer = Tokenizer(stemmer: StemmerPool.current)
            var chunk = Chunk()
            for i in range {
                chunk.documents.append(rows(documents[i], firstID: ids[i], evidence: evidenceSets[documents[i].source] ?? [],
                                            tokenizer: tokenizer, entities: entities, finder: finder, into: &chunk))
            }
            return chunk
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

    private static func rows(_ d: Document, firstID: Int64, evidence: Set<Int>, tokenizer: Tokenizer, entities: SearchEntityOrder,
                             finder: MentionFinder, into chunk: inout Chunk) -> DocumentRows {
        var headings: [String] = []
        var headingTokens: [Int] = []
        var headingStems: [Set<String>] = []
        var headingOfBlock: [Int: Int] = [:]
        var rows: [Row] = []
        rows.reserveCapacity(d.sentences.count)
        for (k, s) in d.sentences.enumerated() {
            let heading: Int
            if let h = headingOfBlock[s.block] {
                heading = h
            } else {
                // Each heading of the path on its own, so that a phrase cannot run from one into the next.
                let parts = d.headingPath(of: s).map { tokenizer.tokens($0).map(\.stem) }.filter { !$0.isEmpty }
                headings.append(parts.map { $0.joined(separator: " ") }.joined(separator: " \(SearchSchema.aliasSeparator) "))
                headingStems.append(Set(parts.joined()))
                headingTokens.append(parts.reduce(0) { $0 + $1.count })
                heading = headings.count - 1
                headingOfBlock[s.block] = heading
            }
            let tokens = tokenizer.tokens(s.text)
            chunk.words.add(tokens)
            var mentioned: [Int64] = []
            for m in finder.mentions(in: tokens) {
                if let row = entities.rowid[m.entity], !mentioned.contains(row) { mentioned.append(row) }
            }
            let entityTokens = mentioned.map(SearchSchema.entityToken)
            var terms = Set(tokens.map(\.stem))
            terms.formUnion(entityTokens)
            terms.formUnion(headingStems[heading])
            for t in terms { chunk.documentFrequency[t, default: 0] += 1 }
            chunk.lengths["heading", default: 0] += headingTokens[heading]
            chunk.lengths["body", default: 0] += tokens.count
            chunk.lengths["entities", default: 0] += entityTokens.count
            let tier = evidence.contains(k) ? 0 : mentioned.isEmpty ? 2 : 1
            rows.append(Row(sentence: k, tier: tier, heading: heading, body: tokens.map(\.stem).joined(separator: " "),
                            entities: entityTokens.joined(separator: " ")))
        }
        return DocumentRows(firstSentenceID: firstID, headings: headings, rows: rows)
    }
}
