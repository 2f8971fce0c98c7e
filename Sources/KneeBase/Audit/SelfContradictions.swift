/// Sources that take both sides on one thing for one condition: recommend a treatment and
/// advise against it, or name a cause and deny it. The contradiction finder leaves such a
/// source out of its comparisons; an editor still wants to read the two sentences, since
/// either the source says something subtle (a double negative, "rest alone is not enough")
/// or a claim was misread.
struct SelfContradictions: Sendable {
    let relations: EntityRelations

    /// Quotes shown per side.
    static let quotesPerSide = 2

    private struct Key: Hashable, Comparable {
        var source: String
        var subject: String
        var family: String
        var object: String
        static func < (a: Key, b: Key) -> Bool { (a.source, a.subject, a.family, a.object) < (b.source, b.subject, b.family, b.object) }
    }

    /// One note per (source, condition, thing) with statements on both sides. Only claims
    /// about a thing that some claim speaks against are read as statements.
    func findings(_ claims: [Claim]) -> [Finding] {
        func against(_ c: Claim) -> String { "\(c.subject)|\(Statement.Family(c.relation).name)|\(c.object)" }
        var opposed = Set<String>()
        for c in claims where c.relation == .notRecommended || c.evidence.contains(where: { $0.polarity == .negated }) {
            opposed.insert(against(c))
        }
        guard !opposed.isEmpty else { return [] }
        let statements = Statement.from(claims.filter { opposed.contains(against($0)) })
        var sides: [Key: (pro: [Statement], con: [Statement])] = [:]
        for s in statements {
            guard let subject = s.subject, s.claim != nil else { continue }
            switch s.family {
            case .treatment, .cause: break
            default: continue
            }
            let key = Key(source: s.source, subject: subject, family: s.family.name, object: s.object)
            if s.pro { sides[key, default: ([], [])].pro.append(s) } else { sides[key, default: ([], [])].con.append(s) }
        }
        return sides.filter { !$0.value.pro.isEmpty && !$0.value.con.isEmpty }.sorted { $0.key < $1.key }.map { key, side in
            let thing = relations.name(key.object), condition = relations.name(key.subject)
            let (yes, no) = key.family == "treatment" ? ("recommends", "advises against") : ("names as a cause", "denies as a cause")
            let message = "\(SourceQuality.name(key.source)) both \(yes) and \(no) “\(thing)” for \(condition): read the sentences"
                + " (a double negative or a nuance such as “not enough on its own” is often the reason, or a claim was misread)"
            let evidence = Self.quotes(side.pro, note: "\(yes) “\(thing)”") + Self.quotes(side.con, note: "\(no) “\(thing)”")
            let claims = ContradictionFinder.unique((side.pro + side.con).compactMap(\.claim))
            return Finding(id: "contradiction:self:\(key.family):\(key.subject):\(key.object):\(key.source)", kind: .contradiction,
                           code: "source-says-both", severity: .note, message: message, claims: claims, sources: [key.source],
                           evidence: evidence)
        }
    }

    private static func quotes(_ statements: [Statement], note: String) -> [FindingEvidence] {
        var out: [FindingEvidence] = []
        for s in statements {
            for q in s.quotes where out.count < quotesPerSide && !out.contains(where: { $0.line == q.line && $0.text == q.text }) {
                out.append(FindingEvidence(source: q.source, line: q.line, text: q.text, note: note, claim: s.claim))
            }
        }
        return out
    }
}
