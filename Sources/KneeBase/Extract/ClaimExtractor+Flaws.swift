/// A remedy's name after a word for doing it badly names a cause, not the remedy: "poor
/// landing technique is one of the main reasons girls tear their ACL" blames the technique
/// (the lexicon's *landing technique training* is what fixes it); "bad shoes" likewise.
extension ClaimExtractor {
    /// Words that say a practice is done badly.
    static let flawWords: Set<String> = ["poor", "bad", "faulty", "improper", "incorrect", "sloppy", "wrong"]

    /// The discovered cause "FLAW NAME" for the treatment mention `m` right after a flaw word
    /// ("poor landing technique"), nil otherwise.
    func flawedPractice(_ m: Mention, _ s: AnalyzedSentence) -> Entity? {
        guard m.kind == .treatment, m.first > 0, Self.flawWords.contains(s.tokens[m.first - 1].norm) else { return nil }
        let words = s.tokens[(m.first - 1)...m.last].map(\.norm)
        return entity(named: words.joined(separator: " "), kind: .cause)
    }
}
