/// Movements used to examine a knee are tests, not remedies: "You may be asked to do a
/// single-leg squat" under "Diagnosis", "pain reproduced by squatting is the most useful
/// single test".
extension ClaimExtractor {
    /// Stems of words that say a sentence is about examining.
    static let examinationStems: Set<String> = ["test", "examin", "assess", "diagnos", "diagnosi", "screen"]
    /// Stems that still recommend a remedy in such a sentence ("tests showed that squats help").
    static let remedyVerdictStems: Set<String> = ["help", "treat", "recommend", "advis", "prescrib", "strengthen", "reliev", "improv", "eas"]

    /// Whether a remedy named in `c`'s sentence is a movement of an examination: the sentence, or
    /// the heading it sits under, is about examining, and nothing in the sentence recommends it.
    func isExamination(_ c: SentenceContext) -> Bool {
        let s = c.sentence
        guard !s.tokens.contains(where: { Self.remedyVerdictStems.contains($0.stem) }) else { return false }
        if s.tokens.contains(where: { Self.examinationStems.contains($0.stem) }) { return true }
        guard let heading = c.document.blocks[s.sentence.block].headingPath.last else { return false }
        return heading.lowercased().split(whereSeparator: { !$0.isLetter }).contains { word in
            word == "test" || word == "tests" || word == "testing" || word.hasPrefix("diagnos") || word.hasPrefix("examin") || word.hasPrefix("assess")
        }
    }
}
