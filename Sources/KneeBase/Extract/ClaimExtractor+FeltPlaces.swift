/// A pain said to be felt in a place names the pain there: "The pain is felt around or behind
/// the kneecap" names *pain around the kneecap* as "pain around or behind the kneecap" would.
extension ClaimExtractor {
    /// Participles and verbs that put a pain in a place: "is felt", "is located", "sits".
    static let feltVerbs: Set<String> = ["felt", "located", "centred", "centered", "sits", "lies"]

    /// The symptoms that "pain" and the place after "is felt" / "sits" name, when the lexicon has
    /// them, with the place's span. The pain word must not already be part of a symptom's name.
    func feltPlaces(_ s: AnalyzedSentence) -> [(Entity, Int, Int)] {
        var out: [(Entity, Int, Int)] = []
        let t = s.tokens
        for p in t.indices where ["pain", "ache"].contains(t[p].norm) && !s.mentions.contains(where: { $0.first <= p && p <= $0.last }) {
            var k = p + 1
            if k < t.count, ["is", "was", "are", "can", "may", "be"].contains(t[k].norm) { k += 1 }
            if k < t.count, t[k].norm == "be" { k += 1 }
            if k < t.count, Self.placeAdverbs.contains(t[k].norm) { k += 1 }
            guard k < t.count, Self.feltVerbs.contains(t[k].norm) else { continue }
            k += 1
            if k < t.count, Self.placeAdverbs.contains(t[k].norm) { k += 1 }
            guard k + 1 < t.count, MentionFinder.isPlace(t[k].norm) else { continue }
            let candidate = [Self.painToken] + t[k..<min(t.count, k + 6)]
            guard let found = finder.mentions(in: candidate).first, found.first == 0, found.last >= 2, found.kind == .symptom,
                  let e = lexicon[found.entity] else { continue }
            out.append((e, k, k + found.last - 1))
        }
        return out
    }
}
