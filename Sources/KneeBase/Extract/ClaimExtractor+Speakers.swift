/// Who speaks, beyond a profession named anywhere in the sentence: "trainers" that are shoes
/// ("rotate your trainers", "the best trainers for knee pain") are nobody; a sentence inside a
/// quotation opened by a named speaker is still that speaker's.
extension ClaimExtractor {
    /// Words before "trainers" that make them shoes: possessives and shoe-shop adjectives.
    static let shoeLeads: Set<String> = ["your", "my", "our", "his", "her", "their", "best", "finest", "new", "old", "running", "cushioned", "minimalist", "worn"]

    /// Whether every "trainer" in `text` is the plural "trainers" after a word that makes them
    /// shoes ("rotate your trainers", "the finest trainers for knee ache").
    static func namesShoes(_ text: String) -> Bool {
        let words = text.lowercased().split { !$0.isLetter }
        let found = words.indices.filter { words[$0].hasPrefix("trainer") }
        return !found.isEmpty && found.allSatisfy { k in words[k] == "trainers" && k > 0 && shoeLeads.contains(String(words[k - 1])) }
    }

    /// Opening quotation marks minus closing ones in `text`: above zero, a quotation runs on.
    static func openQuotes(_ text: String) -> Int {
        var depth = 0
        for ch in text.unicodeScalars {
            if ch == "“" { depth += 1 } else if ch == "”" { depth -= 1 }
        }
        return depth
    }
}

extension ClaimExtractor {
    /// The quotation running on after `s`: one that `s` opens after naming its speaker
    /// ("According to Dr Lisa Mitro, “the hip …"), or `current` while its block goes on and no
    /// closing mark ends it.
    func quotation(after s: AnalyzedSentence, _ current: (block: Int, speaker: String)?) -> (block: Int, speaker: String)? {
        let depth = Self.openQuotes(s.sentence.text)
        if let current, current.block == s.sentence.block { return depth < 0 ? nil : current }
        guard depth > 0, let speaker = attribution(of: s), speaker != SupportAnalysis.anecdote else { return nil }
        return (s.sentence.block, speaker)
    }
}
