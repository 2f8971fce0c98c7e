/// Tests on a sentence's clauses and its place in the discourse: conditions, questions,
/// pronouns that refer back, the direction of cause cues, consequences, advice, practitioners,
/// and mentions that name no treatment; plus the structure → condition links.
extension ClaimExtractor {
    /// The first token of the list that the mention at `first` ends or sits in: "ultrasound,
    /// laser or electrical stimulation" starts at "ultrasound". Items are mentions joined by
    /// commas, "and", "or" or "nor".
    func enumerationStart(_ first: Int, _ s: AnalyzedSentence) -> Int {
        var start = first
        while start > 0 {
            var k = start - 1
            // "ultrasound, laser and other electrotherapy": "other" ends a list of its kind.
            if k > 0, Self.listOthers.contains(s.tokens[k].norm), ["and", "or"].contains(s.tokens[k - 1].norm) { k -= 2 }
            else if ["and", "or", "nor"].contains(s.tokens[k].norm) { k -= 1 }
            else {
                let gap = s.bytes[s.tokens[k].end..<s.tokens[start].start]
                guard gap.contains(UInt8(ascii: ",")), !gap.contains(where: { $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: ")") }) else { break }
            }
            guard k >= 0, let item = s.mentions.first(where: { $0.last == k && $0.kind != .anatomy && $0.kind != .condition }) else { break }
            start = item.first
        }
        return start
    }

    /// Whether "than" ("rather than", "more than", "instead of") comes just before `first` in its
    /// clause, or the "as" of "twice as often as male runners": what it is compared with.
    func setAside(_ first: Int, _ s: AnalyzedSentence) -> Bool {
        if first >= 3, s.tokens[first - 1].norm == "as", (first - 4..<first - 2).contains(where: { $0 >= 0 && s.tokens[$0].norm == "as" }) { return true }
        return (max(0, first - 3)..<first).contains { k in
            (s.tokens[k].norm == "than" || (s.tokens[k].norm == "instead" && k + 1 < s.tokens.count && s.tokens[k + 1].norm == "of"))
                && !s.clauseBreak(between: k, and: first)
        }
    }

    /// Whether the sentence opens with a condition: "If …", "When …", "In case …".
    func opensCondition(_ s: AnalyzedSentence) -> Bool {
        guard let first = s.tokens.first else { return false }
        return Cues.conditionLeads.contains(first.norm) || (first.norm == "in" && s.tokens.count > 1 && s.tokens[1].norm == "case")
    }

    /// Whether `s` is a short question alone in its (non-heading) block.
    func isQuestionBlock(_ s: AnalyzedSentence, _ analyzed: [AnalyzedSentence]) -> Bool {
        guard s.startsBlock, s.tokens.count <= 16, s.index + 1 == analyzed.count || analyzed[s.index + 1].sentence.block != s.sentence.block,
              let last = s.bytes.last(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "*") && $0 != UInt8(ascii: "_") }) else { return false }
        return last == UInt8(ascii: "?")
    }

    /// Whether a heading asks a yes/no question ("Is surgery ever needed?", "Do I need to stop running?") or "What about …?".
    func asksYesNo(_ s: AnalyzedSentence) -> Bool {
        guard let first = s.tokens.first else { return false }
        // "What about injections?" asks too.
        let aboutQuestion = ["what", "how"].contains(first.norm) && s.tokens.count > 1 && s.tokens[1].norm == "about"
        guard Cues.questionOpeners.contains(first.norm) || aboutQuestion else { return false }
        return s.bytes.last(where: { $0 != UInt8(ascii: " ") }) == UInt8(ascii: "?")
    }

    /// The condition a sentence is about: one named as its subject (in its first words), else the last one named.
    func subjectCondition(_ s: AnalyzedSentence) -> String? {
        // "It's more likely to be X than Y", "X rather than Y": the condition after "than" is set aside.
        let conditions = s.mentions.filter { $0.kind == .condition && !($0.first > 0 && s.tokens[$0.first - 1].norm == "than") }
        return (conditions.first { $0.first <= 2 } ?? conditions.last)?.entity
    }

    /// Whether the remedy at `object` (its list starting at `head`) opens its clause and the clause's
    /// predicate denies it: "PRP injections have mixed results and are not offered routinely",
    /// "Arthroscopic surgery … has not been shown to beat exercise", "… is generally avoided";
    /// or a later clause does so by a pronoun: "it may calm things down, but it won't fix the weakness".
    func deniedPredicate(after object: (entity: Entity, first: Int, last: Int), head: Int, _ s: AnalyzedSentence, negations: [Int]) -> Bool {
        let n = s.tokens.count
        // "… but it won't fix …", "they don't help": a pronoun for the remedy, negated, and a verb of success.
        for k in negations where k > object.last + 1 && ["it", "they", "this", "that"].contains(s.tokens[k - 1].norm) {
            // "… but it won't fix the problem on its own": not enough alone is no verdict against it.
            if ((k + 1)..<min(n, k + 3)).contains(where: { Cues.verdicts.contains(s.tokens[$0].stem) }), !saysNotEnoughAlone(after: k, s) { return true }
        }
        // "… and they rarely solve it": a remedy said seldom to work is advised against too.
        if object.last + 2 < n {
            for k in (object.last + 2)..<n where ["rarely", "seldom"].contains(s.tokens[k].norm) && ["it", "they", "this", "that"].contains(s.tokens[k - 1].norm) {
                if ((k + 1)..<min(n, k + 3)).contains(where: { Cues.verdicts.contains(s.tokens[$0].stem) }) { return true }
            }
        }
        let opens = head <= 1 || s.bytes[s.tokens[head - 1].end..<s.tokens[head].start].contains(UInt8(ascii: ":"))
        guard opens else { return false }
        var appositionEnd = 0
        for k in (object.last + 1)..<min(n, object.last + 13) {
            if k < appositionEnd { continue }
            let gap = s.bytes[s.tokens[k - 1].end..<s.tokens[k].start]
            if k != appositionEnd, gap.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: ":") }) {
                // "Surgery, including lateral release, is not recommended": an example set between commas.
                guard let resume = afterApposition(at: k, s) else { return false }
                appositionEnd = resume
                continue
            }
            if Cues.scopeEnders.contains(s.tokens[k].stem) || s.mentions.contains(where: { $0.first == k && $0.kind == .condition }) { return false }
            let t = s.tokens[k]
            let next = k + 1 < n ? s.tokens[k + 1].norm : ""
            // "doesn't have to be heavy", "isn't necessarily bad": no verdict.
            if ["have", "has", "need", "needs", "just", "only", "always", "necessarily", "all", "mean"].contains(next) { continue }
            // "are also not recommended", "is generally not advised": an adverb may stand after the auxiliary.
            let auxiliary = Cues.auxiliaries.contains(s.tokens[k - 1].norm)
                || (k >= 2 && Cues.auxiliaries.contains(s.tokens[k - 2].norm) && (s.tokens[k - 1].norm == "also" || s.tokens[k - 1].norm.hasSuffix("ly")))
            let denial = (["not", "never"].contains(t.norm) && auxiliary && negations.contains(k))
                || (["wont", "doesnt", "dont", "isnt", "arent", "cant", "shouldnt"].contains(t.norm) && negations.contains(k))
                || (["hasnt", "havent"].contains(t.norm) && !["that", "which", "who"].contains(s.tokens[k - 1].norm))
                || (t.stem == "avoid" && t.norm.hasSuffix("ed") && (max(0, k - 3)..<k).contains { Cues.passive.contains(s.tokens[$0].norm) })
            // "… won't hold anything in place, but it keeps the joint warm": a limit, no verdict.
            if denial { return !answeredByContrast(after: k, s) }
        }
        return false
    }

    /// The token index of a pronoun or "the result" that opens the sentence and refers back, if any.
    func anaphor(in s: AnalyzedSentence) -> Int? {
        guard let first = s.tokens.first else { return nil }
        if ["it", "this", "that", "these", "they", "such"].contains(first.norm) {
            return s.mentions.first?.first == 0 ? nil : 0
        }
        if first.norm == "the", s.tokens.count > 1, ["result", "outcom", "consequ", "condit", "problem", "injuri"].contains(s.tokens[1].stem) { return 0 }
        // "In landing sports it has been associated with …": the pronoun after an opening phrase of place or time.
        if ["in", "among", "during", "over", "for", "at"].contains(first.norm) {
            for k in 1..<min(s.tokens.count, 6) where ["it", "this", "they"].contains(s.tokens[k].norm) {
                return s.mentions.contains { $0.first < k } || s.clauseBreak(between: 0, and: k) && k > 1 && !s.bytes[s.tokens[k - 1].end..<s.tokens[k].start].contains(UInt8(ascii: ",")) ? nil : k
            }
        }
        return nil
    }

    /// Words that open an example set inside commas: "Surgery, including lateral release, is …".
    static let appositionOpeners: Set<String> = ["including", "such", "especially", "particularly", "like", "notably"]

    /// The token after the comma that closes an example set opening at `k` (within eight words),
    /// or nil when `k` opens none.
    func afterApposition(at k: Int, _ s: AnalyzedSentence) -> Int? {
        guard Self.appositionOpeners.contains(s.tokens[k].norm) else { return nil }
        for j in (k + 1)..<min(s.tokens.count, k + 9) {
            let gap = s.bytes[s.tokens[j - 1].end..<s.tokens[j].start]
            if gap.contains(where: { $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: ":") }) { return nil }
            if gap.contains(UInt8(ascii: ",")) { return j }
        }
        return nil
    }

    /// The remedy of `objects` that an example set holding the token `first` follows:
    /// "Surgery, including lateral release, …" gives *surgery* for "lateral release".
    func appositionHost(of first: Int, among objects: [(entity: Entity, first: Int, last: Int)], _ s: AnalyzedSentence) -> (entity: Entity, first: Int, last: Int)? {
        objects.first { o in
            o.entity.kind == .treatment && o.last + 1 < first
                && afterApposition(at: o.last + 1, s).map { first < $0 } == true
                && s.bytes[s.tokens[o.last].end..<s.tokens[o.last + 1].start].contains(UInt8(ascii: ","))
        }
    }

    /// Whether the cause cue at `k` names the cause after it and the effect before it:
    /// "due to", "because", "the reason", "stems from", "caused by", "the result of".
    func isEffectCue(_ k: Int, _ s: AnalyzedSentence) -> Bool {
        let next = k + 1 < s.tokens.count ? s.tokens[k + 1].norm : ""
        if Cues.effectFirst.contains(s.tokens[k].stem) { return !["for", "of", "behind"].contains(next) }
        return next == "by" || (s.tokens[k].stem == "result" && (next == "of" || next == "from"))
    }

    /// Whether `object` comes after a forward cause cue ("can cause", "leads to", "wear down")
    /// whose agent, in the same clause, is the subject condition or a pronoun for it.
    /// `cues` are the positions of `Cues.produces` in `s`.
    func isConsequence(_ object: (entity: Entity, first: Int, last: Int), of subject: String, _ s: AnalyzedSentence, cues: [Int]) -> Bool {
        for cue in cues where cue <= object.first && object.first - cue <= 6 && !isEffectCue(cue, s) {
            guard !s.clauseBreak(between: cue, and: object.first) else { continue }
            var k = cue - 1
            while k >= 0 && cue - k <= 4 && !s.clauseBreak(between: k, and: cue) {
                if ["it", "this", "they", "which"].contains(s.tokens[k].norm) { return true }
                // "The exercise may create more pressure on the kneecap": what a remedy does is no cause.
                if s.tokens[k].stem == "exercis" || s.mentions.contains(where: { $0.last == k && ($0.entity == subject || $0.kind == .treatment) }) { return true }
                k -= 1
            }
        }
        return false
    }

    /// Whether the verb at `k` opens the sentence or a purpose: "Repair any knee drift",
    /// "how to fix …", "by resolving …" — not "they seemed to resolve my …".
    func isImperativeOrPurpose(_ k: Int, _ s: AnalyzedSentence) -> Bool {
        guard k > 0 else { return true }
        let before = s.tokens[k - 1].norm
        if ["by", "and", "then"].contains(before) { return true }
        guard before == "to" else { return false }
        return k < 2 || ["how", "way", "ways", "need", "needs", "want", "try", "must", "first", "best"].contains(s.tokens[k - 2].norm)
    }

    /// Whether a treatment mention names the person who gives it ("physiotherapist", "the acupuncture man").
    func namesPractitioner(_ object: (entity: Entity, first: Int, last: Int), _ s: AnalyzedSentence) -> Bool {
        if Cues.practitioners.contains(s.tokens[object.last].stem) { return true }
        return object.last + 1 < s.tokens.count && Cues.practitionerHeads.contains(s.tokens[object.last + 1].stem)
    }

    /// A therapy named as a field ("physical therapy research") or a participle after "be" ("are stretched").
    /// Words after "and" that close a list with its kind: "… and other electrotherapy".
    static let listOthers: Set<String> = ["other", "similar"]

    func isNotTreatment(_ m: Mention, _ s: AnalyzedSentence) -> Bool {
        // "No pain at rest", "aches even at rest": a state, not the remedy.
        if m.first == m.last, m.first > 0, s.tokens[m.first].norm == "rest", s.tokens[m.first - 1].norm == "at" { return true }
        if m.last + 1 < s.tokens.count, Cues.notTreatmentHeads.contains(s.tokens[m.last + 1].stem) { return true }
        // "The physio said she doesn't recommend it": the speaker, not physiotherapy.
        if isSpeakingPractitioner(m, s) { return true }
        // "the downhill stretches of your route": a length of ground.
        if isStretchOfGround(m, s) { return true }
        // "the Journal of Sports Physical Therapy": a name in capitals after an institution word.
        var k = m.first - 1
        while k >= 0 && m.first - k <= 4 {
            if Cues.institutions.contains(s.tokens[k].stem) { return true }
            let t = s.tokens[k]
            guard t.norm == "of" || t.norm == "the" || (s.bytes[t.start] >= 65 && s.bytes[t.start] <= 90) else { break }
            k -= 1
        }
        if m.first == m.last, s.tokens[m.first].norm.hasSuffix("ed"), m.first > 0, Cues.passive.contains(s.tokens[m.first - 1].norm) { return true }
        // "a smaller change than a firmer stability shoe": what a remedy is preferred to is not advised.
        if (max(0, m.first - 3)..<m.first).contains(where: { s.tokens[$0].norm == "than" && !s.clauseBreak(between: $0, and: m.first) }) { return true }
        // "the band won't stretch": a verb after a negated modal describes, it does not advise.
        if m.first == m.last, m.first > 0, ["wont", "cant", "cannot", "doesnt", "didnt", "wouldnt", "couldnt"].contains(s.tokens[m.first - 1].norm) { return true }
        // "training cycles": an activity named by a gerund ("cycling") met as a plain noun after a phase word.
        if m.first == m.last, m.first > 0, Cues.phaseModifiers.contains(s.tokens[m.first - 1].stem),
           !s.tokens[m.first].norm.hasSuffix("ing"), lexicon[m.entity]?.name.hasSuffix("ing") == true { return true }
        return false
    }

    /// The structure → condition links kept in `anatomyConditions`: a condition counts when
    /// one of its names contains one of the structure's followed by a word for a disorder
    /// ("IT band syndrome", "patellar tendon pain"; not "lateral knee drift" or "hip-related
    /// knee pain"), and it is the only such condition.
    static func linkAnatomy(_ lexicon: Lexicon) -> [String: String] {
        let tokenizer = Tokenizer(stemmer: Stemmer())
        func forms(_ e: Entity) -> [[String]] { ([e.name] + e.aliases).map { tokenizer.tokens($0).map(\.stem) }.filter { !$0.isEmpty } }
        let disorders = Set(Cues.disorderHeads.flatMap { tokenizer.tokens($0).map(\.stem) })
        let conditions = lexicon.entities.filter { $0.kind == .condition }.map { ($0.id, forms($0)) }
        var out: [String: String] = [:]
        for a in lexicon.entities where a.kind == .anatomy {
            let parts = forms(a)
            let hits = conditions.filter { _, names in
                names.contains { name in parts.contains { part in
                    part.count < name.count && (0..<(name.count - part.count)).contains {
                        Array(name[$0..<($0 + part.count)]) == part && disorders.contains(name[$0 + part.count]) } } }
            }
            if hits.count == 1 { out[a.id] = hits[0].0 }
        }
        return out
    }
}
