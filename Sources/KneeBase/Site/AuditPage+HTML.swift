extension AuditPage {
    /// The page as the built-in `audit.mustache` renders it, written without the template
    /// engine (see `BuiltinPages`): up to 500 findings per kind and severity went through
    /// reflection value by value, the costliest of the list pages.
    func html() -> [UInt8] {
        let groups = groups()
        var w = HTMLWriter(capacity: 1 << 20)
        BuiltinPages.head(&w, root: root, title: Self.title, description: Self.description, section: "audit")
        w.raw("\n<main id=\"main\">\n<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"")
        w.text(root)
        w.raw("index.html\">Home</a> › <span aria-current=\"page\">Audit</span></nav>\n<h1>Audit</h1>\n")
        w.raw("<p class=\"lede\">What an editor should check: claims that stand on one source, sources that contradict each other, and sources of doubtful quality.</p>\n")
        if !groups.isEmpty {
            w.raw("<ul class=\"stats small\">\n")
            for g in groups {
                w.raw("<li><a href=\"#")
                w.text(g.id)
                w.raw("\"><span class=\"n\">")
                w.text(g.count)
                w.raw("</span> ")
                w.text(g.title)
                w.raw("</a></li>")
            }
            w.raw("\n</ul>\n")
        }
        for g in groups {
            w.raw("<section aria-labelledby=\"")
            w.text(g.id)
            w.raw("\">\n<h2 id=\"")
            w.text(g.id)
            w.raw("\">")
            w.text(g.title)
            w.raw(" <span class=\"count\">")
            w.text(g.count)
            w.raw("</span></h2>\n")
            for s in g.severities {
                w.raw("<h3>")
                w.text(s.label)
                w.raw(" <span class=\"count\">")
                w.text(s.count)
                w.raw("</span></h3>\n<ol class=\"findings\">\n")
                for f in s.findings { Self.write(f, &w) }
                w.raw("</ol>\n")
                if let hidden = s.hidden { w.raw("<p class=\"more\">"); w.text(hidden); w.raw("</p>") }
                w.raw("\n")
            }
            w.raw("</section>\n")
        }
        if groups.isEmpty {
            w.raw("<p class=\"empty\">No findings: the audit found nothing to report")
            if model.findings.isEmpty { w.raw(", or has not run yet") }
            w.raw(".</p>\n")
        }
        w.raw("</main>\n")
        BuiltinPages.foot(&w, model: model, root: root)
        return w.bytes
    }

    /// One finding, with `_evidence.mustache` inside.
    private static func write(_ f: Item, _ w: inout HTMLWriter) {
        w.raw("<li class=\"finding sev-")
        w.text(f.severity)
        w.raw("\">\n<p><span class=\"tag sev\">")
        w.text(f.severity)
        w.raw("</span> ")
        w.text(f.message)
        w.raw(" <span class=\"muted\">")
        w.text(f.code)
        w.raw("</span></p>\n")
        for (title, links, more) in [("Claims: ", f.claims, f.moreClaims), ("Sources: ", f.sources, f.moreSources)] {
            if !links.isEmpty {
                w.raw("<p class=\"links\">")
                w.raw(title)
                for link in links { w.link(link.href, link.label); w.raw(" ") }
                if let more { w.raw("<span class=\"muted\">"); w.text(more); w.raw("</span>") }
                w.raw("</p>")
            }
            w.raw("\n")
        }
        if !f.evidence.isEmpty {
            w.raw("<ul class=\"evidence\">\n")
            for q in f.evidence { BuiltinPages.evidenceQuote(&w, href: q.href, text: q.text, sourceTitle: q.sourceTitle, line: q.line) }
            w.raw("</ul>\n")
            if let more = f.more { w.raw("<p class=\"more\">"); w.text(more); w.raw("</p>\n") }
        }
        w.raw("\n</li>\n")
    }
}
