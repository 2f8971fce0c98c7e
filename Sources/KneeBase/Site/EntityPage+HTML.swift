extension EntityPage {
    /// The page as the built-in `entity.mustache` renders it, written without the template
    /// engine (see `BuiltinPages`).
    func html(_ entity: Entity) -> [UInt8] {
        let v = values(entity)
        var w = HTMLWriter(capacity: 65536)
        BuiltinPages.head(&w, root: root, title: v.name, description: v.description, section: v.kind, jsonLD: v.jsonLD)
        w.raw("\n<main id=\"main\" class=\"entity kind-")
        w.text(v.kind)
        w.raw("\">\n<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"")
        w.text(root)
        w.raw("index.html\">Home</a> › <a href=\"")
        w.text(v.kindHref)
        w.raw("\">")
        w.text(v.kindTitle)
        w.raw("</a> › <span aria-current=\"page\">")
        w.text(v.name)
        w.raw("</span></nav>\n<header class=\"entity-head\">\n<p class=\"kind-label\"><span class=\"dot\" aria-hidden=\"true\"></span>")
        w.text(v.kindLabel)
        if let subtype = v.subtype { w.raw(" · "); w.text(subtype) }
        w.raw("</p>\n<h1>")
        w.text(v.name)
        w.raw("</h1>\n")
        if let lede = v.lede { w.raw("<p class=\"lede\">"); w.text(lede); w.raw("</p>") }
        w.raw("\n")
        if v.discovered { w.raw("<p class=\"note\">Found in the sources but not yet in the curated lexicon.</p>") }
        w.raw("\n<dl class=\"facts\">\n")
        if !v.aliases.isEmpty {
            w.raw("<dt>Also called</dt><dd>")
            for alias in v.aliases { w.raw("<span class=\"alias\">"); w.text(alias); w.raw("</span>") }
            w.raw("</dd>")
        }
        w.raw("\n")
        for (label, list) in [(v.parentLabel, v.parents), (v.childrenLabel, v.children), ("Works on", v.targets), ("Worked by", v.workedBy)] {
            if !list.isEmpty {
                w.raw("<dt>\(label)</dt><dd>")
                for link in list { w.link(link.href, link.name); w.raw(" ") }
                w.raw("</dd>")
            }
            w.raw("\n")
        }
        w.raw("<dt>Sources</dt><dd>")
        w.text(v.sourceSummary)
        w.raw("</dd>\n</dl>\n</header>\n")
        if !v.toc.isEmpty {
            w.raw("<nav class=\"toc\" aria-label=\"On this page\"><ul>")
            for t in v.toc {
                w.raw("<li>")
                w.link("#" + t.id, t.title)
                w.raw(" <span class=\"count\">")
                w.int(t.count)
                w.raw("</span></li>")
            }
            w.raw("</ul></nav>\n")
        }
        if let svg = v.graphSVG {
            w.raw("<section class=\"neighbourhood\" aria-labelledby=\"graph-title\">\n<h2 id=\"graph-title\">Neighbourhood</h2>\n<figure>")
            w.raw(svg)
            w.raw("<figcaption>")
            w.text(v.graphCaption)
            w.raw(" <a href=\"")
            w.text(root)
            w.raw("graph/index.html\">Whole graph</a></figcaption></figure>\n</section>\n")
        }
        for section in v.sections {
            w.raw("<section class=\"relation\" aria-labelledby=\"")
            w.text(section.id)
            w.raw("\">\n<h2 id=\"")
            w.text(section.id)
            w.raw("\">")
            w.text(section.title)
            w.raw("</h2>\n<ol class=\"claims\">\n")
            for item in section.items { Self.write(item, &w) }
            w.raw("</ol>\n")
            if let hidden = section.hidden { w.raw("<p class=\"more\">"); w.text(hidden); w.raw("</p>") }
            w.raw("\n</section>\n")
        }
        if v.sections.isEmpty {
            w.raw("<p class=\"empty\">No source makes a claim about ")
            w.text(v.name)
            w.raw(" yet.</p>\n")
        }
        w.raw("</main>\n")
        BuiltinPages.foot(&w, model: model, root: root)
        return w.bytes
    }

    /// One claim of a section, with `_evidence.mustache` inside.
    private static func write(_ item: Values.Item, _ w: inout HTMLWriter) {
        w.raw("<li class=\"claim kind-")
        w.text(item.kind)
        w.raw(item.open ? "\">\n<details open>\n<summary>" : "\">\n<details>\n<summary>")
        w.link(item.href, item.name)
        w.raw(" <span class=\"sources\">")
        w.text(item.sourceLabel)
        w.raw("</span>")
        if item.hedged { w.raw(" <span class=\"tag hedged\">hedged</span>") }
        if item.negated != nil { w.raw(" <span class=\"tag denied\">disputed</span>") }
        w.raw("</summary>\n<ul class=\"evidence\">\n")
        for q in item.evidence {
            BuiltinPages.evidenceQuote(&w, href: q.href, text: q.text, sourceTitle: q.sourceTitle, line: q.line,
                                       attribution: q.attribution, hedged: q.hedged, negated: q.negated)
        }
        w.raw("</ul>\n")
        if let more = item.more {
            w.raw("<p class=\"more\">")
            w.text(more)
            for link in item.moreLinks { w.raw(" "); w.link(link.href, link.label) }
            w.raw("</p>\n")
        }
        w.raw("</details>\n</li>\n")
    }
}
