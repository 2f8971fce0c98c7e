/// The audit page: findings grouped by kind, then by severity (errors first), each with
/// links to the claims and sources concerned and the quoted evidence.
struct AuditPage {
    let model: SiteModel
    let root = "../"
    /// Findings listed per kind and severity; the rest are counted.
    static let limit = 500
    /// Claims and sources linked per finding; the rest are counted (a contradiction on a
    /// large corpus can involve thousands of sources, and `kneebase audit --json` lists them all).
    static let linksPerFinding = 12

    static let titles: [(Finding.Kind, String)] = [
        (.contradiction, "Contradictions"), (.support, "Thin support"), (.quality, "Source quality"), (.lexicon, "Lexicon"),
    ]
    static let title = "Audit"
    static let description = "Claims on thin support, contradictions between sources and sources of doubtful quality."

    /// What the page shows, before it becomes template values or HTML.
    struct Group {
        var id: String, title: String, count: String
        var severities: [Severity]
    }

    /// The findings of one kind and severity.
    struct Severity {
        var label: String, count: String
        var findings: [Item]
        var hidden: String?
    }

    /// One finding as listed.
    struct Item {
        struct Link { var label: String, href: String }
        struct Quote { var text: String, href: String, line: Int, sourceTitle: String }
        var severity: String, message: String, code: String
        var claims: [Link], sources: [Link], evidence: [Quote]
        var moreClaims: String?, moreSources: String?, more: String?
    }

    /// The groups of findings, by kind in `titles` order.
    func groups() -> [Group] {
        let byKind = Dictionary(grouping: model.findings, by: \.kind)
        var sentenceIndex: [String: [Int: [Int]]] = [:]  // source → line → sentence indexes, built on demand
        return Self.titles.compactMap { kind, title -> Group? in
            guard let list = byKind[kind], !list.isEmpty else { return nil }
            let severities = Diagnostic.Severity.allCases.sorted(by: >).compactMap { sev -> Severity? in
                let items = list.filter { $0.severity == sev }.sorted { $0.id < $1.id }
                guard !items.isEmpty else { return nil }
                let shown = items.prefix(Self.limit).map { item($0, &sentenceIndex) }
                return Severity(label: sev == .error ? "Errors" : sev == .warning ? "Warnings" : "Notes", count: Text.grouped(items.count),
                                findings: shown,
                                hidden: items.count > shown.count ? "And \(Text.grouped(items.count - shown.count)) more; `kneebase audit` lists them all." : nil)
            }
            return Group(id: kind.rawValue, title: title, count: Text.grouped(list.count), severities: severities)
        }
    }

    /// The template values of the page (for a theme's `audit.mustache`).
    func context() -> [String: Any] {
        var ctx = PageContext.common(model, root: root, title: Self.title, description: Self.description, section: "audit")
        func links(_ list: [Item.Link]) -> [[String: Any]] { list.map { ["label": $0.label, "href": $0.href] } }
        ctx["groups"] = groups().map { g -> [String: Any] in
            ["id": g.id, "title": g.title, "count": g.count, "severities": g.severities.map { s -> [String: Any] in
                ["label": s.label, "count": s.count, "hidden": orFalse(s.hidden), "findings": s.findings.map { f -> [String: Any] in
                    ["severity": f.severity, "message": f.message, "code": f.code,
                     "claims": links(f.claims), "sources": links(f.sources),
                     "evidence": f.evidence.map { q -> [String: Any] in
                         ["text": q.text, "href": q.href, "line": q.line, "sourceTitle": q.sourceTitle,
                          "attribution": false, "hedged": false, "negated": false]
                     },
                     "moreClaims": orFalse(f.moreClaims), "moreSources": orFalse(f.moreSources), "more": orFalse(f.more)]
                }]
            }]
        }
        ctx["auditRan"] = !model.findings.isEmpty
        return ctx
    }

    /// "and 3 more claims (`kneebase audit` lists them all)", or nil.
    private static func more(_ n: Int, _ noun: String) -> String? {
        n > 0 ? "and \(Text.count(n, "more " + noun)) (`kneebase audit` lists them all)" : nil
    }

    private func item(_ f: Finding, _ sentenceIndex: inout [String: [Int: [Int]]]) -> Item {
        let claims = f.claims.prefix(Self.linksPerFinding).map { key -> Item.Link in
            let parts = key.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 3, let relation = Relation(rawValue: parts[1]) else { return Item.Link(label: key, href: "#") }
            let section = relation.anchor
            return Item.Link(label: "\(model.name(parts[0])) · \(relation.label) · \(model.name(parts[2]))",
                             href: (model.entityHref(parts[0], root: root) ?? "#") + "#" + section)
        }
        let sources = f.sources.prefix(Self.linksPerFinding).map { s -> Item.Link in
            let title = model.documentIndex[s].map { model.title(of: model.graph.documents[$0]) } ?? s
            return Item.Link(label: title, href: model.paths.source(s).map { root + $0 } ?? "#")
        }
        let evidence = f.evidence.prefix(5).map { ev -> Item.Quote in
            var href = model.paths.source(ev.source).map { root + $0 } ?? "#"
            if let di = model.documentIndex[ev.source] {
                if sentenceIndex[ev.source] == nil {
                    var byLine: [Int: [Int]] = [:]
                    for (i, s) in model.graph.documents[di].sentences.enumerated() { byLine[s.range.line, default: []].append(i) }
                    sentenceIndex[ev.source] = byLine
                }
                let candidates = sentenceIndex[ev.source]?[ev.line] ?? []
                let doc = model.graph.documents[di]
                if let si = candidates.first(where: { doc.sentences[$0].text == ev.text }) ?? candidates.first {
                    href += "#" + SitePaths.sentenceAnchor(si)
                }
            }
            return Item.Quote(text: ev.text, href: href, line: ev.line,
                              sourceTitle: model.documentIndex[ev.source].map { model.title(of: model.graph.documents[$0]) } ?? ev.source)
        }
        return Item(severity: f.severity.rawValue, message: f.message, code: f.code,
                     claims: Array(claims), sources: Array(sources), evidence: Array(evidence),
                     moreClaims: Self.more(f.claims.count - claims.count, "claim"),
                     moreSources: Self.more(f.sources.count - sources.count, "source"),
                     more: f.evidence.count > 5 ? "And \(Text.count(f.evidence.count - 5, "more sentence"))." : nil)
    }
}
