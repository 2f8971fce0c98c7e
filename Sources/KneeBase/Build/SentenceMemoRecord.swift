import Foundation

/// The sentence analyses of cached builds (`SentenceMemo`), one file per document under
/// `<cache>/sentences/`, named by a hash of the analysis's key: a magic line, the key,
/// the content hash of the rest, the document's `MentionScope` and the analysis's byte
/// form (`SentenceAnalysis.bytes()`). A file is read, checked and decoded on the thread that would otherwise analyse
/// its document; one that fails any check is analysed again and rewritten. Only new
/// analyses are written, so a rebuild after an edit writes one file.
enum SentenceMemoRecord {
    /// Bump when `SentenceAnalysis`, its byte form or what it holds changes.
    static let version = 2

    private static let records = KeyedRecordFolder(name: "sentences", magic: "KBSENTENCES\(version)\n")

    /// The name of the file holding the record stored under `key`.
    static func fileName(_ key: String) -> String { records.fileName(key) }

    /// The analysis stored under `key`, nil when there is none, it is damaged or
    /// `discovered` holds a change to the entities its document could mention.
    static func load(_ key: String, in cache: BuildCache, discovered: DiscoveredEntities = .none) -> SentenceAnalysis? {
        guard let body = records.load(key, in: cache), let framed = MentionScope.unframe(body), discovered.allow(framed.scope) else { return nil }
        return SentenceAnalysis(bytes: framed.body)
    }

    /// Stores `value` under `key` with the `scope` of its document; failures only cost a future miss.
    static func store(_ value: SentenceAnalysis, key: String, in cache: BuildCache, scope: MentionScope = MentionScope()) {
        records.store(scope.framing(value.bytes()), key: key, in: cache)
    }

    /// Removes the stored records whose keys are not in `keep`.
    static func prune(_ cache: BuildCache, keeping keep: Set<String>) {
        records.prune(cache, keeping: keep)
    }
}
