/// Lexicon findings: aliases claimed by several entities and how the text is read,
/// curated entities that nothing uses, and discovered entities that two or more
/// independent sources name (candidates for the lexicon).
struct LexiconFindings {
    let lexicon: Lexicon
    let graph: KnowledgeGraph
    let relations: EntityRelations
    let independence: SourceIndependence

    func findings() -> [Finding] {
        ambiguous() + unused() + candidates()
    }

    /// One finding per ambiguous alias, quoting where the text uses it.
    func ambiguous() -> [Finding] {
        let keys = lexicon.resolvedAmbiguities
        guard !keys.isEmpty else { return [] }
        var claimants: [String: [String]] = [:]
        for e in lexicon.entities {
            for text in Set(([e.name] + e.aliases).map(AliasKey.make)) where keys[text] != nil { claimants[text, default: []].append(e.id) }
        }
        var uses: [String: [FindingEvidence]] = [:]
        for d in graph.documents {
            for s in d.sentences {
                let padded = " " + AliasKey.make(s.text) + " "
                for key in keys.keys where (uses[key]?.count ?? 0) < 3 && padded.contains(" " + key + " ") {
                    uses[key, default: []].append(FindingEvidence(source: d.source, line: s.range.line, text: s.text, note: "read as \(keys[key]!)"))
                }
            }
        }
        return keys.keys.sorted().map { key in
            let winner = keys[key]!
            let others = (claimants[key] ?? []).filter { $0 != winner }.sorted()
            let used = uses[key] ?? []
            return Finding(id: "lexicon:ambiguous-alias:\(key)", kind: .lexicon, code: "ambiguous-alias", severity: used.isEmpty ? .note : .warning,
                           message: "“\(key)” is claimed by \(([winner] + others).joined(separator: ", ")); the text is read as \(winner)"
                               + (used.isEmpty ? " (not used in any source)" : " (\(used.count == 3 ? "3+" : String(used.count)) use\(used.count == 1 ? "" : "s") quoted)"),
                           sources: Array(Set(used.map(\.source))).sorted(), evidence: used)
        }
    }

    /// Curated entities no claim uses, directly or as the parent, target or anatomy of one that is used.
    func unused() -> [Finding] {
        var used = Set<String>()
        for c in graph.claims { used.insert(c.subject); used.insert(c.object) }
        var reach = Set<String>()
        for id in used {
            reach.formUnion(relations.lineage(id))
            for t in (relations.entities[id]?.targets ?? []) + Array(relations.footprint[id] ?? []) { reach.formUnion(relations.lineage(t)) }
        }
        return lexicon.entities.filter { !reach.contains($0.id) }.map { e in
            Finding(id: "lexicon:unused:\(e.id)", kind: .lexicon, code: "unused", severity: .note,
                    message: "\(e.kind.rawValue) “\(e.name)” (\(e.id)) is in the lexicon but no claim uses it")
        }
    }

    /// Discovered entities named by two or more independent sources.
    func candidates() -> [Finding] {
        let discovered = Set(graph.entities.filter(\.discovered).map(\.id))
        var evidence: [String: [(Evidence, String)]] = [:]
        var keys: [String: [String]] = [:]
        for c in graph.claims {
            for id in [c.subject, c.object] where discovered.contains(id) {
                evidence[id, default: []].append(contentsOf: c.evidence.map { ($0, c.key) })
                keys[id, default: []].append(c.key)
            }
        }
        var out: [Finding] = []
        for id in evidence.keys.sorted() {
            let list = evidence[id]!
            var seen = Set<String>()
            let sources = list.map(\.0.source).filter { seen.insert($0).inserted }.sorted()
            let n = independence.independentCount(sources)
            guard n >= 2 else { continue }
            var quoted = Set<String>()
            let quotes = list.filter { quoted.insert($0.0.source).inserted }.prefix(4).map {
                FindingEvidence(source: $0.0.source, line: $0.0.line, text: $0.0.text, note: "discovered", claim: $0.1)
            }
            let e = relations.entities[id]
            out.append(Finding(id: "lexicon:candidate:\(id)", kind: .lexicon, code: "discovered-candidate", severity: .note,
                               message: "discovered \(e?.kind.rawValue ?? "entity") “\(e?.name ?? id)” is named by \(n) independent sources: a candidate for the lexicon",
                               claims: keys[id] ?? [], sources: sources, evidence: Array(quotes), support: n))
        }
        return out
    }
}
