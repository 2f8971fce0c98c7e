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
        // Other front-matter fields, labelled like the ones above ("description" → "Description").
        for (k, value) in m.extra.sorted(by: { $0.key < $1.key }).prefix(12) { row(k.prefix(1).uppercased() + k.dropFirst(), value) }

        // Distinct claims: a claim the source makes in three sentences counts once (its sentences are counted apart).
        var claims = Set<Int>()
        for ids in claimsHere.values { claims.formUnion(ids) }
        let claimCount = claims.count
        var byRelation: [Relation: Int] = [:]
        for ci in claims { byRelation[model.graph.claims[ci].relation, default: 0] += 1 }
        v.relations = Relation.allCases.compactMap { r in byRelation[r].map { (r.label, Text.grouped($0)) } }
        v.quality = (model.qualityFindings[d.source] ?? []).map { f in (f.severity.rawValue, f.message, f.code) }
        v.claimSummary = claimCount == 0 ? "No claims were extracted from this source."
            : "\(Text.count(claimCount, "claim")) in \(Text.count(claimsHere.count, "sentence")) of \(d.sentences.count). Each highlighted sentence below carries a claim: its names link to their pages, and the tags after it say what it claims."
        v.articleHTML = ArticleHTML(model: model, root: root).render(d, claims: claimsHere, denied: model.deniedClaims[index], mentions: mentions)
        let excluded = d.excluded.count
        v.excludedNote = excluded == 0 ? nil
            : "\(Text.count(excluded, "block")) of the original left out as repeats, site furniture (sign-up boxes, share bars, copyright lines) or word lists."
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

    private func description(_ d: Document, _ title: String) -> String {
        let first = d.sentences.first { d.blocks[$0.block].kind == .paragraph }?.text ?? title
        return Text.truncated(first, 160)
    }
}
