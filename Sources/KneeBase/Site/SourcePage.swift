/// Builds the page of one source: metadata, quality findings, the claims it makes, and
/// the cleaned article with every claim-carrying sentence highlighted.
struct SourcePage {
    let model: SiteModel
    let root = "../"

    func context(_ index: Int, mentions: [[Mention]]) -> [String: Any] {
        let d = model.graph.documents[index]
        let title = model.title(of: d)
        let claimsHere = model.sentenceClaims[index]
        var ctx = PageContext.common(model, root: root, title: title, description: description(d, title), section: "source")
        var rows: [[String: Any]] = []
        func row(_ label: String, _ value: String?, href: String? = nil) {
            guard let value = value?.trimmingASCIIWhitespace(), !value.isEmpty else { return }
            rows.append(["label": label, "value": value, "href": orFalse(href)])
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
        for (k, v) in m.extra.sorted(by: { $0.key < $1.key }).prefix(12) { row(k, v) }

        var claimCount = 0
        var byRelation: [Relation: Int] = [:]
        for ids in claimsHere.values {
            claimCount += ids.count
            for ci in ids { byRelation[model.graph.claims[ci].relation, default: 0] += 1 }
        }
        let relations = Relation.allCases.compactMap { r -> [String: Any]? in
            guard let n = byRelation[r] else { return nil }
            return ["label": r.label, "count": Text.grouped(n)]
        }
        let sentencesWithClaims = claimsHere.count
        let quality = (model.qualityFindings[d.source] ?? []).map { f -> [String: Any] in
            ["severity": f.severity.rawValue, "message": f.message, "code": f.code]
        }
        let excluded = d.excluded.count
        ctx.merge([
            "title": title,
            "meta": rows,
            "quality": quality,
            "relations": relations,
            "claimSummary": claimCount == 0 ? "No claims were extracted from this source."
                : "\(Text.count(claimCount, "claim")) in \(Text.count(sentencesWithClaims, "sentence")) of \(d.sentences.count). Each highlighted sentence below carries a claim: its names link to their pages, and the tags after it say what it claims.",
            "articleHTML": ArticleHTML(model: model, root: root).render(d, claims: claimsHere, denied: model.deniedClaims[index], mentions: mentions),
            "excludedNote": orFalse(excluded == 0 ? nil
                : "\(Text.count(excluded, "block")) of the original left out as repeats or site furniture (sign-up boxes, share bars, copyright lines)."),
        ]) { _, new in new }
        return ctx
    }

    private func description(_ d: Document, _ title: String) -> String {
        let first = d.sentences.first { d.blocks[$0.block].kind == .paragraph }?.text ?? title
        return Text.truncated(first, 160)
    }
}
