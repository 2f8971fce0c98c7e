/// Activities told as what brings the pain on, as a clause's subject: "Going down stairs also
/// provoked it", "Jumping and landing were the most painful activities".
extension ClaimExtractor {
    /// Nouns that may follow a superlative verdict: "the most painful activities".
    static let activityNouns: Set<String> = ["activities", "activity", "things", "movements", "movement", "exercises", "moments", "parts"]

    /// The symptoms ("pain when" + activity) of a clause whose subject names activities and whose
    /// verb provokes the pain ("provoked it", "aggravates it", "set it off") or whose verdict is a
    /// superlative ("were the most painful (activities)"). None in a clause that gives advice or a condition.
    func provokingActivitySubjects(_ s: AnalyzedSentence) -> [(Entity, Int, Int)] {
        let t = s.tokens
        var out: [(Entity, Int, Int)] = []
        for k in t.indices where k > 0 {
            var end: Int? = nil
            // "… also provoked it", "… aggravated the pain".
            if Cues.provoking.contains(t[k].stem), t[k].norm.hasSuffix("ed") || t[k].norm.hasSuffix("es") || t[k].norm.hasSuffix("s"),
               k + 1 < t.count, ["it", "them", "the", "his", "her", "my", "symptoms"].contains(t[k + 1].norm) {
                end = k
            }
            // "… were the most painful activities".
            if Self.isVerdictLink(t[k].norm) {
                var v = k + 1
                if v < t.count, t[v].norm == "the" { v += 1 }
                if v < t.count, t[v].norm == "most" {
                    v += 1
                    if v < t.count, Self.painVerdicts.contains(t[v].norm) {
                        var after = v + 1
                        if after < t.count, Self.activityNouns.contains(t[after].norm) { after += 1 }
                        if after == t.count || s.clauseBreak(between: after - 1, and: after) { end = k }
                    }
                }
            }
            guard let end else { continue }
            var start = end - 1
            while start > 0 && !s.clauseBreak(between: start - 1, and: start) { start -= 1 }
            guard !t[start..<end].contains(where: { Self.notASymptom.contains($0.norm) }) else { continue }
            out += painfulActivities(from: start, to: end, s)
        }
        return out
    }
}
