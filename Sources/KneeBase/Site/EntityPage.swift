/// Builds the page of one entity: its facts, then every claim about it grouped by
/// relation, each with its sources and quoted evidence linking to the exact sentence.
struct EntityPage {
    let model: SiteModel
    let root = "../"
    /// Claims shown per relation; the rest are counted.
    static let itemsPerSection = 40
    /// Quotes shown per claim; the rest are counted.
    static let quotesPerClaim = 2

    /// Section order and titles for claims where the entity is the subject…
    static let outgoing: [(Relation, String)] = [
        (.symptom, "Symptoms"), (.cause, "Causes"), (.riskFactor, "Risk factors"), (.treatment, "Treatments"),
        (.notRecommended, "Advised against"), (.complication, "Complications"), (.differential, "Often confused with"),
        (.involves, "Anatomy involved"), (.targets, "Works on"), (.leadsTo, "Leads to"),
    ]
    /// …and where it is the object.
    static let incoming: [(Relation, String)] = Relation.allCases.map { r in
        (r, r.inverseLabel.prefix(1).uppercased() + r.inverseLabel.dropFirst())
    }

    /// What the page shows, before it becomes template values or HTML.
    struct Values {
        struct Link { var name: String; var href: String }
        struct Item {
            var name: String, href: String, kind: String, sourceLabel: String
            var hedged: Bool
            /// "denied" or "disputed" when some evidence denies the claim.
            var negated: String?
            var open: Bool
            var evidence: [EvidenceList.Quote]
            var more: String?
            /// Links to the sentences `more` counts ("004-repair….txt:55"), the first few.
            var moreLinks: [EvidenceList.Link] = []
        }
        struct Section { var id: String, title: String, items: [Item], hidden: String? }

        var name: String, description: String
        var kind: String, kindLabel: String, kindTitle: String, kindHref: String
        var subtype: String?, lede: String?, discovered: Bool
        var aliases: [String], parents: [Link], children: [Link], targets: [Link], workedBy: [Link]
        /// "Part of" / "A kind of", and "Parts" / "Narrower" (`EntityKind.parentLabel`).
        var parentLabel: String, childrenLabel: String
        var sourceSummary: String
        var toc: [(id: String, title: String, count: Int)]
        var sections: [Section]
        var graphSVG: String?, graphCaption: String
        var jsonLD: String
    }

    func values(_ entity: Entity) -> Values {
        let e = entity
        var sections: [Values.Section] = []
        var toc: [(id: String, title: String, count: Int)] = []
        for (direction, list) in [(true, Self.outgoing), (false, Self.incoming)] {
            let indexes = (direction ? model.claimsBySubject[e.id] : model.claimsByObject[e.id]) ?? []
            let byRelation = Dictionary(grouping: indexes.filter { direction || model.graph.claims[$0].subject != e.id }) { model.graph.claims[$0].relation }
            for (relation, title) in list {
                guard let claims = byRelation[relation], !claims.isEmpty else { continue }
                let id = (direction ? "" : "of-") + relation.anchor
                let sorted = ranked(claims, outgoing: direction)
                let shown = sorted.prefix(Self.itemsPerSection)
                let items = shown.enumerated().map { n, ci in item(ci, other: direction ? \.object : \.subject, open: n < 3 || shown.count <= 5) }
                let hidden = sorted.count - shown.count
                sections.append(Values.Section(id: id, title: title, items: items,
                                               hidden: hidden > 0 ? "And \(Text.count(hidden, "more claim")), each backed by fewer sources." : nil))
                toc.append((id, title, sorted.count))
            }
        }
        let (svg, caption) = e.kind == .condition ? NeighbourhoodGraph(model: model, root: root).svg(for: e) : (nil, "")
        let children = (model.children[e.id] ?? []).sorted { $0.name < $1.name }
        let workedBy = (model.targetedBy[e.id] ?? []).sorted { $0.name < $1.name }
        let sourceTotal = model.sourceCount[e.id] ?? 0
        return Values(
            name: e.name, description: description(e),
            kind: e.kind.rawValue, kindLabel: e.kind.label, kindTitle: e.kind.title, kindHref: root + e.kind.plural + "/index.html",
            subtype: e.kind.shown(subtype: e.subtype).map { $0.replacingOccurrences(of: "-", with: " ") },
            lede: e.description.isEmpty ? nil : e.description, discovered: e.discovered,
            aliases: Self.distinctAliases(e), parents: links(e.parents),
            children: children.map { Values.Link(name: $0.name, href: model.entityHref($0.id, root: root) ?? "#") },
            targets: links(e.targets),
            workedBy: workedBy.map { Values.Link(name: $0.name, href: model.entityHref($0.id, root: root) ?? "#") },
            parentLabel: e.kind.parentLabel, childrenLabel: e.kind.childrenLabel,
            sourceSummary: sourceTotal == 0 ? "No source mentions it in a claim yet."
                : "\(Text.count(model.claimCount[e.id] ?? 0, "claim")) from \(Text.count(sourceTotal, "source"))."
                    + (dominanceNote(e).map { " " + $0 } ?? ""),
            toc: toc, sections: sections, graphSVG: svg.flatMap { $0.isEmpty ? nil : $0 }, graphCaption: caption,
            jsonLD: EntityJSONLD(model: model).json(for: e))
    }

    /// The template values of the page (for a theme's `entity.mustache`).
    func context(_ entity: Entity) -> [String: Any] {
        let v = values(entity)
        var ctx = PageContext.common(model, root: root, title: v.name, description: v.description, section: v.kind)
        func links(_ list: [Values.Link]) -> [[String: Any]] { list.map { ["name": $0.name, "href": $0.href] } }
        ctx.merge([
            "kind": v.kind,
            "kindLabel": v.kindLabel,
            "kindTitle": v.kindTitle,
            "kindHref": v.kindHref,
            "subtype": orFalse(v.subtype),
            "name": v.name,
            "lede": orFalse(v.lede),
            "discovered": v.discovered,
            "aliases": v.aliases,
            "parents": links(v.parents),
            "children": links(v.children),
            "targets": links(v.targets),
            "workedBy": links(v.workedBy),
            "parentLabel": v.parentLabel,
            "childrenLabel": v.childrenLabel,
            "sourceSummary": v.sourceSummary,
            "toc": v.toc.map { ["id": $0.id, "title": $0.title, "count": $0.count] as [String: Any] },
            "sections": v.sections.map { section -> [String: Any] in
                ["id": section.id, "title": section.title, "hidden": orFalse(section.hidden),
                 "items": section.items.map { item -> [String: Any] in
                     ["name": item.name, "href": item.href, "kind": item.kind, "sourceLabel": item.sourceLabel,
                      "hedged": item.hedged, "negated": orFalse(item.negated), "open": item.open,
                      "evidence": item.evidence.map(\.context), "more": orFalse(item.more),
                      "moreLinks": item.moreLinks.map { ["label": $0.label, "href": $0.href] }]
                 }]
            },
            "graphSVG": orFalse(v.graphSVG),
            "graphCaption": v.graphCaption,
            "jsonLD": v.jsonLD,
        ]) { _, new in new }
        return ctx
    }

    private func description(_ e: Entity) -> String {
        e.description.isEmpty ? "\(e.name): \(e.kind.label.lowercased()) in the KneeBase reference, with its sources." : Text.truncated(e.description, 160)
    }

    /// Aliases without case-only and apostrophe-only repeats of each other or of the name.
    static func distinctAliases(_ e: Entity) -> [String] {
        var seen: Set<String> = [AliasKey.make(e.name)]
        return e.aliases.filter { seen.insert(AliasKey.make($0)).inserted }
    }

    /// `claims` (indexes into the graph's claims) most sources first, then by the name of
    /// their other end: the object when `outgoing`, else the subject.
    func ranked(_ claims: [Int], outgoing: Bool) -> [Int] {
        // Keys computed once, as an entity can have thousands of claims.
        claims.map { ci -> (claim: Int, sources: Int, name: String) in
            let c = model.graph.claims[ci]
            return (ci, model.claimSources[ci], model.name(outgoing ? c.object : c.subject).lowercased())
        }.sorted { a, b in a.sources != b.sources ? a.sources > b.sources : a.name < b.name }.map(\.claim)
    }

    /// The first `limit` claims of each relation where a condition is the subject, in the
    /// page's section order: what the search page lists under a condition when a query asks
    /// for one of its sections ("what causes runner's knee").
    func answers(_ e: Entity, limit: Int) -> [SearchIndexWriter.Answer] {
        guard e.kind == .condition, let indexes = model.claimsBySubject[e.id] else { return [] }
        let byRelation = Dictionary(grouping: indexes) { model.graph.claims[$0].relation }
        return Self.outgoing.compactMap { relation, title in
            guard let claims = byRelation[relation], !claims.isEmpty else { return nil }
            let items = ranked(claims, outgoing: true).prefix(limit).map { ci in
                let object = model.graph.claims[ci].object
                return SearchIndexWriter.Answer.Item(name: model.name(object), path: model.entityHref(object, root: "") ?? "",
                                                     sources: model.sourceLabel(claim: ci))
            }
            return SearchIndexWriter.Answer(anchor: relation.anchor, title: title, total: claims.count, items: Array(items))
        }
    }

    private func links(_ ids: [String]) -> [Values.Link] {
        ids.map { Values.Link(name: model.name($0), href: model.entityHref($0, root: root) ?? "#") }
    }

    private func item(_ ci: Int, other: KeyPath<Claim, String>, open: Bool) -> Values.Item {
        let c = model.graph.claims[ci]
        let otherID = c[keyPath: other]
        let evidence = c.evidence
        // Fields read in place: copying each Evidence (a dozen strings) cost more than the test.
        var negated = 0, hedged = 0
        for k in evidence.indices {
            if evidence[k].polarity == .negated { negated += 1 }
            if evidence[k].certainty == .hedged { hedged += 1 }
        }
        let quotes = EvidenceList(model: model, root: root).quotes(evidence, limit: Self.quotesPerClaim, sourceCount: model.claimSources[ci])
        return Values.Item(
            name: model.name(otherID), href: model.entityHref(otherID, root: root) ?? "#",
            kind: model.entities[otherID]?.kind.rawValue ?? "source", sourceLabel: model.sourceLabel(claim: ci),
            hedged: hedged == evidence.count,
            negated: negated == 0 ? nil : negated == evidence.count ? "denied" : "disputed",
            open: open, evidence: quotes.items, more: quotes.more, moreLinks: quotes.moreLinks)
    }
}

/// Quoted evidence for a template: a few sentences, from different sources first, each
/// linking to its sentence on the source's page.
struct EvidenceList {
    let model: SiteModel
    let root: String

    /// One quote: a sentence, its source and the link to it.
    struct Quote {
        var text: String, href: String, sourceTitle: String
        var line: Int
        var attribution: String?
        var hedged: Bool, negated: Bool

        /// The quote as template values.
        var context: [String: Any] {
            ["text": text, "href": href, "sourceTitle": sourceTitle, "line": line, "attribution": orFalse(attribution),
             "hedged": hedged, "negated": negated]
        }
    }

    /// A link to a sentence that is counted but not quoted: "file.txt:55".
    struct Link { var label: String, href: String }

    /// Sentences left out of the quotes that still get a link of their own.
    static let linksToRest = 8

    /// Up to `limit` quotes of `evidence`, what is left out, and links to the first
    /// `linksToRest` sentences left out; `sourceCount`, when known, is the number of distinct
    /// sources in `evidence` (`SiteModel.claimSources`).
    func quotes(_ evidence: [Evidence], limit: Int, sourceCount: Int? = nil) -> (items: [Quote], more: String?, moreLinks: [Link]) {
        // Plain assertions first, then hedged or denied ones; one per source before repeats. Linear: claims can have thousands.
        // Evidence is read in place by index (copying one costs a dozen retains), and the passes stop once `limit` are chosen.
        func rank(_ i: Int) -> Int { (evidence[i].polarity == .asserted ? 0 : 1) + (evidence[i].certainty == .plain ? 0 : 1) }
        var chosen: [Int] = []
        passes: for distinct in [true, false] {
            for level in 0...2 {
                for i in evidence.indices where rank(i) == level && !chosen.contains(i) {
                    if chosen.count >= limit { break passes }
                    if distinct && chosen.contains(where: { evidence[$0].source == evidence[i].source }) { continue }
                    chosen.append(i)
                }
            }
        }
        chosen.sort { (evidence[$0].source, evidence[$0].start) < (evidence[$1].source, evidence[$1].start) }
        let items = chosen.map { i -> Quote in
            let ev = evidence[i]
            return Quote(text: ev.text, href: model.sentenceHref(source: ev.source, sentence: ev.sentence, root: root) ?? "#",
                         sourceTitle: model.documentIndex[ev.source].map { SiteModel.title(of: model.graph.documents[$0]) } ?? ev.source, line: ev.line,
                         attribution: ev.attribution.flatMap { $0.isEmpty ? nil : $0 },
                         hedged: ev.certainty == .hedged, negated: ev.polarity == .negated)
        }
        let rest = evidence.count - chosen.count
        guard rest > 0 else { return (items, nil, []) }
        var links: [Link] = []
        for i in evidence.indices where !chosen.contains(i) {
            if links.count == Self.linksToRest { break }
            let ev = evidence[i]
            guard let href = model.sentenceHref(source: ev.source, sentence: ev.sentence, root: root) else { continue }
            links.append(Link(label: "\(SourceQuality.name(ev.source)):\(ev.line)", href: href))
        }
        // Every chosen source is among the evidence's: the others are the distinct ones less the distinct chosen ones.
        var chosenSources: [String] = []
        for i in chosen where !chosenSources.contains(evidence[i].source) { chosenSources.append(evidence[i].source) }
        let restSources = (sourceCount ?? Set(evidence.map(\.source)).count) - chosenSources.count
        return (items, "And \(Text.count(rest, "more sentence"))" + (restSources > 0 ? " from \(Text.count(restSources, "more source"))" : " from the same sources")
                    + (links.isEmpty ? "." : rest > links.count ? "; the first \(links.count):" : ":"), links)
    }
}
