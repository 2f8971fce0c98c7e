/// The sentence analyses (`SentenceAnalysis`) of earlier cached builds, so a rebuild
/// tokenizes, stems and searches for mentions only in the documents that changed. An
/// analysis's key is the document's build-cache key (its bytes, path, format and the
/// code) and a fingerprint of the lexicon; the record itself keeps which discovered
/// entities its document could mention (`MentionScope`) and is analysed again when those change.
struct SentenceMemo: Sendable {
    let cache: BuildCache
    /// Source path → build-cache key of its article.
    let documentKeys: [String: String]

    /// The key of a document's analysis, nil when the document has no cache key.
    func key(_ source: String, salt: String) -> String? {
        documentKeys[source].map { "\($0)|\(salt)" }
    }

    /// The analysis stored under `key`, nil when there is none, it is damaged or the
    /// `discovered` entities its document could mention changed.
    func load(_ key: String, discovered: DiscoveredEntities) -> SentenceAnalysis? {
        DocumentRecords.sentences.load(key, in: cache, discovered: discovered)
    }

    /// Stores a new analysis with its document's scope.
    func store(_ analysis: SentenceAnalysis, key: String, scope: MentionScope) {
        DocumentRecords.sentences.store(analysis, key: key, in: cache, scope: scope)
    }

    /// Removes the analyses of documents that are gone or changed.
    func prune(keeping keys: Set<String>) { DocumentRecords.sentences.prune(cache, keeping: keys) }
}
