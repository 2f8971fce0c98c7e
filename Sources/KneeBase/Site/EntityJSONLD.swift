/// schema.org JSON-LD for an entity page: its type, names and description, and its
/// asserted relations as the schema.org properties `SchemaLink` assigns. Safe inside
/// `<script>`: every `<`, `>` and `&` is written as a JSON escape.
struct EntityJSONLD {
    let model: SiteModel
    /// Related entities listed per property.
    static let limit = 100

    /// The entity's node in `data/graph.jsonld`, relative to an entity page: both files
    /// then describe the same node.
    static func nodeID(_ id: String) -> String { "../data/graph.jsonld#" + id }

    func json(for e: Entity) -> String {
        var w = JSONWriter(capacity: 4096)
        w.beginObject()
        w.key("@context"); w.string("https://schema.org")
        w.key("@id"); w.string(Self.nodeID(e.id))
        w.key("@type"); w.string(e.schemaType)
        w.key("name"); w.string(e.name)
        let aliases = EntityPage.distinctAliases(e)
        if !aliases.isEmpty { w.key("alternateName"); w.strings(aliases) }
        if !e.description.isEmpty { w.key("description"); w.string(e.description) }
        if let pathToSelf = model.paths.entity(e.id) { w.key("url"); w.string("../" + pathToSelf) }
        let links = SchemaLink.links(of: e, outgoing: { related(model.claimsBySubject[e.id], $0, \.object) },
                                     incoming: { related(model.claimsByObject[e.id], $0, \.subject) })
        for link in links {
            link.write(to: &w, limit: Self.limit) { id in
                let other = model.entities[id]
                return SchemaLink.Node(id: Self.nodeID(id), type: other?.schemaType ?? "MedicalEntity", name: other?.name ?? id,
                                       url: model.paths.entity(id).map { "../" + $0 })
            }
        }
        w.endObject()
        var out: [UInt8] = []
        out.reserveCapacity(w.bytes.count + 64)
        for b in w.bytes {
            switch b {
            case UInt8(ascii: "<"): out.append(contentsOf: Array("\\u003c".utf8))
            case UInt8(ascii: ">"): out.append(contentsOf: Array("\\u003e".utf8))
            case UInt8(ascii: "&"): out.append(contentsOf: Array("\\u0026".utf8))
            default: out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Ids on the other side of asserted claims of one relation, most sources first.
    private func related(_ indexes: [Int]?, _ relation: Relation, _ other: KeyPath<Claim, String>) -> [String] {
        // Claims read in place by index: copying each (a dozen strings and its evidence) cost more than the test.
        let all = model.graph.claims
        var claims: [(id: String, sources: Int)] = []
        for i in indexes ?? [] where all[i].relation == relation {
            let evidence = all[i].evidence
            if evidence.indices.contains(where: { evidence[$0].polarity == .asserted }) { claims.append((all[i][keyPath: other], model.claimSources[i])) }
        }
        claims.sort { a, b in
            if a.sources != b.sources { return a.sources > b.sources }
            return a.id < b.id
        }
        var seen = Set<String>()
        var out: [String] = []
        for c in claims where seen.insert(c.id).inserted { out.append(c.id) }
        return out
    }
}
