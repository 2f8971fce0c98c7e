/// Pages of the built-in theme written straight to bytes instead of through the template
/// engine, which looks every value up by reflection and took more time than building the
/// page: source, entity and audit pages, and the `_head` and `_foot` frame around them.
///
/// The code writes exactly what the built-in templates render. It is used only while the
/// theme's templates are the ones it was written for (`matches`): a theme that overrides
/// any of them, or an edit of `site/templates/`, renders through the templates again (and
/// `BuiltinPagesTests` fails until this code and `templatesDigest` are brought up to date).
enum BuiltinPages {
    /// The templates the code writes, and the digest of their text it was written for.
    static let templates = ["_head", "_foot", "source", "entity", "_evidence", "audit"]
    static let templatesDigest = "7f6c9aec4b0a92da"

    /// The digest of the templates' text in `files` (path → bytes, as a theme holds them).
    static func digest(_ files: [String: [UInt8]]) -> String {
        var bytes: [UInt8] = []
        for name in templates {
            bytes.append(contentsOf: name.utf8)
            bytes.append(0)
            bytes.append(contentsOf: files["templates/\(name).mustache"] ?? [])
            bytes.append(0)
        }
        return ContentHash.hex(bytes)
    }

    /// True when `files` hold the very templates this code writes.
    static func matches(_ files: [String: [UInt8]]) -> Bool { digest(files) == templatesDigest }

    /// `_head.mustache`: the document head (with the page's JSON-LD, if any), header and
    /// navigation, with `section` current.
    static func head(_ w: inout HTMLWriter, root: String, title: String, description: String, section: String, jsonLD: String? = nil) {
        w.raw("""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'">
            <meta name="referrer" content="no-referrer">
            <title>
            """)
        w.text(title)
        w.raw(" · KneeBase</title>\n<meta name=\"description\" content=\"")
        w.text(description)
        w.raw("\">\n<link rel=\"stylesheet\" href=\"")
        w.text(root)
        w.raw("assets/style.css\">\n<link rel=\"icon\" href=\"")
        w.text(root)
        w.raw("assets/icon.svg\" type=\"image/svg+xml\">\n<script src=\"")
        w.text(root)
        w.raw("assets/search.js\" defer></script>\n")
        if let jsonLD {
            w.raw("<script type=\"application/ld+json\">")
            w.raw(jsonLD)
            w.raw("</script>\n")
        }
        w.raw("""
            </head>
            <body>
            <a class="skip" href="#main">Skip to content</a>
            <header class="site-header">
            <div class="bar">
            <a class="brand" href="
            """)
        w.text(root)
        w.raw("index.html\"><span class=\"logo\" aria-hidden=\"true\"></span>KneeBase</a>\n<form class=\"search-box\" role=\"search\" action=\"")
        w.text(root)
        w.raw("""
            search/index.html" method="get">
            <input id="q" name="q" type="search" aria-label="Search the reference" placeholder="Search… (press /)" spellcheck="false" aria-controls="quick">
            <button type="submit">Search</button>
            <div class="quick" id="quick" hidden></div>
            </form>
            </div>
            <nav class="site-nav" aria-label="Main">
            <ul>

            """)
        for item in PageContext.navigation {
            w.raw("<li><a href=\"")
            w.text(root + item.path)
            w.raw(item.key == section ? "\" aria-current=\"page\">" : "\">")
            w.text(item.label)
            w.raw("</a></li>\n")
        }
        w.raw("</ul>\n</nav>\n</header>\n")
    }

    /// `_foot.mustache`: the site footer and the end of the document.
    static func foot(_ w: inout HTMLWriter, model: SiteModel, root: String) {
        w.raw("<footer class=\"site-footer\">\n<p>KneeBase is a reference compiled from ")
        w.int(model.graph.documents.count)
        w.raw(" articles about runner’s knee. Every statement links to the sentence that made it. It is not medical advice: see a clinician about your knee.</p>\n<p><a href=\"")
        for (n, (path, label)) in [("index.html", "Home"), ("sources/index.html", "Sources"), ("audit/index.html", "Audit"),
                                   ("graph/index.html", "Graph"), ("data/graph.jsonld", "JSON-LD"), ("data/kb.sqlite", "SQLite")].enumerated() {
            if n > 0 { w.raw(" · <a href=\"") }
            w.text(root)
            w.raw(path)
            w.raw("\">")
            w.raw(label)
            w.raw("</a>")
        }
        w.raw("</p>\n</footer>\n</body>\n</html>\n")
    }

    /// One quote of `_evidence.mustache`: the sentence, then its source link and line, with
    /// the attribution and the hedged and denied tags when it has them.
    static func evidenceQuote(_ w: inout HTMLWriter, href: String, text: String, sourceTitle: String, line: Int,
                              attribution: String? = nil, hedged: Bool = false, negated: Bool = false) {
        w.raw(negated ? "<li class=\"negated\"><blockquote cite=\"" : "<li><blockquote cite=\"")
        w.text(href)
        w.raw("\"><p>")
        w.text(text)
        w.raw("</p></blockquote>\n<p class=\"cite\">")
        w.link(href, sourceTitle)
        w.raw(", line ")
        w.text(String(line))
        if let attribution { w.raw(" · "); w.text(attribution) }
        if hedged { w.raw(" · <span class=\"tag hedged\">hedged</span>") }
        if negated { w.raw(" · <span class=\"tag denied\">denies it</span>") }
        w.raw("</p></li>\n")
    }
}
