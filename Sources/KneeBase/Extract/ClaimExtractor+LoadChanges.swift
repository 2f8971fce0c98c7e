/// A change of training load named as a noun phrase states a cause by itself, as "weak glutes"
/// does: "a big jump in weekly mileage", "a sudden jump in training hours", "a rapid increase
/// in training". One the lexicon lacks is named by its words.
extension ClaimExtractor {
    /// Stems of the nouns of a change.
    static let changeNouns: Set<String> = ["jump", "increas", "spike", "rise", "surg", "hike", "ramp"]
    /// Stems of what a load is measured in: the change must be one of these to be a load change.
    static let loadMeasures: Set<String> = ["mileag", "distanc", "mile", "km", "kilometr", "volum", "train", "load", "intens",
                                            "run", "hour", "session", "game", "match", "frequenc", "speed", "hill", "sport"]
    /// Adjectives of a change kept in its name.
    static let changeAdjectives: Set<String> = ["sudden", "big", "rapid", "larg", "huge", "sharp", "quick", "steep", "abrupt"]

    /// The load changes named in `s`: (entity, first token, last token). The entity is the
    /// lexicon's when it has the phrase, else a discovered cause.
    func loadChanges(_ s: AnalyzedSentence) -> [(entity: Entity, first: Int, last: Int)] {
        var out: [(entity: Entity, first: Int, last: Int)] = []
        let n = s.tokens.count
        for k in s.tokens.indices where Self.changeNouns.contains(s.tokens[k].stem) && k + 2 < n && s.tokens[k + 1].norm == "in" {
            // "Increase in weekly mileage" as a verb ("increase your mileage") has no "in" after it.
            if k > 0, ["to", "you", "dont", "not", "can", "should", "will"].contains(s.tokens[k - 1].norm) { continue }
            var first = k
            while first > 0, Self.changeAdjectives.contains(s.tokens[first - 1].stem), !s.clauseBreak(between: first - 1, and: first) { first -= 1 }
            var start = k + 2
            while start < n, ["your", "the", "my", "their", "his", "her", "our"].contains(s.tokens[start].norm) { start += 1 }
            guard start < n, !s.clauseBreak(between: k, and: start) else { continue }
            var last = start
            while last + 1 < n, last + 1 - start < 3, !s.clauseBreak(between: last, and: last + 1),
                  !Self.avoidedPhraseEnders.contains(s.tokens[last + 1].norm), !["in", "over", "of", "within"].contains(s.tokens[last + 1].norm) { last += 1 }
            // Up to the last word that measures a load: "jump in weekly mileage", not "… mileage came".
            guard let end = (start...last).last(where: { Self.loadMeasures.contains(s.tokens[$0].stem) }) else { continue }
            func words(_ r: ClosedRange<Int>) -> String {
                r.map { String(decoding: s.bytes[s.tokens[$0].start..<s.tokens[$0].end], as: UTF8.self).lowercased() }.joined(separator: " ")
            }
            let name = words(first...k) + " in " + words(start...end)
            out.append((entity(named: name, kind: .cause), first, end))
        }
        return out
    }
}
