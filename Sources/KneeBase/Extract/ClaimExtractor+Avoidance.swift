/// What advice tells the reader to avoid is advised against, named by its own words when the
/// lexicon has no name for it: "avoid long downhills", "avoid downhill running and deep
/// squatting until symptoms settle", "Also skip deep squats and long spells of kneeling".
extension ClaimExtractor {
    /// Words that end the avoided phrase: a time or condition clause, a purpose, a reason.
    /// ("for now", "for a few weeks", "so you …", "until it settles").
    static let avoidedPhraseEnders: Set<String> = Cues.phraseEnders.union(Cues.conditionLeads)
        .union(["as", "while", "during", "after", "before", "to", "than", "but", "or", "and", "till", "like"])

    /// Words that may open the avoided phrase and are left out of its name.
    static let avoidedPhraseLeads: Set<String> = ["a", "an", "the", "any", "all", "your", "also"]

    /// `not_recommended` claims for the activities named after an imperative "avoid" or "skip"
    /// (or "steer clear of", "stay away from") in `c`: each conjunct up to a clause break or a
    /// time clause, when it names no lexicon entity of its own (a remedy there is the negation
    /// rule's) and no pain, injury or person ("avoid injury", "skip it").
    func avoidedActivityClaims(_ c: SentenceContext, isHeading: Bool) -> [(Claim, Entity)] {
        let s = c.sentence
        guard !isHeading, !c.asks, !c.warningSigns, let subject = c.defaultSubject else { return [] }
        let verbs = effectiveNegations(s).filter { k in
            ["avoid", "skip"].contains(s.tokens[k].norm) || ["clear", "away"].contains(s.tokens[k].norm)
        }
        var out: [(Claim, Entity)] = []
        for verb in verbs {
            var k = verb + 1
            if k < s.tokens.count, ["of", "from"].contains(s.tokens[k].norm), ["clear", "away"].contains(s.tokens[verb].norm) { k += 1 }
            out += avoidedConjuncts(from: k, s).compactMap { avoidedClaim($0.first, $0.last, subject: subject, c, prefix: "") }
        }
        return out
    }

    /// The spans of the phrase starting at `k` and of each conjunct that follows it after
    /// "and" / "or" in the same clause ("downhill running and deep squatting").
    func avoidedConjuncts(from k: Int, _ s: AnalyzedSentence) -> [(first: Int, last: Int)] {
        var out: [(first: Int, last: Int)] = []
        var from = k
        while from < s.tokens.count, let (first, last) = avoidedConjunct(from: from, s) {
            out.append((first, last))
            let next = last + 1
            guard next + 1 < s.tokens.count, ["and", "or"].contains(s.tokens[next].norm), !s.clauseBreak(between: last, and: next + 1) else { break }
            from = next + 1
        }
        return out
    }

    /// The span of the phrase starting at `k` (its opening articles skipped), up to six words
    /// and before a clause break, a dash or an ender.
    private func avoidedConjunct(from k: Int, _ s: AnalyzedSentence) -> (Int, Int)? {
        var first = k
        while first < s.tokens.count, Self.avoidedPhraseLeads.contains(s.tokens[first].norm) { first += 1 }
        guard first < s.tokens.count, !Self.avoidedPhraseEnders.contains(s.tokens[first].norm), !s.clauseBreak(between: k, and: first) else { return nil }
        var last = first
        while last + 1 < s.tokens.count, last + 1 - first < 6, !s.clauseBreak(between: last, and: last + 1),
              !Self.avoidedPhraseEnders.contains(s.tokens[last + 1].norm),
              // A dash ends the phrase: "avoid hills – they load the kneecap".
              !s.bytes[s.tokens[last].end..<s.tokens[last + 1].start].contains(where: { $0 == UInt8(ascii: "-") || $0 >= 0x80 }) {
            last += 1
        }
        return (first, last)
    }

    /// The claim that the phrase `first…last`, after `prefix` ("stopping "), is advised against:
    /// the lexicon's cause or remedy when the phrase alone is exactly its name ("deep squatting"),
    /// else an entity named by the phrase; none when the phrase holds another mention, a pain or
    /// injury, a person or a pronoun, or is a lone noun that names a thing rather than an
    /// activity ("skip the brace").
    func avoidedClaim(_ first: Int, _ last: Int, subject: String, _ c: SentenceContext, prefix: String) -> (Claim, Entity)? {
        let s = c.sentence
        // "avoid downhill running" is the lexicon's remedy *avoiding downhill running*: a mention
        // opening at the verb, before the phrase, is not the phrase's own.
        let inside = s.mentions.filter { $0.first >= first && $0.first <= last }
        let exact = prefix.isEmpty && inside.count == 1 && inside[0].last == last && [.cause, .treatment].contains(inside[0].kind) ? lexicon[inside[0].entity] : nil
        guard inside.isEmpty || exact != nil,
              !(first...last).contains(where: { k in
                  let t = s.tokens[k]
                  return Cues.personal.contains(t.norm) || Cues.pain.contains(t.stem) || Self.avoidedNonActivities.contains(t.stem)
                      || Self.avoidedPronouns.contains(t.norm) || t.norm.first?.isNumber == true
              }) else { return nil }
        // "rather than stopping altogether": a manner, no activity.
        if (first...last).allSatisfy({ s.tokens[$0].norm.hasSuffix("ly") || Self.mannerWords.contains(s.tokens[$0].norm) }) { return nil }
        if prefix.isEmpty, first == last, !s.tokens[first].norm.hasSuffix("ing"), !s.tokens[first].norm.hasSuffix("s") { return nil }
        let name = (first...last).map { s.tokens[$0] }.reduce(into: "") { text, t in
            text += (text.isEmpty ? "" : " ") + String(decoding: s.bytes[t.start..<t.end], as: UTF8.self).lowercased()
        }
        let entity = exact ?? entity(named: prefix + name, kind: .treatment)
        guard name.count >= 5, [.cause, .treatment].contains(entity.kind) else { return nil }
        let claim = makeClaim(subject: subject, relation: .notRecommended, object: entity.id, c, negated: false,
                              hedged: s.has(.hedges), attribution: attribution(in: c), rule: "negation:avoided")
        return (claim, entity)
    }

    /// Words of manner or time that name no activity: "stop altogether", "skip for now".
    static let mannerWords: Set<String> = ["altogether", "entirely", "now", "yet", "again", "there", "here", "outright"]

    /// Pronouns and vague words that leave the avoided thing unnamed.
    static let avoidedPronouns: Set<String> = ["it", "them", "this", "that", "these", "those", "anything", "everything", "something",
                                               "yourself", "myself", "themselves", "yourselves"]

    /// Stems of what is avoided without being an activity: an injury, a flare-up, a mistake.
    static let avoidedNonActivities: Set<String> = ["injuri", "injur", "flare", "mistak", "problem", "setback", "ruptur", "aggrav", "irrit", "overdo"]
}
