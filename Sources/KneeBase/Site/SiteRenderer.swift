import Foundation

/// Renders the static reference site: a page per entity and per source, an index per
/// kind, home, audit, search, graph, 404, `sitemap.xml`, the theme's assets and the
/// sharded search index. Links are relative, so the site works from any folder.
public enum SiteRenderer {
    /// Renders the site for `graph` into the publisher's staging folder.
    ///
    /// ```swift
    /// try SiteRenderer.render(graph, findings: findings, theme: nil, to: publisher)
    /// ```
    public static func render(_ graph: KnowledgeGraph, findings: [Finding], theme: URL?, baseURL: String? = nil,
                              to publisher: OutputPublisher) throws {
        try render(graph, findings: findings, theme: theme, baseURL: baseURL, writer: SiteWriter(publisher))
    }

    /// Renders the site; with a `memo`, an entity or source page whose digest is the one
    /// the current output's copy was rendered from is linked from there instead of
    /// rendered. Returns every page's digest (page path → digest) for the next build.
    ///
    /// `sourceTerms`, when given, holds every document's `SourceTerms` (as
    /// `SentenceRows.build` fills them in with `mentionFinder(graph)`, which also keeps them
    /// in the build cache), each taken (and released) as its page is rendered; else each
    /// source's are computed here.
    @discardableResult
    static func render(_ graph: KnowledgeGraph, findings: [Finding], theme themeFolder: URL?, baseURL: String? = nil,
                       writer: SiteWriter, memo: PageMemo? = nil, sourceTerms: Handoffs<SourceTerms>? = nil) throws -> [String: String] {
        let theme = try SiteTheme.load(themeFolder)
        let model = SiteModel(graph: graph, findings: findings)
        try writer.prepare(EntityKind.allCases.map(\.plural) + [SitePaths.sourcesFolder, "search/i", "search/f", "assets", "audit", "graph"])
        let finder = mentionFinder(graph)

        // The list pages (through the templates, one after another), the assets and the
        // sitemap read only the model: another thread writes them meanwhile.
        var digests: [String: String] = [:]
        _ = try concurrently({
            try writeListPages(model, theme: theme, baseURL: baseURL, writer: writer)
        }, {
            digests = try renderPages(model, theme: theme, finder: finder, writer: writer, memo: memo, sourceTerms: sourceTerms)
        })
        return digests
    }

    /// The finder of the entity mentions that source pages link and the search index counts.
    static func mentionFinder(_ graph: KnowledgeGraph) -> MentionFinder {
        MentionFinder(lexicon: Lexicon(entities: graph.entities))
    }

    /// Writes the entity and source pages with their search fragments, then the search
    /// index; returns every page's digest.
    private static func renderPages(_ model: SiteModel, theme: SiteTheme, finder: MentionFinder, writer: SiteWriter,
                                    memo: PageMemo?, sourceTerms: Handoffs<SourceTerms>?) throws -> [String: String] {
        let graph = model.graph
        let entityCount = model.orderedEntities.count
        let parts = memo == nil ? PageDigest.Parts() : PageDigest.Parts(model)
        let entityPages = try collect(parallelMap(model.orderedEntities) { e in
            Result { try renderEntity(e, model: model, theme: theme, writer: writer, memo: memo, parts: parts) }
        })
        let sourcePages = try collect(parallelMap(Array(graph.documents.indices)) { i in
            Result { try renderSource(i, model: model, theme: theme, finder: finder, writer: writer, docNumber: entityCount + i, memo: memo,
                                      parts: parts, terms: sourceTerms?.take(i)) }
        })
        var digests: [String: String] = [:]
        for page in entityPages + sourcePages { for case let (path, digest?) in page.digests { digests[path] = digest } }

        var kinds: [(String, Int, Int)] = []
        for (i, e) in model.orderedEntities.enumerated() {
            if kinds.last?.0 == e.kind.rawValue { kinds[kinds.count - 1].2 = i + 1 } else { kinds.append((e.kind.rawValue, i, i + 1)) }
        }
        kinds.append(("source", entityCount, entityCount + graph.documents.count))
        try SearchIndexWriter.write(docs: entityPages.map(\.terms) + sourcePages.map(\.terms), entityCount: entityCount, kinds: kinds,
                                    aliases: aliases(model), to: writer)
        return digests
    }

    /// Writes home, the kind indexes, the sources list, audit, search, graph and 404
    /// pages through the theme's templates, the theme's assets and `sitemap.xml`.
    private static func writeListPages(_ model: SiteModel, theme: SiteTheme, baseURL: String?, writer: SiteWriter) throws {
        let pages = IndexPages(model: model)
        var written: [String] = []
        func page(_ path: String, _ template: String, _ context: [String: Any]) throws {
            try writer.write(theme.render(template, context), to: path)
            written.append(path)
        }
        try page("index.html", "home", pages.home())
        for kind in EntityKind.allCases { try page("\(kind.plural)/index.html", "kind", pages.kind(kind)) }
        for n in 1...pages.sourcePageCount { try page(IndexPages.sourcesPagePath(n), "sources", pages.sources(page: n)) }
        let audit = AuditPage(model: model)
        if theme.builtinPages {
            try writer.write(audit.html(), to: "audit/index.html")
            written.append("audit/index.html")
        } else {
            try page("audit/index.html", "audit", audit.context())
        }
        try page("search/index.html", "search", pages.search())
        try page("graph/index.html", "graph", GraphPage(model: model).context())
        try writer.write(theme.render("404", pages.notFound(baseURL: baseURL)), to: "404.html")
        for asset in theme.assets { try writer.write(asset.bytes, to: "assets/" + asset.path) }

        let graph = model.graph
        let allPages = written + model.orderedEntities.compactMap { model.paths.entity($0.id) } + graph.documents.compactMap { model.paths.source($0.source) }
        try writer.write(Sitemap.xml(allPages, baseURL: baseURL), to: "sitemap.xml")
    }

    /// A rendered page's search terms and the digests of its files (page and search
    /// fragment) when they have one.
    private struct Page {
        var terms = SearchIndexWriter.Terms()
        var digests: [(path: String, digest: String?)] = []
    }

    /// Writes the page at `path` from `render()`, or links the current output's copy when
    /// `digest` is the one that copy was rendered from.
    private static func page(_ path: String, digest: String?, memo: PageMemo?, writer: SiteWriter, _ render: () -> [UInt8]) throws {
        if let digest, memo?.previous[path] == digest, writer.keep(path) { return }
        try writer.write(render(), to: path)
    }

    private static func collect<T>(_ results: [Result<T, any Error>]) throws -> [T] {
        try results.map { try $0.get() }
    }

    /// Writes an entity's page and search fragment; returns its search terms.
    private static func renderEntity(_ e: Entity, model: SiteModel, theme: SiteTheme, writer: SiteWriter, memo: PageMemo?,
                                     parts: PageDigest.Parts) throws -> Page {
        guard let path = model.paths.entity(e.id), let number = model.entityNumber[e.id] else { return Page() }
        let digest = memo?.entityDigest(e, path: path, model: model, theme: theme, parts: parts)
        try page(path, digest: digest, memo: memo, writer: writer) {
            let builder = EntityPage(model: model)
            return theme.builtinPages ? builder.html(e) : theme.render("entity", builder.context(e))
        }
        let answers = EntityPage(model: model).answers(e, limit: 5)
        try writer.write(SearchIndexWriter.entityFragment(e, path: path, answers: answers), to: "search/f/\(number).json")
        let tokenizer = Tokenizer(stemmer: StemmerPool.current)
        var terms = SearchIndexWriter.Terms()
        terms.add(tokenizer.tokens(e.name), weight: 4)
        terms.add(alternatives: EntityPage.distinctAliases(e).map { tokenizer.tokens($0) }, weight: 3)
        terms.add(tokenizer.tokens(e.description), weight: 1)
        terms.addEntity(number, weight: 1)
        terms.prior = 1 + 0.1 * log2(1 + Float(model.sourceCount[e.id] ?? 0))
        return Page(terms: terms, digests: [(path, digest)])
    }

    /// Writes a source's page and search fragment; returns its search terms. Its
    /// `SourceTerms` are `terms` when given, else computed here.
    private static func renderSource(_ i: Int, model: SiteModel, theme: SiteTheme, finder: MentionFinder, writer: SiteWriter, docNumber: Int,
                                     memo: PageMemo?, parts: PageDigest.Parts, terms: SourceTerms?) throws -> Page {
        let d = model.graph.documents[i]
        guard let path = model.paths.source(d.source) else { return Page() }
        let title = model.title(of: d)
        let analysis = terms ?? SourceTerms(d, title: title, tokenizer: Tokenizer(stemmer: StemmerPool.current), finder: finder)
        let mentions = analysis.mentions
        let digest = memo?.sourceDigest(i, path: path, mentions: mentions, model: model, theme: theme, parts: parts)
        try page(path, digest: digest, memo: memo, writer: writer) {
            let builder = SourcePage(model: model)
            return theme.builtinPages ? builder.html(i, mentions: mentions) : theme.render("source", builder.context(i, mentions: mentions))
        }
        let fragment = "search/f/\(docNumber).json"
        let fragmentDigest = memo?.sourceFragmentDigest(d.source, fragment: fragment, path: path)
        try page(fragment, digest: fragmentDigest, memo: memo, writer: writer) { SearchIndexWriter.sourceFragment(d, title: title, path: path) }
        return Page(terms: analysis.searchTerms(d, entityNumber: model.entityNumber), digests: [(path, digest), (fragment, fragmentDigest)])
    }

    /// Every entity's name and aliases as stem sequences, for alias expansion in the browser.
    private static func aliases(_ model: SiteModel) -> [SearchIndexWriter.Alias] {
        let tokenizer = Tokenizer(stemmer: StemmerPool.current)
        var out: [SearchIndexWriter.Alias] = []
        for (n, e) in model.orderedEntities.enumerated() {
            var seen = Set<[String]>()
            for text in [e.name] + e.aliases {
                let stems = tokenizer.tokens(text).map(\.stem)
                if !stems.isEmpty && seen.insert(stems).inserted { out.append(.init(stems: stems, doc: n)) }
            }
        }
        return out
    }
}
