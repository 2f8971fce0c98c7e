import Foundation

/// The home page, the index of each kind and the paginated list of sources.
struct IndexPages {
    let model: SiteModel
    /// Sources listed per page of the sources index.
    static let sourcesPerPage = 250

    func home() -> [String: Any] {
        var ctx = PageContext.common(model, root: "", title: "Runner’s knee reference",
                                     description: "An evidence-linked reference on runner’s knee: conditions, symptoms, causes and treatments, each statement linked to its source sentence.",
                                     section: "home")
        let byKind = Dictionary(grouping: model.orderedEntities, by: \.kind)
        ctx["counts"] = [
            "sources": Text.grouped(model.graph.documents.count),
            "entities": Text.grouped(model.graph.entities.count),
            // Entries some claim names (the rest are lexicon entries no source speaks of yet).
            "linked": Text.grouped(model.graph.entities.count { (model.claimCount[$0.id] ?? 0) > 0 }),
            "claims": Text.grouped(model.graph.claims.count),
            "evidence": Text.grouped(model.evidenceCount),
            // The lede promises each condition's symptoms, causes and treatments: count those the sources describe.
            "conditions": Text.grouped(byKind[.condition]?.count { (model.claimsBySubject[$0.id]?.isEmpty == false) } ?? 0),
        ]
        ctx["kinds"] = EntityKind.allCases.map { kind -> [String: Any] in
            let list = byKind[kind] ?? []
            let top = list.filter { (model.claimCount[$0.id] ?? 0) > 0 }
                .sorted { (model.claimCount[$0.id] ?? 0, $1.name) > (model.claimCount[$1.id] ?? 0, $0.name) }
                .prefix(6)
            return [
                "kind": kind.rawValue, "title": kind.title, "plural": kind.plural, "blurb": kind.blurb,
                "href": kind.plural + "/index.html", "count": Text.grouped(list.count),
                "linkedNote": list.isEmpty ? false as Any
                    : "\(Text.grouped(list.count { (model.claimCount[$0.id] ?? 0) > 0 })) of \(Text.grouped(list.count)) in the sources’ claims.",
                "top": top.map { ["name": $0.name, "href": model.paths.entity($0.id) ?? "#", "claims": Text.count(model.claimCount[$0.id] ?? 0, "claim")] },
            ]
        }
        return ctx
    }

    func kind(_ kind: EntityKind) -> [String: Any] {
        let list = model.orderedEntities.filter { $0.kind == kind }
        var ctx = PageContext.common(model, root: "../", title: kind.title, description: kind.blurb, section: kind.rawValue)
        var groups: [(id: String, label: String, entries: [[String: Any]])] = []
        for e in list {
            let first = e.name.unicodeScalars.first.map { Character($0).uppercased() } ?? "#"
            let label = first.count == 1 && first.first!.isLetter && first.first!.isASCII ? first : "#"
            let id = label == "#" ? "other" : label.lowercased()
            if groups.last?.label != label { groups.append((id, label, [])) }
            let claims = model.claimCount[e.id] ?? 0, sources = model.sourceCount[e.id] ?? 0
            groups[groups.count - 1].entries.append([
                "name": e.name, "href": model.paths.entity(e.id).map { "../" + $0 } ?? "#", "kind": e.kind.rawValue,
                "discovered": e.discovered,
                "stats": claims == 0 ? "no claims yet" : "\(Text.count(claims, "claim")) · \(Text.count(sources, "source"))",
                "description": orFalse(Text.truncated(e.description, 180)),
            ])
        }
        // Merge "#" groups that are not adjacent (names sort case-insensitively).
        var merged: [(id: String, label: String, entries: [[String: Any]])] = []
        for g in groups {
            if let i = merged.firstIndex(where: { $0.label == g.label }) { merged[i].entries += g.entries } else { merged.append(g) }
        }
        ctx["title"] = kind.title
        ctx["intro"] = "\(Text.count(list.count, "entry", "entries")). \(kind.blurb)"
        ctx["groups"] = merged.map { ["id": $0.id, "label": $0.label, "entries": $0.entries] as [String: Any] }
        ctx["letters"] = list.count >= 30 ? merged.map { ["id": $0.id, "label": $0.label] } : [[String: Any]]()
        return ctx
    }

    /// Number of pages of the sources index.
    var sourcePageCount: Int { max(1, (model.graph.documents.count + Self.sourcesPerPage - 1) / Self.sourcesPerPage) }

    /// Path of page `n` (1-based) of the sources index.
    static func sourcesPagePath(_ n: Int) -> String { n == 1 ? "sources/index.html" : "sources/page-\(n).html" }

    func sources(page n: Int) -> [String: Any] {
        let docs = model.graph.documents
        let start = (n - 1) * Self.sourcesPerPage
        let slice = docs.indices.dropFirst(start).prefix(Self.sourcesPerPage)
        let total = sourcePageCount
        var ctx = PageContext.common(model, root: "../", title: total > 1 ? "Sources, page \(n) of \(total)" : "Sources",
                                     description: "The articles the reference is compiled from, each with the claims it makes.", section: "source")
        ctx["title"] = total > 1 ? "Sources (page \(n) of \(total))" : "Sources"
        ctx["intro"] = "\(Text.count(docs.count, "article")) read. Each page shows the cleaned article with every sentence that makes a claim highlighted and linked."
        ctx["entries"] = slice.map { i -> [String: Any] in
            let d = docs[i]
            let claims = model.sentenceClaims[i].values.reduce(0) { $0 + $1.count }
            return ["title": model.title(of: d), "href": model.paths.source(d.source).map { "../" + $0 } ?? "#", "path": d.source,
                    "publisher": d.metadata.publisher ?? "", "kind": d.metadata.kind ?? d.format.rawValue, "claims": Text.grouped(claims)]
        }
        ctx["paginated"] = total > 1
        ctx["pages"] = (1...total).map { p -> [String: Any] in
            ["label": String(p), "href": "../" + Self.sourcesPagePath(p), "current": p == n]
        }
        return ctx
    }

    func search() -> [String: Any] {
        var ctx = PageContext.common(model, root: "../", title: "Search", description: "Search the runner’s knee reference.", section: "search")
        ctx["kinds"] = (EntityKind.allCases.map { ($0.rawValue, $0.title) } + [("source", "Sources")]).map { ["kind": $0.0, "label": $0.1] }
        return ctx
    }

    /// The 404 page, which a server shows at any depth: with `baseURL` its links start at
    /// that path, so they work wherever it is shown; without, they are relative to the site's
    /// top folder like every other page (`kneebase serve` sets the page's base to `/`).
    func notFound(baseURL: String? = nil) -> [String: Any] {
        var root = baseURL.flatMap { URL(string: $0)?.path } ?? ""
        if !root.isEmpty && !root.hasSuffix("/") { root += "/" }
        return PageContext.common(model, root: root, title: "Page not found", description: "There is no page at this address.", section: "")
    }
}
