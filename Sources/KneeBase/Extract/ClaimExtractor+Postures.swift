/// A cause named after "after"/"when" in a sentence about pain is what brings the pain on:
/// "a dull ache …, worse … after sitting for a long time" names the symptom *pain after
/// sitting*, not the cause *prolonged sitting*.
extension ClaimExtractor {
    /// The symptom "pain" + lead + the cause mention `m` names, when a lead word comes right
    /// before `m`, the sentence speaks of pain and the lexicon has such a symptom; else nil.
    func painfulPosture(_ m: Mention, _ s: AnalyzedSentence) -> Entity? {
        guard m.kind == .cause, m.first > 0, s.has(.pain) else { return nil }
        let lead = s.tokens[m.first - 1]
        guard ["after", "when", "while", "during"].contains(lead.norm) else { return nil }
        let candidate = [Self.painToken, lead] + s.tokens[m.first...m.last]
        guard let found = finder.mentions(in: candidate).first, found.first == 0, found.last >= 2, found.kind == .symptom else { return nil }
        return lexicon[found.entity]
    }
}
