import KneeBase

/// The terminal rendering of an entity and its relations.
struct EntityCard {
    let entity: Entity
    let claims: [Claim]
    let entities: [String: Entity]
    /// What the reader should know about where the claims come from (`SourceDominance`).
    var note: String? = nil
    /// How sources are counted (copies of one text once).
    var count = SourceCount(copies: [])

    func render() -> String {
        var out: [String] = []
        out.append(Terminal.paint(entity.name, "1") + "  " + Terminal.paint(entity.kind.label(subtype: entity.subtype) + (entity.discovered ? " · discovered" : ""), "2") + "  [\(entity.id)]")
        if !entity.aliases.isEmpty { out.append("also: " + entity.aliases.joined(separator: ", ")) }
        if !entity.description.isEmpty { out.append(entity.description) }
        out += hierarchy()
        if claims.isEmpty {
            out.append(Terminal.paint("No source makes a claim about it yet; `kneebase search \"\(entity.name)\"` finds the passages that name it.", "2"))
        }
        if let note { out.append(Terminal.paint("\(claims.count) claims. " + note, "33")) }
        let outgoing = claims.filter { $0.subject == entity.id }
        let incoming = claims.filter { $0.object == entity.id }
        for relation in Relation.allCases {
            let list = outgoing.filter { $0.relation == relation }.sorted { ($1.sourceCount, name($0.object)) < ($0.sourceCount, name($1.object)) }
            guard !list.isEmpty else { continue }
            out.append("")
            out.append(Terminal.paint(relation.label.capitalized, "1;34"))
            for c in list { out += lines(for: c, other: c.object) }
        }
        if !incoming.isEmpty {
            out.append("")
            out.append(Terminal.paint("In other entities' claims", "1;34"))
            for c in incoming.sorted(by: { name($0.subject) < name($1.subject) }) {
                out += lines(for: c, other: c.subject, prefix: "\(c.relation.inverseLabel) ")
            }
        }
        return out.joined(separator: "\n")
    }

    private func name(_ id: String) -> String { entities[id]?.name ?? id }

    /// Its lexicon neighbours: what it is part or a kind of, its parts or narrower kinds,
    /// what it works on, and what works on it — a line each, names sorted.
    private func hierarchy() -> [String] {
        let children = entities.values.filter { $0.parents.contains(entity.id) }.map(\.name)
        let workedBy = entities.values.filter { $0.targets.contains(entity.id) }.map(\.name)
        let lines: [(String, [String])] = [
            (entity.kind.parentLabel, entity.parents.map(name)), (entity.kind.childrenLabel, children),
            ("Works on", entity.targets.map(name)), ("Worked by", workedBy),
        ]
        return lines.compactMap { label, names in
            names.isEmpty ? nil : label.lowercased() + ": " + names.sorted { $0.lowercased() < $1.lowercased() }.joined(separator: ", ")
        }
    }

    private func lines(for c: Claim, other: String, prefix: String = "") -> [String] {
        var out = ["  • \(prefix)\(Terminal.paint(name(other), "1")) — \(count.label(c.sourceCount, sources: Set(c.evidence.map(\.source))))"]
        for ev in c.evidence.prefix(3) {
            let marks = EvidenceMarks.marks(negated: ev.polarity == .negated, hedged: ev.certainty == .hedged, attribution: ev.attribution)
            let quote = EvidenceMarks.shortened(ev.text, about: name(other))
            out.append("      " + Terminal.paint("\(ev.source):\(ev.line)", "2") + " “\(quote)”" + (marks.isEmpty ? "" : Terminal.paint(EvidenceMarks.suffix(marks), "2")))
        }
        if c.evidence.count > 3 { out.append("      … and \(c.evidence.count - 3) more") }
        return out
    }
}
