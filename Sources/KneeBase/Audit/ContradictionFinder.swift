/// Finds sources that disagree: one recommends a treatment and another advises
/// against it, one names a cause and another denies it, one asserts a claim and another
/// negates it — directly, or about a closely related entity found through the lexicon
/// (a kind of the treatment, an exercise for the same muscle, a weakness that the
/// advised-against exercise would fix, a muscle whose role is denied).
///
/// One finding per recommended or asserted entity (the *anchor*), listing everything
/// that contradicts it from independent sources — except that anchors opposed by one
/// denied role make one finding together (`ContradictionFinder+Roles`). A source that
/// says both is left out.
struct ContradictionFinder: Sendable {
    let relations: EntityRelations
    let independence: SourceIndependence

    struct GroupKey: Hashable, Comparable, Sendable {
        var family: Statement.Family
        var object: String
        static func < (a: GroupKey, b: GroupKey) -> Bool { (a.family, a.object) < (b.family, b.object) }
    }

    struct Opponent: Sendable {
        var group: GroupKey
        var direct: Bool
        /// How it contradicts the anchor, e.g. "advises against “mini squats” (a kind of squats)".
        var says: String
        var statements: [Statement]
    }

    func findings(claims: [Claim], denials: [Denial]) -> [Finding] {
        let all = Statement.from(claims) + denials.map(Statement.from)
        // Sources and entity groups by number, so that the comparisons below hash integers.
        var sourceNumbers: [String: Int] = [:]
        var keyNumbers: [GroupKey: Int] = [:]
        var c = Comparison(all: all)
        for s in all {
            let src = sourceNumbers[s.source] ?? {
                sourceNumbers[s.source] = c.groupOf.count
                c.groupOf.append(independence.groupOf(s.source))
                return c.groupOf.count - 1
            }()
            let key = GroupKey(family: s.family, object: s.object)
            let k = keyNumbers[key] ?? {
                keyNumbers[key] = c.keys.count
                c.keys.append(key)
                c.proSources.append([]); c.conSources.append([]); c.pros.append([]); c.cons.append([]); c.cue.append(nil)
                return c.keys.count - 1
            }()
            c.source.append(src)
            c.key.append(k)
            if s.pro { c.proSources[k].insert(src) } else { c.conSources[k].insert(src) }
        }
        // A source on both sides of one entity is out of the comparison for it.
        for (i, s) in all.enumerated() {
            let k = c.key[i], src = c.source[i]
            if c.proSources[k].contains(src) && c.conSources[k].contains(src) { continue }
            if s.pro { c.pros[k].append(i) } else { c.cons[k].append(i) }
        }
        for k in c.keys.indices where !c.cons[k].isEmpty {
            for key in indexKeys(con: c.keys[k]) { c.index[key, default: []].insert(k) }
            c.cue[k] = c.cons[k].lazy.compactMap { all[$0].cue }.first
        }

        // Each anchor on its own, in parallel; the findings stay in anchor order.
        let anchors = c.keys.indices.filter { !c.pros[$0].isEmpty }.sorted { c.keys[$0] < c.keys[$1] }
        let comparison = c
        return findings(of: parallelMap(anchors) { anchor in anchorResult(anchor, comparison) }.compactMap { $0 })
    }

    /// An anchor with what contradicts it: the statements for it, its opponents, and the
    /// opponents' sources.
    struct AnchorResult: Sendable {
        var key: GroupKey
        var pro: [Statement]
        var opponents: [Opponent]
        var opposed: Set<String>
    }

    /// Every statement, with its source and entity group by number, the statements for and
    /// against each group, and where statements against a group are filed.
    private struct Comparison: Sendable {
        let all: [Statement]
        /// Per statement: its source's number and its group's number.
        var source: [Int] = []
        var key: [Int] = []
        /// Per source number: its group of copies (`SourceIndependence.groupOf`).
        var groupOf: [Int] = []
        /// Per group number: the group, the sources on each side (before those on both are
        /// left out), the statements kept for and against, and the first cue against.
        var keys: [GroupKey] = []
        var proSources: [Set<Int>] = []
        var conSources: [Set<Int>] = []
        var pros: [[Int]] = []
        var cons: [[Int]] = []
        var cue: [String?] = []
        /// Group numbers with statements against them, by `indexKeys`.
        var index: [String: Set<Int>] = [:]

        init(all: [Statement]) { self.all = all }
    }

    /// What contradicts group `anchor`, nil when nothing independent does.
    private func anchorResult(_ anchor: Int, _ c: Comparison) -> AnchorResult? {
        let anchorKey = c.keys[anchor]
        var candidates = Set<Int>()
        for key in queryKeys(anchorKey) { candidates.formUnion(c.index[key] ?? []) }
        var opponents: [Opponent] = []
        for con in candidates.sorted(by: { c.keys[$0] < c.keys[$1] }) {
            guard let (direct, says) = opposition(anchorKey, c.keys[con], cue: c.cue[con]) else { continue }
            // Sources that take both sides across the pair are out.
            let proHere = c.pros[anchor].filter { !c.conSources[con].contains(c.source[$0]) }
            guard !proHere.isEmpty else { continue }
            let conHere = c.cons[con].filter { !c.proSources[anchor].contains(c.source[$0]) }
            let proGroups = Set(proHere.map { c.groupOf[c.source[$0]] })
            guard conHere.contains(where: { i in
                let g = c.groupOf[c.source[i]]
                return proGroups.contains { $0 != g }
            }) else { continue }
            opponents.append(Opponent(group: c.keys[con], direct: direct, says: says, statements: conHere.map { c.all[$0] }))
        }
        guard !opponents.isEmpty else { return nil }
        let opposed = Set(opponents.flatMap { $0.statements.map(\.source) })
        let proHere = c.pros[anchor].map { c.all[$0] }.filter { !opposed.contains($0.source) }
        guard !proHere.isEmpty else { return nil }
        return AnchorResult(key: anchorKey, pro: proHere, opponents: opponents, opposed: opposed)
    }

    /// Whether statements against `con` contradict statements for `anchor`, and how.
    private func opposition(_ anchor: GroupKey, _ con: GroupKey, cue: String?) -> (direct: Bool, says: String)? {
        let r = relations
        let x = anchor.object, y = con.object
        let quoted = cue.map { " (“\($0)”)" } ?? ""
        switch (anchor.family, con.family) {
        case (.treatment, .treatment):
            if x == y { return (true, cue == nil ? "advises against “\(r.name(y))”" : "denies that “\(r.name(y))” helps\(quoted)") }
            if let how = r.treatmentRelation(x, y) { return (false, "advises against “\(r.name(y))” (\(how))") }
        case (.cause, .cause):
            if x == y { return (true, "denies “\(r.name(y))” as a cause\(quoted)") }
            if let how = r.kinship(x, y) { return (false, "denies “\(r.name(y))” as a cause\(quoted) (\(how))") }
        case (.cause, .treatment):
            if let need = r.deficit[x], r.remedy[y] == need,
               let a = r.sharedAnatomy(r.worked(y), r.footprint[x] ?? []) {
                return (false, "advises against “\(r.name(y))”, which would \(need == .strengthening ? "strengthen" : "loosen") the \(r.name(a)) that “\(r.name(x))” blames")
            }
        case (.treatment, .cause):
            if let kind = r.remedy[x], r.deficit[y] == kind,
               let a = r.sharedAnatomy(r.footprint[y] ?? [], r.worked(x)) {
                return (false, "denies “\(r.name(y))”\(quoted), the problem of the \(r.name(a)) that “\(r.name(x))” would fix")
            }
        case (.cause, .role):
            // A weakness of the muscle or of the group it belongs to; other causes only of that very part.
            let near: (String) -> Bool = r.deficit[x] == .strengthening ? { r.relatedAnatomy($0, y) } : { $0 == y }
            if r.entities[x]?.kind == .cause, (r.footprint[x] ?? []).contains(where: near) {
                return (false, "denies a role for the \(r.name(y))\(quoted), which “\(r.name(x))” is about")
            }
        case (.treatment, .role):
            if r.worked(x).contains(y) { return (false, "denies a role for the \(r.name(y))\(quoted), which “\(r.name(x))” works") }
        case (.other(let a), .other(let b)) where a == b:
            if x == y { return (true, "negates it") }
        default:
            break
        }
        return nil
    }

    /// Where statements against `con` are filed.
    private func indexKeys(con k: GroupKey) -> [String] {
        var keys = ["o:\(k.object)"]
        switch k.family {
        case .treatment: keys += relations.worked(k.object).map { "a:\($0)" }
        case .cause: keys += (relations.footprint[k.object] ?? []).map { "a:\($0)" }
        case .role: keys.append("a:\(k.object)")
        case .other: break
        }
        return keys
    }

    /// Where to look for statements against `anchor`.
    private func queryKeys(_ k: GroupKey) -> [String] {
        let r = relations
        var keys = ["o:\(k.object)"] + r.parents(k.object).map { "o:\($0)" } + (r.children[k.object] ?? []).map { "o:\($0)" }
        let anatomy: Set<String> = switch k.family {
        case .treatment: r.worked(k.object)
        case .cause: r.footprint[k.object] ?? []
        default: []
        }
        for a in anatomy {
            keys.append("a:\(a)")
            keys += r.parents(a).map { "a:\($0)" } + (r.children[a] ?? []).map { "a:\($0)" }
        }
        return keys
    }

    /// The finding about one anchor.
    func finding(_ result: AnchorResult) -> Finding {
        let anchor = result.key, pro = result.pro, opponents = result.opponents, opposed = result.opposed
        let r = relations
        let direct = opponents.contains(where: \.direct)
        let subjects = Set(pro.compactMap(\.subject))
        let sameSubject = opponents.contains { o in o.direct && o.statements.contains { $0.subject.map(subjects.contains) ?? false } }
        var severity: Diagnostic.Severity = direct && sameSubject ? .error : .warning
        let proWeak = pro.allSatisfy { $0.quotes.allSatisfy(\.weak) }
        let conWeak = opponents.allSatisfy { $0.statements.allSatisfy { $0.quotes.allSatisfy(\.weak) } }
        let proSources = Self.unique(pro.map(\.source)).sorted()
        // A few dissenters against a broad consensus, or one side only hedged or anecdotal: one level lower.
        let minority = proSources.count >= 10 && opposed.count * 10 < proSources.count
        if proWeak || conWeak || minority { severity = severity == .error ? .warning : .note }

        let conditions = Self.unique(pro.compactMap(\.subject)).map(r.name)
        let stance = Self.stance(anchor.family)
        var parts: [String] = []
        for o in opponents.prefix(4) {
            parts.append("\(Self.list(Self.unique(o.statements.map(\.source)).sorted(), naming: SourceQuality.name)) \(o.says)")
        }
        if opponents.count > 4 { parts.append("and \(opponents.count - 4) more related disagreements") }
        let message = "Sources disagree on “\(r.name(anchor.object))”: \(stance)"
            + (conditions.isEmpty ? "" : " (for \(Self.list(conditions, limit: 3)))")
            + " by \(Self.list(proSources, naming: SourceQuality.name))"
            + (minority ? " — \(opposed.count) dissenting source\(opposed.count == 1 ? "" : "s") against \(proSources.count)" : "")
            + "; " + Self.unique(parts).joined(separator: "; ")

        var evidence: [FindingEvidence] = []
        var perSource: [String: Int] = [:]
        for s in pro {
            if evidence.count >= 4 { break }
            for q in s.quotes where evidence.count < 4 && perSource[q.source, default: 0] < 2 && !evidence.contains(where: { $0.source == q.source && $0.line == q.line && $0.text == q.text }) {
                perSource[q.source, default: 0] += 1
                evidence.append(FindingEvidence(source: q.source, line: q.line, text: q.text,
                                                note: "\(stance): “\(r.name(anchor.object))”\(s.subject.map { " (\(r.name($0)))" } ?? "")", claim: s.claim))
            }
        }
        var conEvidence: [FindingEvidence] = []
        for o in opponents {
            var taken: [String: Int] = [:]
            var shown = 0
            for s in o.statements {
                if shown >= 3 || conEvidence.count >= 12 { break }
                for q in s.quotes where shown < 3 && conEvidence.count < 12 && taken[q.source, default: 0] < 2
                    && !conEvidence.contains(where: { $0.source == q.source && $0.line == q.line && $0.text == q.text }) {
                    taken[q.source, default: 0] += 1
                    shown += 1
                    conEvidence.append(FindingEvidence(source: q.source, line: q.line, text: q.text, note: o.says, claim: s.claim))
                }
            }
        }
        let claims = Self.unique(pro.compactMap(\.claim) + opponents.flatMap { $0.statements.compactMap(\.claim) })
        let code = !direct ? "related-entity"
            : anchor.family == .treatment ? "recommended-and-advised-against"
            : anchor.family == .cause ? "cause-asserted-and-denied" : "asserted-and-denied"
        return Finding(id: "contradiction:\(anchor.family.name):\(anchor.object)", kind: .contradiction, code: code, severity: severity,
                       message: message, claims: claims,
                       sources: opposed.union(proSources).sorted(),
                       evidence: evidence + conEvidence)
    }

    /// How the statements for an anchor of `family` stand: "recommended", "named as a cause", "asserted".
    static func stance(_ family: Statement.Family) -> String {
        family == .treatment ? "recommended" : family == .cause ? "named as a cause" : "asserted"
    }

    /// "a, b and c", or "a, b, c and 7 more" past `limit`; only the items shown are passed
    /// through `naming` (a list can hold thousands of sources).
    static func list(_ items: [String], limit: Int = 3, naming: (String) -> String = { $0 }) -> String {
        guard items.count > 1 else { return items.first.map(naming) ?? "" }
        if items.count > limit { return items.prefix(limit).map(naming).joined(separator: ", ") + " and \(items.count - limit) more" }
        return items.dropLast().map(naming).joined(separator: ", ") + " and " + naming(items.last!)
    }

    static func unique(_ list: [String]) -> [String] {
        var seen = Set<String>()
        return list.filter { seen.insert($0).inserted }
    }
}
