import Foundation

/// Builds the knowledge graph: extracts claims from every document in parallel, then
/// merges them across sources by (subject, relation, object), keeping all evidence.
public enum GraphBuilder {
    /// Extracts the claims of one document (used in parallel and by the cache).
    static func extract(_ document: Document, extractor: ClaimExtractor) -> DocumentClaims {
        extractor.extract(document, stemmer: StemmerPool.current)
    }

    /// The graph of `documents` under `lexicon`.
    public static func build(documents: [Document], lexicon: Lexicon) -> KnowledgeGraph {
        let finder = MentionFinder(lexicon: lexicon)
        let extractor = ClaimExtractor(lexicon: lexicon, finder: finder)
        let perDocument = parallelMap(documents) { extract($0, extractor: extractor) }
        return merge(documents: documents, perDocument: perDocument, lexicon: lexicon)
    }

    /// Merges per-document results into one graph.
    static func merge(documents: [Document], perDocument: [DocumentClaims], lexicon: Lexicon) -> KnowledgeGraph {
        var claims: [String: Claim] = [:]
        var discovered: [String: Entity] = [:]
        for result in perDocument {
            for e in result.discovered where lexicon[e.id] == nil && discovered[e.id] == nil { discovered[e.id] = e }
            for c in result.claims {
                if var existing = claims[c.key] {
                    for ev in c.evidence where !existing.evidence.contains(where: { $0.source == ev.source && $0.sentence == ev.sentence }) {
                        existing.evidence.append(ev)
                    }
                    claims[c.key] = existing
                } else {
                    claims[c.key] = c
                }
            }
        }
        let sortedClaims = claims.values.map { c -> Claim in
            var c = c
            c.evidence.sort { ($0.source, $0.start) < ($1.source, $1.start) }
            return c
        }.sorted { ($0.subject, $0.relation.rawValue, $0.object) < ($1.subject, $1.relation.rawValue, $1.object) }
        let entities = (lexicon.entities + discovered.values).sorted { $0.id < $1.id }
        return KnowledgeGraph(entities: entities, claims: sortedClaims, documents: documents)
    }
}

/// One stemmer per thread (libstemmer instances are not thread-safe).
enum StemmerPool {
    static var current: Stemmer {
        let key = "kneebase.stemmer"
        if let s = Thread.current.threadDictionary[key] as? Stemmer { return s }
        let s = Stemmer()
        Thread.current.threadDictionary[key] = s
        return s
    }
}
