/// Builds the page of one source: metadata, quality findings, the claims it makes, and
/// the cleaned article with every claim-carrying sentence highlighted.
struct SourcePage {
    let model: SiteModel
    let root = "../"

    /// What the page shows, before it becomes template values or HTML.
    struct Values {
        var title: String
        var description: String
        var meta: [(label: String, value: String, href: String?)] = []
        var quality: [(severity: String, message: String, code: String)] = []
        var relations: [(label: String, count: String)] = []
        var claimSummary: String = ""
        var articleHTML: String = ""
        var excludedNote: String?
    }

    func values(_ index: Int, mentions: [[Mention]]) -> Values {
        let d = model.graph.documents[index]
        let title = model.title(of: d)
        let claimsHere = model.sentenceClaims[index]
        var v = Values(title: title, description: description(d, title))
        func row(_ label: String, _ value: String?, href: String? = nil) {
            guard let value = value?.trimmingASCIIWhitespace(), !value.isEmpty else { return }
            v.meta.append((label, value, href.flatMap { $0.isEmpty ? nil : $0 }))
        }
        let m = d.metadata
        row("Author", m.author)
        row("Publisher", m.publisher)
        row("Date", m.date)
        row("Kind", m.kind)
        row("Language", m.language)
        row("Original", m.url, href: HTML.safeExternalURL(m.url))
        row("File", "\(d.source) (\(d.format.rawValue), \(Text.count(d.byteCount, "byte")))")
        row("Read as", "\(Text.count(d.blocks.count, "block")), \(Text.count(d.sentences.count, "sentence"))")
        for (k, value) in m.extra.sorted(by: { $0.key < $1.key }).prefix(12) { row(k, value) }

        var claimCount = 0
        var byRelation: [Relation: Int] = [:]
        for ids in claimsHere.values {
            claimCount += ids.count
            for ci in ids { byRelation[model.graph.claims[ci].relation, default: 0] += 1 }
        }
        v.relations = Relation.allCases.compactMap { r in byRelation[r].map { (r.label, Text.grouped($0)) } }
        v.quality = (model.qualityFindings[d.source] ?? []).map { f in (f.severity.rawValue, f.message, f.code) }
        v.claimSummary = claimCount == 0 ? "No claims were extracted from this source."
            : "\(Text.count(claimCount, "claim")) in \(Text.count(claimsHere.count, "sentence")) of \(d.sentences.count). Each highlighted sentence below carries a claim: its names link to their pages, and the tags after it say what it claims."
        v.articleHTML = ArticleHTML(model: model, root: root).render(d, claims: claimsHere, denied: model.deniedClaims[index], mentions: mentions)
        let excluded = d.excluded.count
        v.excludedNote = excluded == 0 ? nil
            : "\(Text.count(excluded, "block")) of the original left out as repeats or site furniture (sign-up boxes, share bars, copyright lines)."
        return v
    }

    /// The template values of the page (for a theme's `source.mustache`).
    func context(_ index: Int, mentions: [[Mention]]) -> [String: Any] {
        let v = values(index, mentions: mentions)
        var ctx = PageContext.common(model, root: root, title: v.title, description: v.description, section: "source")
        ctx.merge([
            "title": v.title,
            "meta": v.meta.map { ["label": $0.label, "value": $0.value, "href": orFalse($0.href)] as [String: Any] },
            "quality": v.quality.map { ["severity": $0.severity, "message": $0.message, "code": $0.code] },
            "relations": v.relations.map { ["label": $0.label, "count": $0.count] },
            "claimSummary": v.claimSummary,
            "articleHTML": v.articleHTML,
            "excludedNote": orFalse(v.excludedNote),
        ]) { _, new in new }
        return ctx
    }

    /// The page as the built-in `source.mustache` renders it, written without the template
    /// engine (see `BuiltinPages`).
    func html(_ index: Int, mentions: [[Mention]]) -> [UInt8] {
        let v = values(index, mentions: mentions)
        var w = HTMLWriter(capacity: v.articleHTML.utf8.count + 8192)
        BuiltinPages.head(&w, root: root, title: v.title, description: v.description, section: "source")
        w.raw("\n<main id=\"main\" class=\"source\">\n<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"")
        w.text(root)
        w.raw("index.html\">Home</a> › <a href=\"")
        w.text(root)
        w.raw("sources/index.html\">Sources</a> › <span aria-current=\"page\">")
        w.text(v.title)
        w.raw("</span></nav>\n<h1>")
        w.text(v.title)
        w.raw("</h1>\n<dl class=\"meta\">\n")
        for row in v.meta {
            w.raw("<dt>")
            w.text(row.label)
            w.raw("</dt><dd>")
            if let href = row.href {
                w.raw("<a href=\"")
                w.text(href)
                w.raw("\" rel=\"nofollow noopener noreferrer\">")
                w.text(row.value)
                w.raw("</a>")
            } else {
                w.text(row.value)
            }
            w.raw("</dd>\n")
        }
        w.raw("</dl>\n")
        if !v.quality.isEmpty {
            w.raw("<section class=\"quality\" aria-labelledby=\"quality\">\n<h2 id=\"quality\">Source quality</h2>\n<ul class=\"findings\">\n")
            for f in v.quality {
                w.raw("<li class=\"finding sev-")
                w.text(f.severity)
                w.raw("\"><span class=\"tag sev\">")
                w.text(f.severity)
                w.raw("</span> ")
                w.text(f.message)
                w.raw(" <span class=\"muted\">(")
                w.text(f.code)
                w.raw(")</span></li>\n")
            }
            w.raw("</ul>\n</section>\n")
        }
        w.raw("<section class=\"claims-summary\" aria-labelledby=\"claims\">\n<h2 id=\"claims\">Claims in this source</h2>\n<p>")
        w.text(v.claimSummary)
        w.raw("</p>\n")
        if !v.relations.isEmpty {
            w.raw("<ul class=\"relation-counts\">")
            for r in v.relations {
                w.raw("<li>")
                w.text(r.label)
                w.raw(" <span class=\"count\">")
                w.text(r.count)
                w.raw("</span></li>")
            }
            w.raw("</ul>\n")
        }
        w.raw("</section>\n<article class=\"article\" aria-labelledby=\"article-title\">\n<h2 id=\"article-title\">The article</h2>\n")
        w.raw(v.articleHTML)
        w.raw("\n</article>\n")
        if let note = v.excludedNote {
            w.raw("<p class=\"note\">")
            w.text(note)
            w.raw("</p>")
        }
        w.raw("\n</main>\n")
        BuiltinPages.foot(&w, model: model, root: root)
        return w.bytes
    }

    private func description(_ d: Document, _ title: String) -> String {
        let first = d.sentences.first { d.blocks[$0.block].kind == .paragraph }?.text ?? title
        return Text.truncated(first, 160)
    }
}
