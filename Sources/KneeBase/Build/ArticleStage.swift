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

/// An article file found by the content scan, with its cache key when it could be read.
struct ScannedArticle: Sendable {
    var entry: ContentScanner.Entry
    var key: String?
    /// What the build manifest compares: the key, or the file's size and time when it has none.
    var token: String

    /// Size and modification time of a file ("?" when it cannot be stat'ed).
    static func stamp(_ path: String) -> String {
        var st = stat()
        guard stat(path, &st) == 0 else { return "?" }
        return "\(st.st_mode)-\(st.st_size)-\(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec)"
    }
}

/// The per-document stages, with the build cache when there is one: the scan reads every
/// article's bytes and hashes them into its cache key (which the build manifest also
/// compares), ingest takes the document (and its claims, when made with the same
/// lexicon) from the cache or reads the file again; extraction fills in the claims that
/// are missing and stores the new entries.
enum ArticleStage {
    /// Finds every article under `options.articles`, in path order, and with a cache
    /// reads and hashes each one (in parallel) for its cache key.
    static func scan(_ options: BuildOptions, cache: BuildCache?, diagnostics: inout [Diagnostic]) throws -> [ScannedArticle] {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: options.content.path, isDirectory: &isDir), isDir.boolValue else {
            throw BuildFailure(description: "\(ContentScanner.displayPath(options.content)): error: content folder does not exist (pass --content DIR)")
        }
        let entries = ContentScanner.scan(options.articles, base: options.content.standardizedFileURL.deletingLastPathComponent(), diagnostics: &diagnostics)
        guard let cache else { return entries.map { ScannedArticle(entry: $0, key: nil, token: "") } }
        let limit = ArticleIngester().maxArticleBytes
        return parallelMap(entries) { entry in
            guard let format = ArticleIngester.format(ofPath: entry.path),
                  let bytes = try? FileReader.read(path: entry.path, limit: limit) else {
                return ScannedArticle(entry: entry, key: nil, token: ScannedArticle.stamp(entry.path))
            }
            let key = cache.key(bytes: bytes, source: entry.displayPath, format: format)
            return ScannedArticle(entry: entry, key: key, token: key)
        }
    }

    /// Ingests the scanned articles, in parallel, in path order: from the cache when it
    /// has the article's key, else by reading the file again. Without `keepDocuments`
    /// (`kneebase check`) each document is dropped on the thread that read it.
    static func ingest(_ scanned: [ScannedArticle], cache: BuildCache?, lexicon: String, keepDocuments: Bool = true,
                       progress: (@Sendable (Int, Int) -> Void)?) -> [ArticleResult] {
        var reader = ArticleIngester()
        // Without a cache nor documents to keep, nothing reads the content hash.
        reader.hashesContent = cache != nil || keepDocuments
        let ingester = reader
        let done = Atomic<Int>(0)
        let total = scanned.count
        return parallelMap(scanned) { article -> ArticleResult in
            defer { progress?(done.add(1, ordering: .relaxed).newValue, total) }
            let entry = article.entry
            var d: [Diagnostic] = []
            var notes: [Diagnostic] = []
            if let cache, let key = article.key, let hit = cache.load(key, source: entry.displayPath, diagnostics: &notes) {
                let fresh = hit.document == nil || (hit.lexicon == lexicon && hit.claims != nil)
                return ArticleResult(source: entry.displayPath, key: key, document: hit.document, diagnostics: hit.diagnostics + notes,
                                     claims: fresh ? hit.claims : nil, cached: fresh)
            }
            guard let cache, article.key != nil, let format = ArticleIngester.format(ofPath: entry.path),
                  let bytes = try? FileReader.read(path: entry.path, limit: ingester.maxArticleBytes) else {
                // No cache, or a file ingest refuses: let it say why.
                let doc = ingester.ingest(path: entry.path, displayPath: entry.displayPath, diagnostics: &d)
                return ArticleResult(source: entry.displayPath, key: nil, document: keepDocuments ? doc : nil, diagnostics: notes.isEmpty ? d : d + notes)
            }
            // Read again: the key is the one of the bytes actually ingested, even if the file changed since the scan.
            let key = cache.key(bytes: bytes, source: entry.displayPath, format: format)
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
