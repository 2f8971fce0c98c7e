import Foundation

/// The sentence analyses of cached builds (`SentenceMemo`), one file per document under
/// `<cache>/sentences/`, named by a hash of the analysis's key: a magic line, the key,
/// the content hash of the analysis's byte form (`SentenceAnalysis.bytes()`) and those
/// bytes. A file is read, checked and decoded on the thread that would otherwise analyse
/// its document; one that fails any check is analysed again and rewritten. Only new
/// analyses are written, so a rebuild after an edit writes one file.
enum SentenceMemoRecord {
    /// Bump when `SentenceAnalysis`, its byte form or what it holds changes.
    static let version = 1

    private static let records = KeyedRecordFolder(name: "sentences", magic: "KBSENTENCES\(version)\n")

    /// The name of the file holding the record stored under `key`.
    static func fileName(_ key: String) -> String { records.fileName(key) }

    /// The analysis stored under `key`, nil when there is none or it is damaged.
    static func load(_ key: String, in cache: BuildCache) -> SentenceAnalysis? {
        records.load(key, in: cache).flatMap { SentenceAnalysis(bytes: $0) }
    }

    /// Stores `value` under `key`; failures only cost a future miss.
    static func store(_ value: SentenceAnalysis, key: String, in cache: BuildCache) {
        records.store(value.bytes(), key: key, in: cache)
    }

    /// Removes the stored records whose keys are not in `keep`.
    static func prune(_ cache: BuildCache, keeping keep: Set<String>) {
        records.prune(cache, keeping: keep)
    }
}
