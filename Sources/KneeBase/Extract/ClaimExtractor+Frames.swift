/// Phrases that frame a mention without making it the claim's object: an injury whose "risk"
/// a remedy lowers is an outcome ("reduce … the risk of knee injury"), a remedy that another
/// is done "as part of" is its setting ("drills, done as part of a warm-up"), and a remedy that
/// cases "haven't responded to" describes those cases ("surgery in cases that haven't responded
/// to months of rehab").
extension ClaimExtractor {
    /// Nouns of likelihood whose object is an outcome: "the risk of knee injury".
    static let likelihoods: Set<String> = ["risk", "chanc", "likelihood", "odd"]

    /// Whether the mention at `first` follows "risk of" / "chance of" (and perhaps a determiner).
    func followsLikelihood(_ first: Int, _ s: AnalyzedSentence) -> Bool {
        var k = first - 1
        if k >= 0, ["the", "a", "your", "their", "any"].contains(s.tokens[k].norm) { k -= 1 }
        return k >= 1 && ["of", "for"].contains(s.tokens[k].norm) && Self.likelihoods.contains(s.tokens[k - 1].stem)
    }

    /// Whether the mention at `first` follows "part of" (and perhaps a determiner): "as part of a warm-up".
    func followsPartOf(_ first: Int, _ s: AnalyzedSentence) -> Bool {
        var k = first - 1
        if k >= 0, ["the", "a", "an", "your", "their", "any"].contains(s.tokens[k].norm) { k -= 1 }
        return k >= 1 && s.tokens[k].norm == "of" && s.tokens[k - 1].norm == "part"
    }

    /// Whether the mention at `first` follows "responded to" / "response to" within three words
    /// ("haven't responded to months of rehab").
    func followsResponse(_ first: Int, _ s: AnalyzedSentence) -> Bool {
        guard first >= 2 else { return false }
        return (max(1, first - 4)..<first).contains { k in
            s.tokens[k].norm == "to" && ["respond", "respons"].contains(s.tokens[k - 1].stem) && !s.clauseBreak(between: k, and: first)
        }
    }
}
