/// A cause that the sentence reports as others' view and then takes back after "but": "flat
/// feet were often blamed for knee valgus, but that's rarely the main cause", "tight hamstrings
/// are said to cause it, but they are not the reason …". The writer doubts it, so it is no
/// cause claim. (A cause the writer asserts first — "flat feet can add to it, but I wouldn't
/// blame them first" — stands.)
extension ClaimExtractor {
    /// Words that, after a "but", doubt what comes next.
    static let retractingWords: Set<String> = ["rarely", "seldom", "hardly", "not", "never", "wouldnt", "dont", "doesnt", "isnt",
                                               "arent", "wasnt", "werent", "cant", "shouldnt", "no"]
    /// Stems of the words for a cause that a retraction doubts.
    static let retractedCauseWords: Set<String> = ["caus", "blame", "culprit", "driver", "reason", "factor", "explan"]

    /// Words by which a sentence reports a view as others': "often blamed", "said to", "thought to".
    static let reportingWords: Set<String> = ["blamed", "said", "thought", "believed", "claimed", "considered", "suspected", "accused", "cited"]

    /// Whether the sentence reports a cause as others' view before a "but" after the word at
    /// `last`, and the "but" opens a clause that doubts a cause: a doubting word followed within
    /// four words by a word for a cause.
    func causeRetracted(after last: Int, _ s: AnalyzedSentence) -> Bool {
        let tokens = s.tokens
        guard let but = tokens.indices.first(where: { $0 > last && tokens[$0].norm == "but" }),
              tokens[..<but].contains(where: { Self.reportingWords.contains($0.norm) }) else { return false }
        return (but + 1..<tokens.count).contains { d in
            Self.retractingWords.contains(tokens[d].norm)
                && (d + 1..<min(tokens.count, d + 5)).contains { Self.retractedCauseWords.contains(tokens[$0].stem) }
        }
    }

    /// Whether the cause ending at `last` is its clause's subject and the clause denies it is a
    /// cause: "tight inner thighs are rarely the cause", "flat feet on their own are rarely the
    /// reason", "weak calves aren't usually the culprit".
    func causeDenied(after last: Int, _ s: AnalyzedSentence) -> Bool {
        let tokens = s.tokens
        guard let verb = (last + 1..<min(tokens.count, last + 6)).first(where: { Self.copulas.contains(tokens[$0].norm) || ["isnt", "arent"].contains(tokens[$0].norm) }),
              !s.clauseBreak(between: last, and: verb) else { return false }
        var k = verb + (["isnt", "arent"].contains(tokens[verb].norm) ? 0 : 1)
        if k < tokens.count, ["usually", "often", "always", "generally"].contains(tokens[k].norm) { k += 1 }
        guard k < tokens.count, Self.retractingWords.contains(tokens[k].norm) || ["isnt", "arent"].contains(tokens[k].norm) else { return false }
        // "… are not the only cause" still names one.
        let span = k + 1..<min(tokens.count, k + 5)
        return !span.contains { tokens[$0].norm == "only" } && span.contains { Self.retractedCauseWords.contains(tokens[$0].stem) }
    }
}
