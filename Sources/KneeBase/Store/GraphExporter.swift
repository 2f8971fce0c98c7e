/// Serialises claims and entities: claims JSON, graph JSON, schema.org JSON-LD,
/// Graphviz DOT, and CSV node/edge files for graph databases.
public struct GraphExporter: Sendable {
    public let entities: [String: Entity]
    public let claims: [Claim]

    public init(entities: [Entity], claims: [Claim]) {
        self.entities = Dictionary(entities.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.claims = claims
        self.sortedEntities = entities.sorted { $0.id < $1.id }
    }

    private let sortedEntities: [Entity]

    /// A JSON array, one object per claim, with subject/object cards and evidence.
    public func claimsJSON() -> [UInt8] {
        var w = JSONWriter()
        writeClaims(&w)
        return w.bytes
    }

    /// An entity's card — `{"entity": {id, kind, name, aliases, description, parents,
    /// targets, type?, discovered}, "claims": [...]}` — with the claims as `claimsJSON()` writes them.
    public func entityJSON(_ e: Entity) -> [UInt8] {
        var w = JSONWriter()
        w.beginObject()
        w.key("entity")
        entityObject(e, &w)
        w.key("claims")
        writeClaims(&w)
        w.endObject()
        return w.bytes
    }

    private func writeClaims(_ w: inout JSONWriter) {
        w.beginArray()
        for c in claims {
            w.beginObject()
            w.key("subject"); card(c.subject, &w)
            w.key("relation"); w.string(c.relation.rawValue)
            w.key("object"); card(c.object, &w)
            w.key("sources"); w.int(c.sourceCount)
            w.key("evidence"); evidence(c.evidence, &w)
            w.endObject()
        }
        w.endArray()
    }

    /// `{"entities": [...], "claims": [...]}` with ids as references. Evidence refers to its
    /// sentence — `sentence` indexes the source's `sentences` in `documents.json`, which
    /// holds its text and heading path — rather than repeating them (`claimsJSON()` does).
    public func graphJSON() -> [UInt8] {
        var out: [UInt8] = []
        writeGraphJSON { out += $0 }
        return out
    }

    /// `graphJSON()`, handed to `sink` a megabyte or so at a time.
    public func writeGraphJSON(to sink: ([UInt8]) throws -> Void) rethrows {
        var w = JSONWriter(capacity: JSONWriter.chunk + (1 << 16))
        w.beginObject()
        w.key("entities")
        w.beginArray()
        for e in sortedEntities { entityObject(e, &w) }
        w.endArray()
        w.key("claims")
        w.beginArray()
        for c in claims {
            w.beginObject()
            w.key("subject"); w.string(c.subject)
            w.key("relation"); w.string(c.relation.rawValue)
            w.key("object"); w.string(c.object)
            w.key("sources"); w.int(c.sourceCount)
            w.key("evidence"); evidenceReferences(c.evidence, &w)
            w.endObject()
            try w.drain(over: JSONWriter.chunk, to: sink)
        }
        w.endArray()
        w.endObject()
        try w.drain(to: sink)
    }

    /// schema.org JSON-LD: every entity typed, its asserted claims as the schema.org
    /// properties `SchemaLink` assigns (on the therapy for a contraindication).
    public func jsonLD() -> [UInt8] {
        var bySubject: [String: [Relation: [String]]] = [:]
        var byObject: [String: [Relation: [String]]] = [:]
        for c in claims where c.evidence.contains(where: { $0.polarity == .asserted }) {
            bySubject[c.subject, default: [:]][c.relation, default: []].append(c.object)
            byObject[c.object, default: [:]][c.relation, default: []].append(c.subject)
        }
        var w = JSONWriter()
        w.beginObject()
        w.key("@context"); w.string("https://schema.org")
        w.key("@graph")
        w.beginArray()
        for e in sortedEntities {
            w.beginObject()
            w.key("@id"); w.string("#" + e.id)
            w.key("@type"); w.string(e.schemaType)
            w.key("name"); w.string(e.name)
            if !e.aliases.isEmpty { w.key("alternateName"); w.strings(e.aliases) }
            if !e.description.isEmpty { w.key("description"); w.string(e.description) }
            let links = SchemaLink.links(of: e, outgoing: { bySubject[e.id]?[$0] ?? [] }, incoming: { byObject[e.id]?[$0] ?? [] })
            for link in links {
                link.write(to: &w) { id in
                    let other = entities[id]
                    return SchemaLink.Node(id: "#" + id, type: other?.schemaType, name: other?.name ?? id)
                }
            }
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.bytes
    }

    /// Graphviz DOT: entities as nodes (shaped by kind), claims as labelled edges.
    public func dot() -> String {
        var lines = ["digraph kneebase {", "  rankdir=LR;", "  node [fontname=\"Helvetica\"];"]
        let used = Set(claims.flatMap { [$0.subject, $0.object] })
        for e in sortedEntities where used.contains(e.id) {
            let shape = switch e.kind {
            case .condition: "box"
            case .symptom: "ellipse"
            case .cause: "diamond"
            case .treatment: "component"
            case .anatomy: "hexagon"
            }
            lines.append("  \(Self.dotID(e.id)) [label=\(Self.dotString(e.name)), shape=\(shape)\(e.discovered ? ", style=dashed" : "")];")
        }
        for c in claims {
            lines.append("  \(Self.dotID(c.subject)) -> \(Self.dotID(c.object)) [label=\(Self.dotString(c.relation.rawValue)), weight=\(c.sourceCount)];")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// CSV files: `nodes.csv` (id,kind,name,aliases,discovered) and `edges.csv` (source,target,relation,sources, evidence as `path:line:column` joined by `|`).
    public func csv() -> (nodes: String, edges: String) {
        var nodes = "id,kind,name,aliases,discovered\n"
        for e in sortedEntities {
            nodes += [e.id, e.kind.rawValue, e.name, e.aliases.joined(separator: "|"), e.discovered ? "true" : "false"].map(Self.csvField).joined(separator: ",") + "\n"
        }
        var edges = "source,target,relation,sources,evidence\n"
        for c in claims {
            let where_ = c.evidence.map { "\($0.source):\($0.line):\($0.column)" }.joined(separator: "|")
            edges += [c.subject, c.object, c.relation.rawValue, String(c.sourceCount), where_].map(Self.csvField).joined(separator: ",") + "\n"
        }
        return (nodes, edges)
    }

    /// An entity with every field: id, kind, name, aliases, description, parents, targets, type when it has one, discovered.
    private func entityObject(_ e: Entity, _ w: inout JSONWriter) {
        w.beginObject()
        w.key("id"); w.string(e.id)
        w.key("kind"); w.string(e.kind.rawValue)
        w.key("name"); w.string(e.name)
        w.key("aliases"); w.strings(e.aliases)
        w.key("description"); w.string(e.description)
        w.key("parents"); w.strings(e.parents)
        w.key("targets"); w.strings(e.targets)
        if let t = e.subtype { w.key("type"); w.string(t) }
        w.key("discovered"); w.bool(e.discovered)
        w.endObject()
    }

    private func card(_ id: String, _ w: inout JSONWriter) {
        let e = entities[id]
        w.beginObject()
        w.key("id"); w.string(id)
        w.key("name"); w.string(e?.name ?? id)
        w.key("kind"); w.string(e?.kind.rawValue ?? "unknown")
        w.key("aliases"); w.strings(e?.aliases ?? [])
        w.key("discovered"); w.bool(e?.discovered ?? true)
        w.endObject()
    }

    private func evidence(_ list: [Evidence], _ w: inout JSONWriter) {
        w.beginArray()
        for ev in list {
            w.beginObject()
            w.key("source"); w.string(ev.source)
            w.key("line"); w.int(ev.line)
            w.key("column"); w.int(ev.column)
            w.key("text"); w.string(ev.text)
            w.key("polarity"); w.string(ev.polarity.rawValue)
            w.key("certainty"); w.string(ev.certainty.rawValue)
            w.key("attribution"); w.string(ev.attribution)
            w.key("headingPath"); w.strings(ev.headingPath)
            w.key("rule"); w.string(ev.rule)
            w.endObject()
        }
        w.endArray()
    }

    /// Evidence as `{source, sentence, line, column, polarity, certainty, attribution?, rule}`:
    /// the sentence's text and heading path are in `documents.json`.
    private func evidenceReferences(_ list: [Evidence], _ w: inout JSONWriter) {
        w.beginArray()
        for ev in list {
            w.beginObject()
            w.key("source"); w.string(ev.source)
            w.key("sentence"); w.int(ev.sentence)
            w.key("line"); w.int(ev.line)
            w.key("column"); w.int(ev.column)
            w.key("polarity"); w.string(ev.polarity.rawValue)
            w.key("certainty"); w.string(ev.certainty.rawValue)
            if let a = ev.attribution { w.key("attribution"); w.string(a) }
            w.key("rule"); w.string(ev.rule)
            w.endObject()
        }
        w.endArray()
    }

    static func dotID(_ s: String) -> String { dotString(s) }

    static func dotString(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: " ") + "\""
    }

    static func csvField(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}
