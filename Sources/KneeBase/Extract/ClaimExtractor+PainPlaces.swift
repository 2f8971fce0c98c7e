/// A place added after a pain symptom names where it hurts: "pain on the front of the knee,
/// just below or outside the patella" also names *pain below the kneecap*.
extension ClaimExtractor {
    /// Words that may stand between the comma and the place ("just below …").
    static let placeAdverbs: Set<String> = ["just", "mainly", "mostly", "usually", "often", "especially", "typically", "right", "directly"]

    /// The symptoms that "pain" and a place after a pain symptom's comma name, when the
    /// lexicon has them, with the place's span.
    func painPlaces(_ s: AnalyzedSentence) -> [(Entity, Int, Int)] {
        var out: [(Entity, Int, Int)] = []
        for m in s.mentions where m.kind == .symptom {
            var k = m.last + 1
            guard k < s.tokens.count, s.clauseBreak(between: m.last, and: k),
                  s.tokens[m.first...m.last].contains(where: { Cues.pain.contains($0.stem) }) else { continue }
            if k < s.tokens.count, Self.placeAdverbs.contains(s.tokens[k].norm) { k += 1 }
            guard k + 1 < s.tokens.count, MentionFinder.isPlace(s.tokens[k].norm) else { continue }
            let end = min(s.tokens.count, k + 6)
            let candidate = [Self.painToken] + s.tokens[k..<end]
            guard let found = finder.mentions(in: candidate).first, found.first == 0, found.last >= 2, found.kind == .symptom,
                  found.entity != m.entity, let e = lexicon[found.entity] else { continue }
            out.append((e, k, k + found.last - 1))
        }
        return out
    }
}
