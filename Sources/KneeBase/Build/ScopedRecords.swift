import Foundation

/// A value that a per-document record holds in its byte form.
protocol RecordBody: Sendable {
    /// The value's bytes, read back by `init?(bytes:)`.
    func bytes() -> [UInt8]
    /// The value from `bytes()`'s output; nil when the bytes are not such output.
    init?(bytes: ArraySlice<UInt8>)
}

extension SentenceAnalysis: RecordBody {}
extension SourceTerms: RecordBody {}

/// One kind of per-document record of cached builds, one file per document in a folder
/// of the cache (`KeyedRecordFolder`: magic line, key, content hash, body), the body being
/// the document's `MentionScope` and the value's byte form. A file that fails any check,
/// or whose scope's discovered entities changed, reads as missing: the document is
/// analysed again and its file rewritten. Only new values are written, so a rebuild after
/// an edit writes one file per kind.
struct ScopedRecords<Value: RecordBody>: Sendable {
    /// Part of every key (`salt`): bump it when the value, its byte form or what it holds changes.
    let version: Int
    private let folder: KeyedRecordFolder

    init(folder name: String, kind: String, version: Int) {
        self.version = version
        folder = KeyedRecordFolder(name: name, magic: "\(kind)\(version)\n")
    }

    /// What a document's key adds: the version, the code and the `lexicon` fingerprint (`BuildCache.salt`).
    func salt(lexicon: String, in cache: BuildCache) -> String { cache.salt(lexicon: lexicon, version: version) }

    /// The name of the file holding the record stored under `key`.
    func fileName(_ key: String) -> String { folder.fileName(key) }

    /// The value stored under `key`, nil when there is none, it is damaged or
    /// `discovered` holds a change to the entities its document could mention.
    func load(_ key: String, in cache: BuildCache, discovered: DiscoveredEntities = .none) -> Value? {
        guard let body = folder.load(key, in: cache), let framed = MentionScope.unframe(body), discovered.allow(framed.scope) else { return nil }
        return Value(bytes: framed.body)
    }

    /// Stores `value` under `key` with the `scope` of its document; failures only cost a future miss.
    func store(_ value: Value, key: String, in cache: BuildCache, scope: MentionScope = MentionScope()) {
        folder.store(scope.framing(value.bytes()), key: key, in: cache)
    }

    /// Removes the stored records whose keys are not in `keep`.
    func prune(_ cache: BuildCache, keeping keep: Set<String>) {
        folder.prune(cache, keeping: keep)
    }
}

/// The per-document records of the analyze stage.
enum DocumentRecords {
    /// Each document's sentence analyses for the search rows (`SentenceMemo`), under `<cache>/sentences/`.
    static let sentences = ScopedRecords<SentenceAnalysis>(folder: "sentences", kind: "KBSENTENCES", version: 2)
    /// Each document's terms for the site's search (`SourceTerms`), under `<cache>/site-terms/`.
    static let siteTerms = ScopedRecords<SourceTerms>(folder: "site-terms", kind: "KBSITETERMS", version: 2)
}
