import Foundation
import Synchronization

/// One article after the per-document stages: its document (nil when it could not be
/// read), its ingest diagnostics and, once extracted or found in the cache, its claims.
struct ArticleResult: Sendable {
    /// The article's path as shown in diagnostics and stored in its document.
    var source: String
    /// The build-cache key, nil when the file could not be read.
    var key: String?
    var document: Document?
    var diagnostics: [Diagnostic]
    var claims: DocumentClaims?
    /// True when nothing had to be recomputed (the cache had this entry as it is).
    var cached = false
}

/// The per-document stages, with the build cache when there is one: ingest reads every
/// article's bytes and hashes them, taking the document (and its claims, when made with
/// the same lexicon) from the cache; extraction fills in the claims that are missing
/// and stores the new entries.
enum ArticleStage {
    /// Ingests every article under `options.articles`, in parallel, in path order.
    static func ingest(_ options: BuildOptions, cache: BuildCache?, lexicon: String, diagnostics: inout [Diagnostic],
                       progress: (@Sendable (Int, Int) -> Void)?) throws -> [ArticleResult] {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: options.content.path, isDirectory: &isDir), isDir.boolValue else {
            throw BuildFailure(description: "\(ContentScanner.displayPath(options.content)): error: content folder does not exist (pass --content DIR)")
        }
        let entries = ContentScanner.scan(options.articles, diagnostics: &diagnostics)
        let ingester = ArticleIngester()
        let done = Atomic<Int>(0)
        let total = entries.count
        return parallelMap(entries) { entry -> ArticleResult in
            defer { progress?(done.add(1, ordering: .relaxed).newValue, total) }
            var d: [Diagnostic] = []
            guard let cache, let format = ArticleIngester.formats[entry.url.pathExtension.lowercased()],
                  let bytes = try? FileReader.read(entry.url, limit: ingester.maxArticleBytes) else {
                // No cache, or a file ingest refuses: let it say why.
                let doc = ingester.ingest(url: entry.url, displayPath: entry.displayPath, diagnostics: &d)
                return ArticleResult(source: entry.displayPath, key: nil, document: doc, diagnostics: d)
            }
            let key = cache.key(bytes: bytes, source: entry.displayPath, format: format)
            var notes: [Diagnostic] = []
            if let hit = cache.load(key, source: entry.displayPath, diagnostics: &notes) {
                let fresh = hit.document == nil || (hit.lexicon == lexicon && hit.claims != nil)
                return ArticleResult(source: entry.displayPath, key: key, document: hit.document, diagnostics: hit.diagnostics + notes,
                                     claims: fresh ? hit.claims : nil, cached: fresh)
            }
            let doc = ingester.ingest(bytes: bytes, format: format, displayPath: entry.displayPath, diagnostics: &d)
            return ArticleResult(source: entry.displayPath, key: key, document: doc, diagnostics: d + notes)
        }
    }

    /// Extracts the claims the cache did not have and stores every entry that changed.
    static func extract(_ articles: inout [ArticleResult], lexicon: Lexicon, fingerprint: String, cache: BuildCache?) {
        let extractor = GraphBuilder.extractor(for: lexicon)
        let input = articles
        articles = parallelMap(input) { a -> ArticleResult in
            guard !a.cached else { return a }
            var a = a
            if let doc = a.document, a.claims == nil { a.claims = GraphBuilder.extract(doc, extractor: extractor) }
            if let cache, let key = a.key {
                // Cache notes describe this build's cache, not the article: they are not stored.
                let entry = BuildCache.Entry(source: a.source, document: a.document,
                                             diagnostics: a.diagnostics.filter { $0.id != BuildCache.corruptID },
                                             lexicon: fingerprint, claims: a.claims)
                cache.store(entry, key: key)
            }
            return a
        }
    }
}
