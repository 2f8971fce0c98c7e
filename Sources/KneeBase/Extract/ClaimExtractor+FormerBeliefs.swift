/// Beliefs the text reports as given up: "A larger Q angle was once thought to cause valgus",
/// "For years the explanation was friction", "Tight hamstrings used to be blamed". What was
/// believed is not what the page asserts.
extension ClaimExtractor {
    /// Words of believing or explaining that a former belief is told with.
    static let beliefWords: Set<String> = ["thought", "believed", "assumed", "blamed", "considered", "explanation", "theory"]
    /// Adverbs that put a belief in the past: "once thought", "long believed".
    static let formerly: Set<String> = ["once", "previously", "formerly", "long"]

    /// Whether the sentence reports a belief as a former one: an adverb of the past just before a
    /// belief word ("once thought"), "used to be" before one, or "for years" / "for decades"
    /// within three words of one.
    func reportsFormerBelief(_ s: AnalyzedSentence) -> Bool {
        let t = s.tokens
        for k in t.indices where Self.beliefWords.contains(t[k].norm) {
            if k > 0, Self.formerly.contains(t[k - 1].norm) { return true }
            if k >= 3, t[k - 3].norm == "used", t[k - 2].norm == "to", t[k - 1].norm == "be" { return true }
            if (max(0, k - 4)..<k).contains(where: { j in
                t[j].norm == "for" && j + 1 < k && ["years", "decades"].contains(t[j + 1].norm)
            }) { return true }
        }
        return false
    }
}
