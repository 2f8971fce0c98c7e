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
        for c in claims {
            // Statement index by source, one table per stance.
            var bySide: (pro: [String: Int], con: [String: Int]) = ([:], [:])
            for ev in c.evidence {
                let pro = c.relation != .notRecommended && ev.polarity == .asserted
                let quote = Quote(source: ev.source, line: ev.line, start: ev.start, text: ev.text,
                                  weak: ev.certainty == .hedged || ev.attribution == SupportAnalysis.anecdote)
                if let i = pro ? bySide.pro[ev.source] : bySide.con[ev.source] {
                    if !out[i].quotes.contains(where: { $0.start == quote.start }) { out[i].quotes.append(quote) }
                } else {
                    if pro { bySide.pro[ev.source] = out.count } else { bySide.con[ev.source] = out.count }
                    out.append(Statement(family: Family(c.relation), object: c.object, pro: pro, source: ev.source,
                                         claim: c.key, subject: c.subject, quotes: [quote], cue: nil))
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
