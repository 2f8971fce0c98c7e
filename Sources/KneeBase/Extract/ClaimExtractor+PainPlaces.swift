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

/// A pain word and the place after it name the lexicon's place symptom even with the side or
/// the owner in between: "a sharp pain on the outside of my left knee" is *pain on the outside
/// of the knee*.
extension ClaimExtractor {
    /// Words about whose or which knee hurts, left out when the place is looked up.
    static let sideWords: Set<String> = ["my", "your", "his", "her", "their", "left", "right", "both", "affected"]

    /// The place symptoms named by a pain word (not already part of a symptom mention) and a
    /// place word within three words after it in its clause, with their spans.
    func sidedPainPlaces(_ s: AnalyzedSentence) -> [(Entity, Int, Int)] {
        var out: [(Entity, Int, Int)] = []
        let n = s.tokens.count
        for p in s.tokens.indices where ["pain", "ach"].contains(s.tokens[p].stem) {
            if let m = s.mentions.first(where: { $0.kind == .symptom && $0.first <= p && $0.last >= p }) {
                // Named whole already, a side skipped by the finder ("on the outside of my left knee"): evident all the same.
                if m.last > p, (p + 1...m.last).contains(where: { Self.sideWords.contains(s.tokens[$0].norm) }), let e = lexicon[m.entity] {
                    out.append((e, m.first, m.last))
                }
                continue
            }
            guard let k = (p + 1..<min(n, p + 4)).first(where: { MentionFinder.isPlace(s.tokens[$0].norm) }),
                  !s.clauseBreak(between: p, and: k) else { continue }
            var place: [Token] = []
            var ends: [Int] = []
            var j = k
            while j < n, place.count < 6, j == k || !s.clauseBreak(between: j - 1, and: j) {
                if !Self.sideWords.contains(s.tokens[j].norm) { place.append(s.tokens[j]); ends.append(j) }
                j += 1
            }
            guard let found = finder.mentions(in: [Self.painToken] + place).first, found.first == 0, found.last >= 2,
                  found.kind == .symptom, let e = lexicon[found.entity] else { continue }
            let end = ends[found.last - 1]
            // "in the hip-focused group": a place word joined to the next is a modifier, no place.
            if end + 1 < n, s.bytes[s.tokens[end].end..<s.tokens[end + 1].start] == [UInt8(ascii: "-")] { continue }
            out.append((e, p, end))
        }
        return out
    }
}
