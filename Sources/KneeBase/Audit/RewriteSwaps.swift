/// Synonym swaps that article-spinning tools make: a common word replaced by an
/// unlikely synonym ("running" → "operating", "pain" → "ache", "physical" → "bodily").
/// Each swap has a weight: 1 when the synonym is sometimes used by people too, 2 when
/// it is odd, 3 when it makes no sense in a text about running.
enum RewriteSwaps {
    struct Swap: Sendable {
        /// The words the tool replaced, lower-case, split into words.
        var originals: [[String]]
        /// The synonym it put in their place.
        var synonym: [String]
        var weight: Int
    }

    static let table: [Swap] = [
        swap("operating", for: "running", weight: 3),
        swap("ache", for: "pain", weight: 1),
        swap("bodily", for: "physical", weight: 3),
        swap("energy", for: "strength", weight: 2),
        swap("toes", for: "feet", weight: 1),
        swap("muscle tissue", for: "muscles", weight: 3),
        swap("remedy", for: "therapy", "treatment", weight: 2),
        swap("signs", for: "symptoms", weight: 1),
        swap("recognized", for: "diagnosed", weight: 2),
        swap("damage", for: "injury", "hurt", weight: 1),
        swap("accidents", for: "injuries", weight: 2),
        swap("relaxation", for: "rest", weight: 2),
        swap("points", for: "issues", "problems", weight: 1),
        swap("concern", for: "issue", weight: 1),
        swap("steadiness", for: "balance", "stability", weight: 2),
        swap("weak point", for: "weakness", weight: 2),
        swap("weak spot", for: "weakness", weight: 2),
        swap("movies", for: "videos", weight: 3),
        swap("publish", for: "post", weight: 1),
        swap("widespread", for: "common", weight: 1),
        swap("concentrate", for: "focus", weight: 1),
        swap("massive", for: "big", weight: 1),
        swap("publication", for: "newsletter", weight: 2),
        swap("signal as much as", for: "sign up", weight: 3),
        swap("in case you", for: "if you", weight: 1),
        swap("without spending a dime", for: "for free", weight: 3),
        swap("residence", for: "home", weight: 2),
        swap("superb", for: "fine", weight: 2),
        swap("heel placing", for: "heel striking", weight: 3),
        swap("participating", for: "engaging", weight: 2),
        swap("internal thigh", for: "inner thigh", weight: 2),
        swap("scale back", for: "reduce", weight: 2),
        swap("mates", for: "friends", weight: 2),
        swap("wholesome", for: "healthy", weight: 2),
        swap("ethical", for: "moral", weight: 2),
        swap("supply hyperlink", for: "source link", weight: 3),
        swap("suggestions", for: "tips", weight: 1),
        swap("footwear", for: "shoes", weight: 1),
        swap("forestall", for: "prevent", weight: 3),
        swap("enhance", for: "improve", weight: 1),
        swap("coaching", for: "training", weight: 1),
        swap("decrease", for: "lower", weight: 1),
        swap("physique", for: "body", weight: 2),
        swap("skilled", for: "professional", "expert", weight: 2),
        swap("day by day", for: "daily", weight: 2),
        swap("month to month", for: "monthly", weight: 2),
        swap("workouts", for: "exercises", weight: 1),
        swap("strive", for: "try", weight: 2),
        swap("assist", for: "help", weight: 1),
        swap("circumstances", for: "conditions", weight: 1),
    ]

    private static func swap(_ synonym: String, for originals: String..., weight: Int) -> Swap {
        Swap(originals: originals.map { $0.split(separator: " ").map(String.init) },
             synonym: synonym.split(separator: " ").map(String.init), weight: weight)
    }

    /// One-word synonyms and the word they stand for: `ache` → `pain`.
    static let singleWord: [String: String] = {
        var out: [String: String] = [:]
        for s in table where s.synonym.count == 1 && s.originals[0].count == 1 { out[s.synonym[0]] = s.originals[0][0] }
        return out
    }()

    /// Multi-word synonyms as `AuditVocabulary` numbers, by the number of their first word:
    /// the synonym's words and those of the first original.
    static let multiWordIDs: [[(synonym: [Int32], original: [Int32])]] = {
        var out = [[(synonym: [Int32], original: [Int32])]](repeating: [], count: AuditVocabulary.words.count)
        for s in table where s.synonym.count > 1 {
            let synonym = s.synonym.map(AuditVocabulary.id)
            out[Int(synonym[0])].append((synonym, s.originals[0].map(AuditVocabulary.id)))
        }
        return out
    }()

    /// Words (`AuditVocabulary` numbers, −1 for others) with every swap put back ("signal as much as" → "sign up").
    static func restoredWords(_ words: [Int32]) -> [Int32] {
        var out: [Int32] = []
        out.reserveCapacity(words.count)
        let multi = multiWordIDs
        let single = AuditVocabulary.restoring
        var i = 0
        outer: while i < words.count {
            let w = words[i]
            guard w >= 0 else { out.append(w); i += 1; continue }
            for s in multi[Int(w)] where i + s.synonym.count <= words.count {
                if words[(i + 1)..<(i + s.synonym.count)].elementsEqual(s.synonym.dropFirst()) {
                    out.append(contentsOf: s.original)
                    i += s.synonym.count
                    continue outer
                }
            }
            out.append(single[Int(w)])
            i += 1
        }
        return out
    }
}
