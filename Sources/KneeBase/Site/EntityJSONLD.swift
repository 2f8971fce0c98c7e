/// schema.org JSON-LD for an entity page: its type, names and description, and its
/// asserted relations as schema.org properties (signOrSymptom, riskFactor,
/// possibleTreatment, associatedAnatomy, …). Safe inside `<script>`: every `<`, `>`
/// and `&` is written as a JSON escape.
struct EntityJSONLD {
    let model: SiteModel
    /// Related entities listed per property.
    static let limit = 100

    func json(for e: Entity) -> String {
        var w = JSONWriter(capacity: 4096)
        w.beginObject()
        w.key("@context"); w.string("https://schema.org")
        w.key("@type"); w.string(e.schemaType)
        w.key("name"); w.string(e.name)
        let aliases = EntityPage.distinctAliases(e)
        if !aliases.isEmpty { w.key("alternateName"); w.strings(aliases) }
        if !e.description.isEmpty { w.key("description"); w.string(e.description) }
        if let pathToSelf = model.paths.entity(e.id) { w.key("url"); w.string("../" + pathToSelf) }
        for (property, ids, wrap) in properties(e) where !ids.isEmpty {
            w.key(property)
            w.beginArray()
            for id in ids.prefix(Self.limit) {
                let other = model.entities[id]
                w.beginObject()
                if wrap {
                    w.key("@type"); w.string("DDxElement")
                    w.key("diagnosis")
                    w.beginObject()
                }
                w.key("@type"); w.string(other?.schemaType ?? "MedicalEntity")
                w.key("name"); w.string(other?.name ?? id)
                if let p = model.paths.entity(id) { w.key("url"); w.string("../" + p) }
                if wrap { w.endObject() }
                w.endObject()
            }
            w.endArray()
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

    /// (schema.org property, related entity ids, wrap in DDxElement) for the entity's kind.
    private func properties(_ e: Entity) -> [(String, [String], Bool)] {
        func out(_ r: Relation) -> [String] { related(model.claimsBySubject[e.id], r, \.object) }
        func inc(_ r: Relation) -> [String] { related(model.claimsByObject[e.id], r, \.subject) }
        var list: [(String, [String], Bool)] = []
        switch e.kind {
        case .condition:
            list.append(("signOrSymptom", out(.symptom), false))
            list.append(("cause", out(.cause), false))
            list.append(("riskFactor", out(.riskFactor), false))
            list.append(("possibleTreatment", out(.treatment), false))
            list.append(("possibleComplication", out(.complication), false))
            list.append(("differentialDiagnosis", out(.differential), true))
            list.append(("associatedAnatomy", out(.involves), false))
        case .symptom:
            list.append(("possibleTreatment", out(.treatment), false))
            list.append(("associatedAnatomy", out(.involves), false))
        case .cause:
            let property = e.schemaType == "MedicalRiskFactor" ? "increasesRiskOf" : "causeOf"
            list.append((property, inc(.cause) + inc(.riskFactor), false))
        case .treatment:
            list.append(("contraindication", inc(.notRecommended), false))
            list.append(("bodyLocation", out(.targets), false))
        case .anatomy:
            list.append(("relatedCondition", inc(.involves), false))
        }
        return list
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
