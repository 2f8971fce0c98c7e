/// Builds phrase entities from an anatomy word and the word that qualifies it:
/// "weak glutes" → cause *weak gluteus maximus*, "strengthening the hamstrings" →
/// treatment *hamstring strengthening*, "tight TFL" → cause *tight tensor fasciae latae*.
/// A composed phrase that the lexicon has is read as that entity; others are discovered.
struct Composer {
    struct Pattern {
        var stems: Set<String>
        var kind: EntityKind
        /// Name template: `%@` is the anatomy's name.
        var name: String
        var idPrefix: String
        var idSuffix: String
    }

    static let patterns: [Pattern] = [
        Pattern(stems: ["weak", "weaker", "weak", "underdevelop", "insuffici", "inhibit", "underact", "dormant"], kind: .cause, name: "weak %@", idPrefix: "weak-", idSuffix: ""),
        Pattern(stems: ["tight", "tighter", "tightnes", "stiff", "shorten"], kind: .cause, name: "tight %@", idPrefix: "tight-", idSuffix: ""),
        Pattern(stems: ["strengthen", "strength"], kind: .treatment, name: "%@ strengthening", idPrefix: "", idSuffix: "-strengthening"),
        Pattern(stems: ["stretch"], kind: .treatment, name: "%@ stretching", idPrefix: "", idSuffix: "-stretching"),
        Pattern(stems: ["activ", "reactiv"], kind: .treatment, name: "%@ activation", idPrefix: "", idSuffix: "-activation"),
        Pattern(stems: ["relax", "releas", "loosen"], kind: .treatment, name: "relaxing the %@", idPrefix: "relaxing-", idSuffix: ""),
    ]

    /// Words that may stand between a qualifier and its anatomy.
    static let fillers: Set<String> = ["the", "your", "my", "their", "of", "in", "on", "and", "both", "these", "those", "muscl", "is", "are", "was", "were", "too", "veri", "to", "onli", "realli", "extrem", "significantli", "especi", "particular", "its", "becom", "get", "or", "overli", "over", "area", "group", "tissu", "left", "right", "around",
                                          "for", "program", "programm", "exercis", "routin", "session", "drill"]

    /// Phrase entities composed in `s`, as (entity, qualifier token) pairs. `antecedents` are
    /// the anatomy of the previous sentence (id and text), for "All of those could be tight".
    static func compose(_ s: AnalyzedSentence, lexicon: Lexicon, byKey: [String: String], finder: MentionFinder,
                        antecedents: [(id: String, surface: String)] = []) -> [(Entity, Int)] {
        var out: [(Entity, Int)] = []
        let anatomy = s.mentions.filter { $0.kind == .anatomy }
        var insideStates: [Mention] = []
        // "relax the overly tight gluteal muscles": the structure inside a state mention can take a remedy.
        for m in s.mentions where m.kind == .cause && m.last > m.first {
            guard let state = (m.first..<m.last).first(where: { states.contains(s.tokens[$0].stem) }) else { continue }
            for inner in finder.mentions(in: Array(s.tokens[(state + 1)...m.last])) where inner.kind == .anatomy {
                insideStates.append(Mention(entity: inner.entity, kind: .anatomy, first: inner.first + state + 1, last: inner.last + state + 1,
                                       start: inner.start, end: inner.end))
            }
        }
        if !antecedents.isEmpty, let first = s.tokens.first, anaphors.contains(first.norm) {
            // "Spend time rolling your glutes and calves. All of those could be tight."
            for p in patterns where p.kind == .cause {
                // "They might also assess …, as weaknesses in these areas …": the state must be said in the anaphor's own clause.
                guard let q = s.tokens.indices.first(where: { p.stems.contains(s.tokens[$0].stem) }), !s.clauseBreak(between: 0, and: q) else { continue }
                for (id, surface) in antecedents {
                    if let part = lexicon[id] { out.append((entity(p, part, surface: surface, lexicon: lexicon, byKey: byKey), q)) }
                }
            }
        }
        guard !anatomy.isEmpty || !insideStates.isEmpty else { return out }
        let marks = TokenMarks(s)
        for m in anatomy + insideStates {
            guard let part = lexicon[m.entity] else { continue }
            let inside = insideStates.contains(m)
            for (pi, p) in patterns.enumerated() where !inside || p.kind == .treatment {
                guard let q = qualifier(pi, near: m, in: s, marks: marks) else { continue }
                let surface = String(decoding: s.bytes[m.start..<m.end], as: UTF8.self)
                out.append((entity(p, part, surface: surface, lexicon: lexicon, byKey: byKey), q))
            }
        }
        return out
    }

    /// Stems of the qualifiers that state a cause ("weak", "tight").
    static let states = Set(patterns.filter { $0.kind == .cause }.flatMap(\.stems))

    /// Words that open a sentence about the things just named.
    static let anaphors: Set<String> = ["all", "these", "those", "they", "both", "each"]

    /// The entity pattern `p` makes of `part` (written `surface` in the text): the lexicon's
    /// when it has the phrase, else a discovered one.
    private static func entity(_ p: Pattern, _ part: Entity, surface: String?, lexicon: Lexicon, byKey: [String: String]) -> Entity {
        let name = p.name.replacingOccurrences(of: "%@", with: part.name)
        for alias in [part.name] + (surface.map { [$0] } ?? []) {
            if let id = byKey[AliasKey.make(p.name.replacingOccurrences(of: "%@", with: alias))], let known = lexicon[id] { return known }
        }
        return Entity(id: p.idPrefix + part.id + p.idSuffix, kind: p.kind, name: name,
                      description: "", parents: [], targets: p.kind == .treatment ? [part.id] : [],
                      subtype: p.kind == .treatment ? "exercise" : nil, discovered: true)
    }

    /// What the qualifier walk asks of each token of a sentence, read from the sentence's
    /// `WordMarks` once per token rather than looked up once per mention and pattern (a
    /// sentence of hundreds of mentions in a row would otherwise hash the same stems
    /// thousands of times).
    struct TokenMarks {
        /// Bit `i` set: the token's stem is one of `patterns[i].stems`.
        var patterns: [UInt8]
        var filler: [Bool]
        var state: [Bool]
        /// The token lies inside a mention.
        var covered: [Bool]

        init(_ s: AnalyzedSentence) {
            let n = s.tokens.count
            patterns = [UInt8](repeating: 0, count: n)
            filler = [Bool](repeating: false, count: n)
            state = [Bool](repeating: false, count: n)
            covered = [Bool](repeating: false, count: n)
            for (k, marks) in s.composerMarks.enumerated() {
                patterns[k] = UInt8(truncatingIfNeeded: marks & (1 << Composer.patterns.count - 1))
                filler[k] = marks & WordMarks.filler != 0
                state[k] = marks & WordMarks.state != 0
            }
            for m in s.mentions { for k in m.first...m.last { covered[k] = true } }
        }
    }

    /// The token index of a qualifier of `patterns[pi]` that governs the mention `m`, if any.
    private static func qualifier(_ pi: Int, near m: Mention, in s: AnalyzedSentence, marks: TokenMarks) -> Int? {
        let p = patterns[pi]
        let bit = UInt8(1) << pi
        // Before the anatomy: "weak glutes", "strengthening the glut med and hamstring muscles".
        var k = m.first - 1
        var steps = 0
        // Mentions standing between do not count as steps, so the walk is bounded in
        // tokens too: a sentence of hundreds of mentions in a row stays linear.
        var walked = 0
        while k >= 0 && steps < 6 && walked < 24 {
            walked += 1
            if marks.patterns[k] & bit != 0 { return k }
            // "Weakness in the hip muscles that control rotation, especially the gluteus medius":
            // what "especially" singles out takes the quality of the phrase before it.
            if p.kind == .cause, ["especi", "particular"].contains(s.tokens[k].stem) {
                return (max(0, k - 10)..<k).last { marks.patterns[$0] & bit != 0 }
            }
            // Other named things may stand between: "strengthening the glut med and hamstring muscles".
            let inMention = marks.covered[k]
            // A state may stand between a remedy and its anatomy: "relax the overly tight glutes".
            let state = marks.state[k]
            // "Weak quadriceps and stiff ankles": a nearer state of another kind owns the structure.
            if state && p.kind == .cause && !inMention { break }
            guard marks.filler[k] || inMention || (state && p.kind == .treatment) else { break }
            k -= 1
            if !inMention { steps += 1 }
        }
        // After it: "glutes are weak", "gluteus medius strengthening", "hamstring stretching".
        k = m.last + 1
        steps = 0
        while k < s.tokens.count && steps < 4 {
            if marks.patterns[k] & bit != 0 {
                // "quadriceps and stiff ankles": a qualifier that goes with the next structure is not this one's.
                let next = k + 1 < s.tokens.count ? s.mentions.first { $0.first == k + 1 } : nil
                if next?.kind == .anatomy { return nil }
                return s.clauseBreak(between: m.last, and: k) ? nil : k
            }
            guard marks.filler[k] else { break }
            k += 1
            steps += 1
        }
        return nil
    }
}
