import Foundation
import Synchronization

/// Where a build reads from and writes to.
public struct BuildOptions: Sendable {
    /// The content folder (holding `articles/` and `lexicon/`).
    public var content: URL
    /// The output folder, replaced as a whole when the build succeeds.
    public var output: URL
    /// A theme folder to use instead of the built-in `site/` theme.
    public var theme: URL?
    /// The incremental-build cache folder (see `defaultCache`); nil builds everything from scratch.
    public var cache: URL?
    /// Where the site will be hosted (`https://example.org/kb/`); `sitemap.xml` needs absolute
    /// locations, so without it the sitemap lists paths relative to the site's root.
    public var baseURL: String?

    public init(content: URL, output: URL, theme: URL? = nil, cache: URL? = nil) {
        self.content = content
        self.output = output
        self.theme = theme
        self.cache = cache
    }

    /// Nil when `url` can be the site's base URL (absolute http or https); else what is wrong.
    public static func problem(withBaseURL url: String) -> String? {
        Sitemap.problem(withBaseURL: url)
    }

    /// `.kneebase-cache` beside the output folder (`public/` → `.kneebase-cache/`).
    public static func defaultCache(for output: URL) -> URL {
        output.standardizedFileURL.deletingLastPathComponent().appendingPathComponent(".kneebase-cache")
    }

    /// The articles folder: `content/articles` when it exists, else `content` itself.
    public var articles: URL {
        let sub = content.appendingPathComponent("articles")
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: sub.path, isDirectory: &isDir) && isDir.boolValue ? sub : content
    }
}

/// What a build did: counts, diagnostics and time per stage.
public struct BuildReport: Sendable {
    public var sources = 0
    public var bytes = 0
    public var blocks = 0
    public var sentences = 0
    public var entities = 0
    public var claims = 0
    public var diagnostics: [Diagnostic] = []
    /// Seconds per stage, in pipeline order.
    public var stages: [(name: String, seconds: Double)] = []
    public var elapsed: Double = 0
    /// Articles taken from the build cache without any work.
    public var cacheHits = 0
    /// True when nothing had changed since the last build and its output was kept as it is.
    public var unchanged = false
    /// False when the content had errors: nothing was written and the output folder is as it was.
    public var published = true
}

/// A failure that stops the whole build (the previous output stays as it was).
public struct BuildFailure: Error, CustomStringConvertible {
    public var description: String
}

/// Runs the pipeline: scan → ingest → … → publish.
public enum Builder {
    /// Reads every article under `options.content` in parallel and returns the documents
    /// (none when `keepDocuments` is false: only the diagnostics are wanted).
    public static func ingest(_ options: BuildOptions, diagnostics: inout [Diagnostic], keepDocuments: Bool = true,
                              progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> [Document] {
        let scanned = try ArticleStage.scan(options, cache: nil, diagnostics: &diagnostics)
        let articles = ArticleStage.ingest(scanned, cache: nil, lexicon: "", keepDocuments: keepDocuments, progress: progress)
        for a in articles { diagnostics.append(contentsOf: a.diagnostics) }
        return articles.compactMap(\.document)
    }

    /// Builds `options.output` from `options.content`. When the content has errors, the
    /// report lists them with `published` false and the output folder is left as it was.
    public static func build(_ options: BuildOptions, progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> BuildReport {
        let clock = ContinuousClock()
        let started = clock.now
        var report = BuildReport()
        var stageStart = clock.now
        func stage(_ name: String) {
            let now = clock.now
            report.stages.append((name, (now - stageStart).seconds))
            stageStart = now
        }
        var diagnostics: [Diagnostic] = []
        let cache = options.cache.map(BuildCache.init(folder:))
        let scanned = try ArticleStage.scan(options, cache: cache, diagnostics: &diagnostics)
        // Nothing changed since the last cached build, whose output is still in place: keep it.
        let inputs = cache.map { BuildManifest.inputs(options, articles: scanned, scanDiagnostics: diagnostics, code: $0.code) }
        if let cache, let inputs, let last = BuildManifest.load(cache), last.inputs == inputs,
           last.output == BuildManifest.outputIdentity(options.output),
           last.cacheState == BuildManifest.cacheState(cache, keys: scanned.map(\.key)) {
            Freshness.markChecked(cache.folder)
            return last.report(seconds: (clock.now - started).seconds)
        }
        if let cache { BuildManifest.remove(cache) }
        let lexicon = LexiconLoader.load(options.content.appendingPathComponent("lexicon"), diagnostics: &diagnostics)
        let fingerprint = BuildCache.fingerprint(lexicon)
        var articles = ArticleStage.ingest(scanned, cache: cache, lexicon: fingerprint, progress: progress)
        stage("ingest")
        MemoryProbe.mark("ingest")
        ArticleStage.extract(&articles, lexicon: lexicon, fingerprint: fingerprint, cache: cache)
        MemoryProbe.mark("extract")
        let documents = articles.compactMap(\.document)
        var documentKeys: [String: String] = [:]
        for a in articles { if let key = a.key, let doc = a.document { documentKeys[doc.source] = key } }
        let graph = GraphBuilder.merge(documents: documents, perDocument: articles.compactMap(\.claims), lexicon: lexicon)
        for a in articles { diagnostics.append(contentsOf: a.diagnostics) }
        // Files the cache knows to hold no article (empty, unreadable) are not counted among the sources.
        report.cacheHits = articles.count { $0.cached && $0.document != nil }
        // The graph holds the documents and claims from here on: the per-article copies go
        // (most claims' evidence lists were copied as the merge grew them).
        for i in articles.indices {
            articles[i].document = nil
            articles[i].claims = nil
        }
        stage("extract")
        MemoryProbe.mark("merge")
        report.sources = documents.count
        report.bytes = documents.reduce(0) { $0 + $1.byteCount }
        report.blocks = documents.reduce(0) { $0 + $1.blocks.count }
        report.sentences = documents.reduce(0) { $0 + $1.sentences.count }
        report.entities = graph.entities.count
        report.claims = graph.claims.count
        // An error in the content fails the build: the previous output stays as it is, and so
        // do the records that describe it.
        if diagnostics.contains(where: { $0.severity == .error }) {
            report.published = false
            report.diagnostics = diagnostics.sortedForOutput()
            report.elapsed = (clock.now - started).seconds
            return report
        }
        // The page digests describe the current output only: read them, then drop them until this build is published.
        let previousPages = cache.map { PageMemoRecord.load($0, output: options.output) } ?? [:]
        if let cache { PageMemoRecord.remove(cache) }
        let previousJSON = cache.flatMap { DocumentsJSONRecord.load($0, output: options.output) }
        if let cache { DocumentsJSONRecord.remove(cache) }
        let memo = cache.map { PageMemo(previous: previousPages, documentKeys: documentKeys, code: $0.code) }
        let sentenceMemo = cache.map { SentenceMemo(cache: $0, documentKeys: documentKeys) }
        let publisher: OutputPublisher
        do {
            publisher = try OutputPublisher(output: options.output)
        } catch {
            throw BuildFailure(description: "\(ContentScanner.displayPath(options.output)): error: cannot prepare the output folder: \(error)")
        }
        // Every sentence is tokenized and searched for mentions once, for both the search
        // rows of kb.sqlite and the site's search terms and links.
        let (prepared, sourceTerms) = SearchIndex.prepare(graph, memo: sentenceMemo, site: SiteRenderer.mentionFinder(graph))
        stage("analyze")
        MemoryProbe.mark("prepare")
        do {
            // The data files need the findings only at their end, so they are written while the
            // audit runs and then the site is rendered; each stage is timed on its own.
            let findings = Pending<[Finding]>()
            var audit = 0.0
            var pages: [String: String] = [:]
            let keys = documents.map { documentKeys[$0.source] }
            let objects = Pending<[Range<Int>]>()
            let (store, auditAndRender) = try concurrently({
                objects.supply(try DataFiles.write(documents: documents, graph: graph, findings: findings, to: publisher, memo: sentenceMemo,
                                                   prepared: prepared, keys: keys, previous: previousJSON))
                MemoryProbe.mark("store")
            }, {
                let auditStart = clock.now
                let auditMemo = cache.map { AuditMemo(previous: AuditMemoRecord.load($0), documentKeys: documentKeys, salt: "\($0.code)|\(fingerprint)") }
                let (found, audited) = Auditor.audit(graph, lexicon: lexicon, memo: auditMemo)
                findings.supply(found)
                MemoryProbe.mark("audit")
                if let cache { AuditMemoRecord.store(audited, in: cache) }
                audit = (clock.now - auditStart).seconds
                pages = try SiteRenderer.render(graph, findings: found, theme: options.theme, baseURL: options.baseURL,
                                                writer: SiteWriter(publisher), memo: memo, sourceTerms: sourceTerms)
            })
            MemoryProbe.mark("render")
            report.stages += [("audit", audit), ("store", store), ("render", auditAndRender - audit)]
            stageStart = clock.now
            try publisher.publish()
            if let cache {
                PageMemoRecord.store(pages, output: options.output, in: cache)
                DocumentsJSONRecord.store(keys: keys, objects: objects.value, output: options.output, in: cache)
            }
            stage("publish")
        } catch {
            publisher.discard()
            throw BuildFailure(description: "\(ContentScanner.displayPath(options.output)): error: could not write the output: \(error)")
        }
        cache?.prune(keeping: Set(articles.compactMap(\.key)))
        if let cache { Freshness.markChecked(cache.folder) }
        report.diagnostics = diagnostics.sortedForOutput()
        if let cache, let inputs, let output = BuildManifest.outputIdentity(options.output) {
            BuildManifest(inputs: inputs, output: output, cacheState: BuildManifest.cacheState(cache, keys: articles.map(\.key)),
                          sources: report.sources, bytes: report.bytes, blocks: report.blocks, sentences: report.sentences,
                          entities: report.entities, claims: report.claims, diagnostics: report.diagnostics).store(cache)
        }
        report.elapsed = (clock.now - started).seconds
        MemoryProbe.mark("end")
        return report
    }
}
