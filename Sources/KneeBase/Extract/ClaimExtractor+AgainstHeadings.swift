/// Headings that advise against what follows in so many words: "Things we advise against",
/// "What we'd recommend against", "Treatments we warn against".
extension ClaimExtractor {
    /// Whether the heading's tokens hold an advice verb followed by "against" ("advise against").
    static func advisesAgainst(_ tokens: [Token]) -> Bool {
        tokens.indices.dropLast().contains { k in
            Cues.againstVerbs.contains(tokens[k].stem) && tokens[k + 1].norm == "against"
        }
    }
}
