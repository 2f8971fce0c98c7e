/// One disagreement about a structure's role, reported once. When a source says a muscle
/// plays no part ("the vastus medialis does not change how the kneecap tracks"), every
/// cause that blames that muscle and every exercise that works it is contradicted by the
/// same sentences; an editor should see one finding naming the structure, the sources that
/// deny its role (and what else they advise against), and the claims of the other side.
extension ContradictionFinder {
    /// The findings of `results`, in their order: the anchors opposed by the same denied role
    /// (two or more) make one finding about it, after the others.
    func findings(of results: [AnchorResult]) -> [Finding] {
        var byRole: [String: [Int]] = [:]
        for (i, result) in results.enumerated() {
            if let role = result.opponents.filter({ $0.group.family == .role }).map(\.group.object).min() {
                byRole[role, default: []].append(i)
            }
        }
        let shared = byRole.filter { $0.value.count > 1 }
        let merged = Set(shared.values.joined())
        var out = results.indices.filter { !merged.contains($0) }.map { finding(results[$0]) }
        for (role, members) in shared.sorted(by: { $0.key < $1.key }) {
            out.append(roleFinding(role, members.map { results[$0] }))
        }
        return out
    }

    /// The finding about the denied role of `role` (an anatomy id), from the anchors it opposes.
    private func roleFinding(_ role: String, _ members: [AnchorResult]) -> Finding {
        let r = relations
        let singles = members.map(finding)
        // The opposing side: the denial of the role first, then each other thing opposed, once.
        var opponents: [Opponent] = []
        let roleFirst: (Opponent, Opponent) -> Bool = { a, b in
            (a.group.family == .role) != (b.group.family == .role) ? a.group.family == .role : a.group < b.group
        }
        for o in members.flatMap(\.opponents).sorted(by: roleFirst)
            where !opponents.contains(where: { $0.group == o.group }) {
            opponents.append(o)
        }
        // Per list of sources, what they say: "a.md denies a role for … and advises against “x” and “y”".
        var said: [(sources: String, role: [String], against: [String], other: [String])] = []
        var conEvidence: [FindingEvidence] = []
        for o in opponents {
            let says = Self.neutralSays(o, relations: r)
            let sources = Self.list(Self.unique(o.statements.map(\.source)).sorted(), naming: SourceQuality.name)
            let k = said.firstIndex { $0.sources == sources } ?? { said.append((sources, [], [], [])); return said.count - 1 }()
            let name = "“\(r.name(o.group.object))”"
            switch o.group.family {
            case .role: said[k].role.append(says)
            case .treatment where !says.hasPrefix("advises against"): said[k].other.append(says)
            case .treatment: said[k].against.append(name)
            case .cause, .other: said[k].other.append(says)
            }
            var shown = 0
            for s in o.statements {
                for q in s.quotes where shown < 2 && conEvidence.count < 12
                    && !conEvidence.contains(where: { $0.source == q.source && $0.line == q.line && $0.text == q.text }) {
                    shown += 1
                    conEvidence.append(FindingEvidence(source: q.source, line: q.line, text: q.text, note: says, claim: s.claim))
                }
            }
        }
        let parts = said.map { g in
            g.sources + " " + (g.role + (g.against.isEmpty ? [] : ["advises against " + Self.list(g.against, limit: 4)]) + g.other)
                .joined(separator: " and ")
        }
        // The other side: the causes blamed on the structure and the remedies that work it.
        var stances: [String] = []
        for (family, stance) in [(Statement.Family.cause, "named as causes"), (.treatment, "recommended")] {
            let names = members.filter { $0.key.family == family }.map { "“\(r.name($0.key.object))”" }
            if !names.isEmpty { stances.append("\(Self.list(names, limit: 4)) \(names.count == 1 ? (family == .cause ? "named as a cause" : stance) : stance)") }
        }
        let others = members.filter { $0.key.family != .cause && $0.key.family != .treatment }.map { "“\(r.name($0.key.object))”" }
        if !others.isEmpty { stances.append("\(Self.list(others, limit: 4)) asserted") }
        let pro = members.flatMap(\.pro)
        let conditions = Self.unique(pro.compactMap(\.subject)).map(r.name)
        let proSources = Self.unique(pro.map(\.source)).sorted()
        let message = "Sources disagree on the role of the \(r.name(role)): " + parts.joined(separator: "; ")
            + "; against " + stances.joined(separator: " and ")
            + (conditions.isEmpty ? "" : " (for \(Self.list(conditions, limit: 3)))")
            + " by \(Self.list(proSources, naming: SourceQuality.name))"
        // Each anchor's first two quotes, six at most.
        var proEvidence: [FindingEvidence] = []
        for m in members {
            let stance = Self.stance(m.key.family)
            var taken = 0
            for s in m.pro {
                for q in s.quotes where taken < 2 && proEvidence.count < 6
                    && !proEvidence.contains(where: { $0.source == q.source && $0.line == q.line && $0.text == q.text }) {
                    taken += 1
                    proEvidence.append(FindingEvidence(source: q.source, line: q.line, text: q.text,
                                                       note: "\(stance): “\(r.name(m.key.object))”\(s.subject.map { " (\(r.name($0)))" } ?? "")", claim: s.claim))
                }
            }
        }
        return Finding(id: "contradiction:role:\(role)", kind: .contradiction, code: "role-denied",
                       severity: singles.map(\.severity).max() ?? .warning, message: message,
                       claims: Self.unique(singles.flatMap(\.claims)),
                       sources: Array(Set(singles.flatMap(\.sources))).sorted(),
                       evidence: proEvidence + conEvidence)
    }

    /// What an opponent says, without reference to any one anchor: "denies a role for the
    /// vastus medialis (“does not change”)", "advises against “mini squats”".
    private static func neutralSays(_ o: Opponent, relations r: EntityRelations) -> String {
        let cue = o.statements.lazy.compactMap(\.cue).first.map { " (“\($0)”)" } ?? ""
        switch o.group.family {
        case .role: return "denies a role for the \(r.name(o.group.object))\(cue)"
        case .treatment: return cue.isEmpty ? "advises against “\(r.name(o.group.object))”" : "denies that “\(r.name(o.group.object))” helps\(cue)"
        case .cause: return "denies “\(r.name(o.group.object))” as a cause\(cue)"
        case .other: return "negates “\(r.name(o.group.object))”"
        }
    }
}
