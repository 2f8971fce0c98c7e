/// The neighbourhood drawing on a condition's page.
struct NeighbourhoodGraph {
    let model: SiteModel
    let root: String
    /// Neighbours drawn at most; the strongest links win.
    static let limit = 24

    func svg(for e: Entity) -> (String?, String) {
        var weight: [String: Int] = [:]
        for ci in (model.claimsBySubject[e.id] ?? []) + (model.claimsByObject[e.id] ?? []) {
            let c = model.graph.claims[ci]
            let other = c.subject == e.id ? c.object : c.subject
            guard other != e.id, model.entities[other] != nil else { continue }
            weight[other, default: 0] += model.claimSources[ci]
        }
        guard !weight.isEmpty else { return (nil, "") }
        let top = weight.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(Self.limit)
        let neighbours = top.compactMap { id, w -> (GraphDrawing.Node, Int)? in
            guard let n = node(id) else { return nil }
            return (n, w)
        }.sorted { a, b in a.0.kind != b.0.kind ? a.0.kind < b.0.kind : a.1 != b.1 ? a.1 > b.1 : a.0.name < b.0.name }
        guard let center = node(e.id) else { return (nil, "") }
        let drawing = GraphLayout.radial(center: center, neighbours: neighbours.map { ($0.0, $0.1) }, label: "Entries linked to \(e.name) in the sources")
        let caption = weight.count > top.count
            ? "The \(top.count) entries most often linked to \(e.name), of \(Text.grouped(weight.count)); bigger dots and thicker lines mean more sources."
            : "Everything linked to \(e.name); bigger dots and thicker lines mean more sources."
        return (GraphSVG.render(drawing), caption)
    }

    private func node(_ id: String) -> GraphDrawing.Node? {
        guard let e = model.entities[id], let href = model.entityHref(id, root: root) else { return nil }
        return GraphDrawing.Node(id: id, name: e.name, kind: e.kind, href: href, x: 0, y: 0, radius: 6)
    }
}

/// The page with the whole graph.
struct GraphPage {
    let model: SiteModel
    let root = "../"
    /// Links drawn at most; the ones with the most sources win.
    static let edgeLimit = 2500

    /// Two entity ids, the smaller first.
    private struct Pair: Hashable {
        var a: String, b: String
    }

    func context() -> [String: Any] {
        // Keyed by the two ids themselves: no "a|b" string is built per claim.
        var pairs: [Pair: Int] = [:]
        let claims = model.graph.claims
        for ci in claims.indices {
            let subject = claims[ci].subject, object = claims[ci].object
            guard subject != object, model.entities[subject] != nil, model.entities[object] != nil else { continue }
            pairs[subject < object ? Pair(a: subject, b: object) : Pair(a: object, b: subject), default: 0] += model.claimSources[ci]
        }
        let allLinks = pairs.map { (a: $0.key.a, b: $0.key.b, weight: $0.value) }.sorted { $0.weight != $1.weight ? $0.weight > $1.weight : ($0.a, $0.b) < ($1.a, $1.b) }
        let links = Array(allLinks.prefix(Self.edgeLimit))
        let used = Set(allLinks.flatMap { [$0.a, $0.b] })
        let nodes = model.orderedEntities.filter { used.contains($0.id) }.map { e in
            GraphDrawing.Node(id: e.id, name: e.name, kind: e.kind, href: model.entityHref(e.id, root: root) ?? "#", x: 0, y: 0,
                              radius: min(11, 3 + Double(model.sourceCount[e.id] ?? 0).squareRoot() / 3))
        }
        let drawing = GraphLayout.rings(nodes: nodes, links: links, label: "The whole graph: conditions in the middle, linked to their symptoms, causes, treatments and anatomy")
        var ctx = PageContext.common(model, root: root, title: "Graph", description: "How the conditions, symptoms, causes, treatments and anatomy in the reference connect.", section: "graph")
        let counts = Dictionary(grouping: nodes, by: \.kind).mapValues(\.count)
        ctx.merge([
            "intro": "\(Text.count(nodes.count, "entry", "entries")) that the sources link by \(Text.count(allLinks.count, "pair")). Conditions sit in the middle; around them symptoms, causes, treatments and anatomy, each near the conditions it is linked to. Select a name to open its page.",
            "legend": EntityKind.allCases.map { ["kind": $0.rawValue, "label": $0.title, "count": counts[$0] ?? 0] as [String: Any] },
            "graphSVG": GraphSVG.render(drawing, labelLength: 24),
            "caption": allLinks.count > links.count
                ? "The \(Text.grouped(links.count)) links with the most sources, of \(Text.grouped(allLinks.count)). Thicker lines mean more sources."
                : "Every link; thicker lines mean more sources.",
        ]) { _, new in new }
        return ctx
    }
}
