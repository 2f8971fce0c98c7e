extension SourcePage {
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
}
