/// The sentence analyses (`SentenceAnalysis`) of earlier cached builds, so a rebuild
/// tokenizes, stems and searches for mentions only in the documents that changed. An
/// analysis's key is the document's build-cache key (its bytes, path, format and the
/// code) and a fingerprint of every entity mention finding knows (lexicon and
/// discovered), which any change of the lexicon or of the discovered entities changes.
struct SentenceMemo: Sendable {
    let cache: BuildCache
    /// Source path → build-cache key of its article.
    let documentKeys: [String: String]

    /// What `key` adds to the document's own key for `graph`'s entities.
    func salt(_ graph: KnowledgeGraph) -> String { cache.salt(graph, version: SentenceMemoRecord.version) }

    /// The key of a document's analysis, nil when the document has no cache key.
    func key(_ source: String, salt: String) -> String? {
        documentKeys[source].map { "\($0)|\(salt)" }
    }

    /// The analysis stored under `key`, nil when there is none or it is damaged.
    func load(_ key: String) -> SentenceAnalysis? { SentenceMemoRecord.load(key, in: cache) }

    /// Stores a new analysis.
    func store(_ analysis: SentenceAnalysis, key: String) { SentenceMemoRecord.store(analysis, key: key, in: cache) }

    /// Removes the analyses of documents that are gone or changed.
    func prune(keeping keys: Set<String>) { SentenceMemoRecord.prune(cache, keeping: keys) }
}
