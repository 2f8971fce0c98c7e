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

    /// Merges per-document results into one graph, in time linear in the evidence (plus
    /// sorting the claims): claims are found by (subject, relation, object) and evidence
    /// by (claim, source, sentence), without a key string or a set per claim.
    static func merge(documents: [Document], perDocument: [DocumentClaims], lexicon: Lexicon) -> KnowledgeGraph {
        // Claims in order of first appearance; each claim's evidence grows in place.
        var claims: [Claim] = []
        let found = perDocument.reduce(0) { $0 + $1.claims.count }
        var index = ClaimIndex(capacity: found)
        var sources = SourceNumbers()
        var cited = Set<EvidenceSite>(minimumCapacity: found)
        var discovered: [String: Entity] = [:]
        for result in perDocument {
            for e in result.discovered where lexicon[e.id] == nil && discovered[e.id] == nil { discovered[e.id] = e }
            for c in result.claims {
                let i = index.position(of: c, orAdding: claims.count)
                if i < claims.count {
                    for ev in c.evidence where cited.insert(EvidenceSite(claim: i, source: sources.number(ev.source), sentence: ev.sentence)).inserted {
                        claims[i].evidence.append(ev)
                    }
                } else {
                    claims.append(c)
                    for ev in c.evidence { cited.insert(EvidenceSite(claim: i, source: sources.number(ev.source), sentence: ev.sentence)) }
                }
            }
        }
        for i in claims.indices where claims[i].evidence.count > 1 {
            claims[i].evidence.sort { ($0.source, $0.start) < ($1.source, $1.start) }
        }
        // Merged claims differ in (subject, relation, object): sorting their positions orders
        // them as sorting the claims does, without moving whole claims at each step.
        let order = claims.indices.sorted { a, b in
            (claims[a].subject, claims[a].relation.rawValue, claims[a].object) < (claims[b].subject, claims[b].relation.rawValue, claims[b].object)
        }
        return KnowledgeGraph(entities: mergedByID(lexicon.entities, discovered.values.sorted { $0.id < $1.id }),
                              claims: order.map { claims[$0] }, documents: documents)
    }

    /// Two lists sorted by id as one, `first`'s entity before `second`'s on equal ids (as a
    /// stable sort of `first + second` orders them).
    static func mergedByID(_ first: [Entity], _ second: [Entity]) -> [Entity] {
        var out: [Entity] = []
        out.reserveCapacity(first.count + second.count)
        var i = 0, j = 0
        while i < first.count && j < second.count {
            if second[j].id < first[i].id { out.append(second[j]); j += 1 } else { out.append(first[i]); i += 1 }
        }
        out += first[i...]
        out += second[j...]
        return out
    }
}

/// Claims by (subject, relation, object) as `Claim.key` tells them apart: ids without a
/// `|` (every slug) by the triple; others by the key string, since only such ids can give
/// two triples one key.
private struct ClaimIndex {
    private struct Triple: Hashable {
        var subject: String
        var relation: Relation
        var object: String
    }

    private var byTriple: [Triple: Int]
    private var byKey: [String: Int] = [:]

    init(capacity: Int) {
        byTriple = Dictionary(minimumCapacity: capacity)
    }

    private static func hasBar(_ id: String) -> Bool {
        var id = id
        return id.withUTF8 { $0.contains(UInt8(ascii: "|")) }
    }

    /// The position of the claim with `c`'s key; `next` (and recorded as such) when there is none yet.
    mutating func position(of c: Claim, orAdding next: Int) -> Int {
        var position = next
        func take(_ stored: inout Int) { position = stored }
        if Self.hasBar(c.subject) || Self.hasBar(c.object) {
            take(&byKey[c.key, default: next])
        } else {
            take(&byTriple[Triple(subject: c.subject, relation: c.relation, object: c.object), default: next])
        }
        return position
    }
}

/// Numbers for source paths in order of first appearance. The evidence of one document
/// shares its path, so the last path is compared before the table is asked.
private struct SourceNumbers {
    private var numbers: [String: Int] = [:]
    private var last: (source: String, number: Int)?

    mutating func number(_ source: String) -> Int {
        if let last, last.source == source { return last.number }
        let n = numbers[source] ?? numbers.count
        if n == numbers.count { numbers[source] = n }
        last = (source, n)
        return n
    }
}

/// Where a piece of evidence of a claim is: a sentence of a source.
private struct EvidenceSite: Hashable {
    var claim: Int
    var source: Int
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
