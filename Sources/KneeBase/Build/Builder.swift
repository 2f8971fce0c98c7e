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

    public init(content: URL, output: URL, theme: URL? = nil) {
        self.content = content
        self.output = output
        self.theme = theme
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
}

/// A failure that stops the whole build (the previous output stays as it was).
public struct BuildFailure: Error, CustomStringConvertible {
    public var description: String
}

/// Runs the pipeline: scan → ingest → … → publish.
public enum Builder {
    /// Reads every article under `options.content` in parallel and returns the documents.
    public static func ingest(_ options: BuildOptions, diagnostics: inout [Diagnostic],
                              progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> [Document] {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: options.content.path, isDirectory: &isDir), isDir.boolValue else {
            throw BuildFailure(description: "\(ContentScanner.displayPath(options.content)): error: content folder does not exist (pass --content DIR)")
        }
        let entries = ContentScanner.scan(options.articles, diagnostics: &diagnostics)
        let ingester = ArticleIngester()
        let done = Atomic<Int>(0)
        let total = entries.count
        let results = parallelMap(entries) { entry -> (Document?, [Diagnostic]) in
            var d: [Diagnostic] = []
            let doc = ingester.ingest(url: entry.url, displayPath: entry.displayPath, diagnostics: &d)
            let n = done.add(1, ordering: .relaxed).newValue
            progress?(n, total)
            return (doc, d)
        }
        var documents: [Document] = []
        documents.reserveCapacity(results.count)
        for (doc, d) in results {
            diagnostics.append(contentsOf: d)
            if let doc { documents.append(doc) }
        }
        return documents
    }

    /// Builds `options.output` from `options.content`.
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
        let documents = try ingest(options, diagnostics: &diagnostics, progress: progress)
        stage("ingest")
        let lexicon = LexiconLoader.load(options.content.appendingPathComponent("lexicon"), diagnostics: &diagnostics)
        let graph = GraphBuilder.build(documents: documents, lexicon: lexicon)
        stage("extract")
        let findings = Auditor.audit(graph, lexicon: lexicon)
        stage("audit")
        let publisher: OutputPublisher
        do {
            publisher = try OutputPublisher(output: options.output)
        } catch {
            throw BuildFailure(description: "\(ContentScanner.displayPath(options.output)): error: cannot prepare the output folder: \(error)")
        }
        do {
            // The data files and the site need only the graph: written at the same time, each timed on its own.
            let (store, render) = try concurrently({
                try DataFiles.write(documents: documents, graph: graph, findings: findings, to: publisher)
            }, {
                try SiteRenderer.render(graph, findings: findings, theme: options.theme, to: publisher)
            })
            report.stages += [("store", store), ("render", render)]
            stageStart = clock.now
            try publisher.publish()
            stage("publish")
        } catch {
            publisher.discard()
            throw BuildFailure(description: "\(ContentScanner.displayPath(options.output)): error: could not write the output: \(error)")
        }
        report.sources = documents.count
        report.bytes = documents.reduce(0) { $0 + $1.byteCount }
        report.blocks = documents.reduce(0) { $0 + $1.blocks.count }
        report.sentences = documents.reduce(0) { $0 + $1.sentences.count }
        report.entities = graph.entities.count
        report.claims = graph.claims.count
        report.diagnostics = diagnostics.sortedForOutput()
        report.elapsed = (clock.now - started).seconds
        return report
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        let c = components
        return Double(c.seconds) + Double(c.attoseconds) / 1e18
    }
}
