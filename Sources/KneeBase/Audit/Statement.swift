/// One source's stance on one entity in one family of relations: for it (recommends a
/// treatment, names a cause) or against it (advises against, denies), with its quotes.
/// The contradiction finder compares statements, not claims, so that a source that says
/// both (a double negative, a question and its answer) is left out of the comparison.
struct Statement: Sendable {
    /// Relations compared with each other: treatments, causes, a denied anatomical role,
    /// or any other relation by its own name.
    enum Family: Hashable, Sendable, Comparable {
        case treatment, cause, role, other(Relation)

        init(_ relation: Relation) {
            switch relation {
            case .treatment, .notRecommended: self = .treatment
            case .cause, .riskFactor, .leadsTo: self = .cause
            default: self = .other(relation)
            }
        }

        var name: String {
            switch self {
            case .treatment: "treatment"
            case .cause: "cause"
            case .role: "role"
            case .other(let r): r.rawValue
            }
        }

        static func < (a: Family, b: Family) -> Bool { a.name < b.name }
    }

    struct Quote: Sendable, Hashable {
        var source: String
        var line: Int
        var start: Int
        var text: String
        /// Hedged, or only the author's own experience.
        var weak: Bool
    }

    var family: Family
    var object: String
    var pro: Bool
    var source: String
    /// The claim this comes from (nil for a denial found by the scanner).
    var claim: String?
    var subject: String?
    var quotes: [Quote]
    /// For denials: the cue, e.g. "does not change".
    var cue: String?

    /// Statements of every claim, one per (claim, source, stance).
    static func from(_ claims: [Claim]) -> [Statement] {
        var out: [Statement] = []
        out.reserveCapacity(claims.count)
        for c in claims {
            let key = c.key
            let family = Family(c.relation)
            let evidence = c.evidence
            // A merged claim's evidence is sorted by source: a source's statements are then the last
            // ones made (found without a table); otherwise they are looked up by source, one table per stance.
            let grouped = evidence.indices.dropFirst().allSatisfy { evidence[$0 - 1].source <= evidence[$0].source }
            var bySide: (pro: [String: Int], con: [String: Int]) = ([:], [:])
            let first = out.count
            for k in evidence.indices {
                let source = evidence[k].source
                let pro = c.relation != .notRecommended && evidence[k].polarity == .asserted
                let quote = Quote(source: source, line: evidence[k].line, start: evidence[k].start, text: evidence[k].text,
                                  weak: evidence[k].certainty == .hedged || evidence[k].attribution == SupportAnalysis.anecdote)
                let known: Int?
                if grouped {
                    var j = out.count - 1
                    while j >= first && out[j].source == source && out[j].pro != pro { j -= 1 }
                    known = j >= first && out[j].source == source ? j : nil
                } else {
                    known = pro ? bySide.pro[source] : bySide.con[source]
                    if known == nil { if pro { bySide.pro[source] = out.count } else { bySide.con[source] = out.count } }
                }
                if let i = known {
                    if !out[i].quotes.contains(where: { $0.start == quote.start }) { out[i].quotes.append(quote) }
                } else {
                    out.append(Statement(family: family, object: c.object, pro: pro, source: source,
                                         claim: key, subject: c.subject, quotes: [quote], cue: nil))
                }
            }
        }
        return out
    }

    /// The statement a denial makes.
    static func from(_ d: Denial) -> Statement {
        let family: Family = switch d.kind {
        case .anatomy: .role
        case .treatment: .treatment
        default: .cause
        }
        return Statement(family: family, object: d.entity, pro: false, source: d.source, claim: nil, subject: nil,
                         quotes: [Quote(source: d.source, line: d.line, start: d.sentence, text: d.text, weak: d.hedged || d.anecdotal)],
                         cue: d.cue)
    }
}
