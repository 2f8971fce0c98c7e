/// A cause that opens its sentence as the subject states itself as a cause, even among remedies
/// and without a cue word: "Weak hip abductors let the knee drift in and the band gets
/// irritated", "Stiff ankles force the knee to go somewhere else".
extension ClaimExtractor {
    /// Words that may come before a sentence's subject: "A weak core …", "Also, weak hips …".
    static let subjectOpeners: Set<String> = ["a", "an", "the", "and", "also", "plus", "often", "sometimes"]

    /// Whether the object at `first` opens the sentence (after at most one opener word) and a
    /// verb follows it, so it is the subject of a statement, not a label or a heading. Only in
    /// a sentence that names no condition: "weak hips let the knee drift in" may be said of
    /// the drift (knee valgus) rather than of the article's condition.
    func opensAsSubject(_ first: Int, last: Int, _ s: AnalyzedSentence, isHeading: Bool) -> Bool {
        guard !isHeading, !s.mentions.contains(where: { $0.kind == .condition }), first == 0 || (first == 1 && Self.subjectOpeners.contains(s.tokens[0].norm)),
              last + 1 < s.tokens.count else { return false }
        // "Weak hips: …", "Tight calves." — a label, not a subject.
        let gap = s.bytes[s.tokens[last].end..<s.tokens[last + 1].start]
        return !gap.contains(where: { [UInt8(ascii: ":"), UInt8(ascii: "."), UInt8(ascii: "("), UInt8(ascii: "-")].contains($0) })
    }
}
