import Foundation

/// Builds the knowledge graph: extracts claims from every document in parallel, then
/// merges them across sources by (subject, relation, object), keeping all evidence.
public enum GraphBuilder {
    /// Extracts the claims of one document (used in parallel and by the cache).
    static func extract(_ document: Document, extractor: ClaimExtractor) -> DocumentClaims {
        extractor.extract(document, stemmer: StemmerPool.current)
    }

    /// The extractor `extract` runs with for `lexicon`.
    static func extractor(for lexicon: Lexicon) -> ClaimExtractor {
        ClaimExtractor(lexicon: lexicon, finder: MentionFinder(lexicon: lexicon))
    }

    /// The graph of `documents` under `lexicon`.
    public static func build(documents: [Document], lexicon: Lexicon) -> KnowledgeGraph {
        let extractor = extractor(for: lexicon)
        let perDocument = parallelMap(documents) { extract($0, extractor: extractor) }
        return merge(documents: documents, perDocument: perDocument, lexicon: lexicon)
    }

    /// Merges per-document results into one graph.
    static func merge(documents: [Document], perDocument: [DocumentClaims], lexicon: Lexicon) -> KnowledgeGraph {
        // Claims in order of first appearance, found by key; each claim's evidence
        // grows in place, with the (source, sentence) pairs it already has in a set.
        var claims: [Claim] = []
        var index: [String: Int] = [:]
        var cited: [Set<EvidenceSite>] = []
        var discovered: [String: Entity] = [:]
        for result in perDocument {
            for e in result.discovered where lexicon[e.id] == nil && discovered[e.id] == nil { discovered[e.id] = e }
            for c in result.claims {
                let key = c.key
                if let i = index[key] {
                    for ev in c.evidence where cited[i].insert(EvidenceSite(source: ev.source, sentence: ev.sentence)).inserted {
                        claims[i].evidence.append(ev)
                    }
                } else {
                    index[key] = claims.count
                    claims.append(c)
                    cited.append(Set(c.evidence.map { EvidenceSite(source: $0.source, sentence: $0.sentence) }))
                }
            }
        }
        let sortedClaims = claims.map { c -> Claim in
            var c = c
            c.evidence.sort { ($0.source, $0.start) < ($1.source, $1.start) }
            return c
        }.sorted { ($0.subject, $0.relation.rawValue, $0.object) < ($1.subject, $1.relation.rawValue, $1.object) }
        let entities = (lexicon.entities + discovered.values).sorted { $0.id < $1.id }
        return KnowledgeGraph(entities: entities, claims: sortedClaims, documents: documents)
    }
}

/// Where a piece of evidence is: a sentence of a source.
private struct EvidenceSite: Hashable {
    var source: String
    var sentence: Int
}

/// One stemmer per thread (libstemmer instances are not thread-safe), kept in a
/// thread-specific slot (Foundation's thread dictionary cost more than the stemming of a
/// short document) and released when its thread ends.
enum StemmerPool {
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        #if os(Linux)
        pthread_key_create(&key) { pointer in
            if let pointer { Unmanaged<Stemmer>.fromOpaque(pointer).release() }
        }
        #else
        pthread_key_create(&key) { pointer in Unmanaged<Stemmer>.fromOpaque(pointer).release() }
        #endif
        return key
    }()

    static var current: Stemmer {
        if let pointer = pthread_getspecific(key) { return Unmanaged<Stemmer>.fromOpaque(pointer).takeUnretainedValue() }
        let stemmer = Stemmer()
        pthread_setspecific(key, Unmanaged.passRetained(stemmer).toOpaque())
        return stemmer
    }
}
