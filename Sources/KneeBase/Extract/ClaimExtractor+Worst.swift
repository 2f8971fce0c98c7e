/// Activities said to be the worst or to hurt, without a word for pain before them: "Going
/// downhill is the worst", "jumping, landing and squatting are the worst", "Walking down stairs
/// the next day hurts too". What is said to hurt is a symptom's activity.
extension ClaimExtractor {
    /// Words that may come between "is"/"are" and "the worst": "is usually the worst".
    static let worstSofteners: Set<String> = ["usually", "always", "often", "definitely", "probably", "generally", "by", "far", "easily"]
    /// Words that may end "hurts …": "hurts too", "hurts as well", "hurts again".
    static let hurtEnders: Set<String> = ["too", "also", "as", "again", "afterwards", "badly", "worst"]
    /// Words after a closing "for" that say whom it hurts: "the worst for it", "hurts for me".
    static let sufferers: Set<String> = ["it", "me", "us", "them", "him", "her", "my", "your", "his", "their", "knee", "knees"]

    /// The position of the verb of a closing "… is the worst" or "… hurts (too)", if the
    /// sentence (not a question) ends so: the activities before it are what hurts.
    func painedPredicate(_ s: AnalyzedSentence) -> Int? {
        let tokens = s.tokens
        // "… is this why my knees hurt?": a question claims nothing.
        guard tokens.count >= 2, s.bytes.last(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "*") }) != UInt8(ascii: "?") else { return nil }
        // "… are the worst for it", "… hurts for me": a closing "for" and whom it hurts.
        var last = tokens.count - 1
        if let f = tokens.indices.last(where: { tokens[$0].norm == "for" }), f > 0, f < last,
           (f + 1...last).allSatisfy({ Self.sufferers.contains(tokens[$0].norm) }) { last = f - 1 }
        // "… is the worst", "… are usually the worst" (not "the worst thing to do").
        if tokens[last].norm == "worst", last >= 2, tokens[last - 1].norm == "the" {
            var k = last - 2
            while k > 0, Self.worstSofteners.contains(tokens[k].norm) { k -= 1 }
            if ["is", "are", "was", "were"].contains(tokens[k].norm), k > 0 { return k }
        }
        // "… hurts", "… hurts too", "… hurt as well".
        if let k = tokens.indices.last(where: { ["hurt", "hurts"].contains(tokens[$0].norm) }), k > 0,
           k == last || (k + 1...last).allSatisfy({ Self.hurtEnders.contains(tokens[$0].norm) || tokens[$0].norm == "well" }) {
            return k
        }
        return nil
    }
}
