/// Activities said to be painful in themselves ("… is the worst" and "… hurts too" at a
/// sentence's end are `painedPredicate`'s):
/// "Walking down the stairs afterwards is agony", "it hurts to kneel".
extension ClaimExtractor {
    /// Words that say the activity before "is"/"are" hurts ("agony", "painful").
    static let painVerdicts: Set<String> = ["agony", "agonising", "agonizing", "excruciating", "painful", "sore", "unbearable", "murder", "torture"]
    /// Whether `norm` is a verb that joins the activity to its verdict (compared, not hashed:
    /// every word of every sentence is asked).
    static func isVerdictLink(_ norm: String) -> Bool {
        switch norm {
        case "is", "are", "was", "were", "gets", "get", "becomes", "become", "feels", "feel": true
        default: false
        }
    }
    /// Words that make the activity advice or a condition rather than a symptom ("if it hurts to walk, see …").
    static let notASymptom: Set<String> = ["if", "unless", "until", "stop", "avoid", "try", "don't", "dont", "never", "should"]

    /// The symptoms ("pain when" + activity) of a sentence that calls an activity painful:
    /// the activity is the clause's subject before a linking verb and its verdict, or
    /// follows "it hurts to". None in a clause that gives advice or a condition.
    func painfulActivitySubjects(_ s: AnalyzedSentence) -> [(Entity, Int, Int)] {
        let tokens = s.tokens
        var out: [(Entity, Int, Int)] = []
        for k in tokens.indices where k > 0 && Self.isVerdictLink(tokens[k].norm) {
            // The verdict: one adverb may stand between ("is usually agony").
            var v = k + 1
            if v < tokens.count, tokens[v].norm.hasSuffix("ly") || ["always", "often", "just", "still", "really"].contains(tokens[v].norm) { v += 1 }
            guard v < tokens.count, Self.painVerdicts.contains(tokens[v].norm),
                  v + 1 == tokens.count || s.clauseBreak(between: v, and: v + 1) || ["for", "afterwards", "after"].contains(tokens[v + 1].norm) else { continue }
            var start = k - 1
            while start > 0 && !s.clauseBreak(between: start - 1, and: start) { start -= 1 }
            guard !tokens[start..<k].contains(where: { Self.notASymptom.contains($0.norm) }) else { continue }
            out += painfulActivities(from: start, to: k, s)
        }
        // "… and the next day it hurts to go down the stairs".
        for k in tokens.indices where k > 0 && k + 2 < tokens.count && (tokens[k].norm == "hurts" || tokens[k].norm == "hurt")
            && tokens[k + 1].norm == "to" && tokens[k - 1].norm == "it" {
            var start = k - 1
            while start > 0 && !s.clauseBreak(between: start - 1, and: start) { start -= 1 }
            guard !tokens[start..<k].contains(where: { Self.notASymptom.contains($0.norm) }) else { continue }
            var end = k + 2
            while end < tokens.count && !s.clauseBreak(between: end - 1, and: end) { end += 1 }
            out += painfulActivities(from: k + 2, to: end, s)
        }
        return out
    }
}
