/// Claims about structures: a condition *involves* the structure a sentence places it in
/// ("irritation of the IT band where it rubs over the femur", "pain around the kneecap"),
/// and a treatment *targets* the structure it works on ("clamshells strengthen the
/// gluteus medius", "strengthen your glutes with side planks").
extension ClaimExtractor {
    /// Stems that say where it hurts: enough to place the section's condition.
    static let locationCues: Set<String> = [
        "pain", "ach", "hurt", "tender", "swell", "around", "across", "behind", "below", "beneath", "under", "underneath", "insid", "outsid",
    ]
    /// Stems that place a condition in a structure: where it hurts, or what happens to the structure.
    static let involvementCues: Set<String> = locationCues.union([
        "affect", "involv", "irrit", "inflam", "inflamm", "rub", "friction", "degener", "damag", "soften", "wear",
        "tear", "injuri", "overload", "locat", "compress", "pinch", "thicken", "stress", "strain",
    ])
    /// Stems of what a treatment does to a structure.
    static let targetingCues: Set<String> = [
        "strengthen", "stretch", "target", "work", "activ", "engag", "isol", "loosen", "releas", "build", "fire",
        "lengthen", "mobil", "massag", "roll", "relax", "load",
    ]
    /// Words that make a structure a cause rather than the place of the condition ("weak glutes", "tight IT band").
    static let stateWords: Set<String> = ["weak", "weaker", "tight", "tighter", "stiff", "stiffer", "short", "overact", "underact", "inact", "poor", "lack"]

    /// The `involves` and `targets` claims of one sentence; none from questions, headings
    /// or negated clauses.
    func anatomyClaims(_ c: SentenceContext, isHeading: Bool) -> [Claim] {
        let s = c.sentence
        guard !isHeading, !c.asks else { return [] }
        let anatomy = s.mentions.filter { $0.kind == .anatomy }
        guard !anatomy.isEmpty else { return [] }
        let negations = effectiveNegations(s)
        func negated(_ a: Int, _ b: Int) -> Bool {
            let lo = min(a, b)
            return negations.contains { $0 < max(a, b) && lo - $0 <= 8 && !s.clauseBreak(between: min($0, lo), and: max(a, b)) }
        }
        /// Whether "and"/"or" lies between two tokens: the words belong to different items of a list.
        /// A cue that opens the structure's own name ("outside of the knee") is no list apart from it.
        func coordinated(_ a: Int, _ b: Int) -> Bool {
            a != b && (min(a, b) + 1..<max(a, b)).contains { ["and", "or"].contains(s.tokens[$0].norm) }
        }
        let hedged = s.has(.hedges)
        lazy var attribution = attribution(in: c)
        var out: [Claim] = []
        var seen = Set<String>()
        func add(_ subject: String, _ relation: Relation, _ object: String, _ rule: String) {
            guard seen.insert("\(subject) \(relation.rawValue) \(object)").inserted else { return }
            out.append(makeClaim(subject: subject, relation: relation, object: object, c, negated: false, hedged: hedged,
                                 attribution: attribution, rule: rule))
        }

        // involves: a condition named in the sentence (or the one an opening "it" refers to),
        // and a structure in the same clause with a cue of what happens there between or just around them.
        var conditions = s.mentions.filter { $0.kind == .condition }.map { (entity: $0.entity, first: $0.first, last: $0.last) }
        if conditions.isEmpty, let a = c.antecedent, let k = anaphor(in: s) { conditions = [(a, k, k)] }
        let involvement = s.positions(Self.involvementCues)
        // "Pain is felt under the kneecap", or in a list of symptoms "pain around or behind the
        // kneecap": where the section's (or article's) condition hurts.
        let located = conditions.isEmpty && (c.sectionRelation == .symptom || s.has(.symptom)) ? c.defaultSubject : nil
        for a in anatomy {
            if a.first > 0, Self.stateWords.contains(s.tokens[a.first - 1].norm) { continue }
            if a.last + 2 < s.tokens.count, Cues.passive.contains(s.tokens[a.last + 1].norm),
               Self.stateWords.contains(s.tokens[a.last + 2].norm) { continue }
            // A cue just before the structure, in its clause and not across a list ("IT band ache and ankles").
            let cueBefore = involvement.contains { k in k < a.first && a.first - k <= 3 && !s.clauseBreak(between: k, and: a.first) && !coordinated(k, a.first) }
            if let located, !negated(max(0, a.first - 3), a.last),
               (max(0, a.first - 3)..<a.first).contains(where: { Self.locationCues.contains(s.tokens[$0].stem) && !s.clauseBreak(between: $0, and: a.first) && !coordinated($0, a.first) }) {
                add(located, .involves, a.entity, "section:symptom+involves")
                continue
            }
            guard let condition = conditions.min(by: { abs($0.first - a.first) < abs($1.first - a.first) }) else { continue }
            let lo = min(condition.last, a.first), hi = max(condition.first, a.last)
            guard hi - lo <= 12, !s.clauseBreak(between: lo, and: hi) else { continue }
            let cue = cueBefore || involvement.contains { k in k > lo && k < hi && !coordinated(k, a.first) }
            guard cue, !negated(lo, hi) else { continue }
            // "strengthen the glutes to relieve PFPS": a structure a remedy works on is not where the condition is.
            if (max(0, a.first - 3)..<a.first).contains(where: { Self.targetingCues.contains(s.tokens[$0].stem) }) { continue }
            add(condition.entity, .involves, a.entity, "cue:involves")
        }

        // targets: a treatment and a structure in one clause joined by what the treatment does
        // ("clamshells strengthen the glutes", "foam rolling your quads"), or the structure
        // first and the treatment after "with"/"using"/"by" ("stretch your calves with a wall stretch").
        let targeting = s.positions(Self.targetingCues)
        let treatments = s.mentions.filter { $0.kind == .treatment }
        for t in treatments where !isNotTreatment(t, s) {
            for a in anatomy {
                let (lo, hi) = t.last < a.first ? (t.last, a.first) : (a.last, t.first)
                guard hi > lo, hi - lo <= 8, !s.clauseBreak(between: lo, and: hi), !negated(min(t.first, a.first), hi) else { continue }
                let joined: Bool
                if t.last < a.first {
                    // Or "for" right before the structure: "exercises for your glutes", not "for 30 seconds and swap legs".
                    joined = targeting.contains { k in k > lo && k < hi && !coordinated(k, a.first) }
                        || (max(lo + 1, a.first - 2)..<a.first).contains { s.tokens[$0].norm == "for" && !coordinated($0, a.first) }
                } else {
                    let cueBefore = targeting.contains { $0 < a.first && a.first - $0 <= 3 }
                    joined = cueBefore && (lo + 1..<hi).contains { ["with", "use", "using", "by", "through", "via"].contains(s.tokens[$0].norm) }
                }
                if joined { add(t.entity, .targets, a.entity, "cue:targets") }
            }
        }
        return out
    }
}
