import Foundation

/// The site's terms of each source (`SourceTerms`) from cached builds, one file per
/// document under `<cache>/site-terms/`, named by a hash of the key: a magic line, the
/// key, the content hash of the rest, the document's `MentionScope` and the terms' byte form. A file that fails any
/// check is ignored (the document is tokenized again and the file rewritten); only new
/// terms are written, so a rebuild after an edit writes one file.
enum SourceTermsRecord {
    /// Bump when `SourceTerms`, its byte form or what it holds changes.
    static let version = 2

    /// What a document's key adds for `graph`: the version, the code and the lexicon (`BuildCache.salt`).
    static func salt(_ graph: KnowledgeGraph, in cache: BuildCache) -> String { cache.salt(graph, version: version) }

    private static let records = KeyedRecordFolder(name: "site-terms", magic: "KBSITETERMS\(version)\n")

    /// The name of the file holding the record stored under `key`.
    static func fileName(_ key: String) -> String { records.fileName(key) }

    /// The terms stored under `key`, nil when there is none, it is damaged or
    /// `discovered` holds a change to the entities its document could mention.
    static func load(_ key: String, in cache: BuildCache, discovered: DiscoveredEntities = .none) -> SourceTerms? {
        guard let body = records.load(key, in: cache), let framed = MentionScope.unframe(body), discovered.allow(framed.scope) else { return nil }
        return SourceTerms(bytes: framed.body)
    }

    /// Stores `value` under `key` with the `scope` of its document; failures only cost a future miss.
    static func store(_ value: SourceTerms, key: String, in cache: BuildCache, scope: MentionScope = MentionScope()) {
        records.store(scope.framing(value.bytes()), key: key, in: cache)
    }

    /// Removes the stored records whose keys are not in `keep`.
    static func prune(_ cache: BuildCache, keeping keep: Set<String>) {
        records.prune(cache, keeping: keep)
    }
}
