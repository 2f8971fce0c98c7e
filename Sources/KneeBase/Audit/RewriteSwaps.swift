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

    /// `words` with one-word synonyms put back (same length, so positions still match).
    static func restoringWords(_ words: [String]) -> [String] {
        words.map { singleWord[$0] ?? $0 }
    }

    /// Multi-word synonyms by their first word.
    static let multiWord: [String: [Swap]] = {
        var out: [String: [Swap]] = [:]
        for s in table where s.synonym.count > 1 { out[s.synonym[0], default: []].append(s) }
        return out
    }()

    /// `words` with every swap put back ("signal as much as" → "sign up").
    static func restoredWords(_ words: [String]) -> [String] {
        var out: [String] = []
        out.reserveCapacity(words.count)
        var i = 0
        outer: while i < words.count {
            for s in multiWord[words[i]] ?? [] where i + s.synonym.count <= words.count {
                if words[(i + 1)..<(i + s.synonym.count)].elementsEqual(s.synonym.dropFirst()) {
                    out.append(contentsOf: s.originals[0])
                    i += s.synonym.count
                    continue outer
                }
            }
            out.append(singleWord[words[i]] ?? words[i])
            i += 1
        }
        return out
    }

    /// Lower-case words of `text`: ASCII letters and digits and any non-ASCII letters, apostrophes
    /// dropped ("don’t" → "dont"); everything else separates words.
    static func words(_ text: String) -> [String] {
        var out: [String] = []
        var current: [UInt8] = []
        let bytes = Array(text.utf8)
        var i = 0
        func flush() {
            if !current.isEmpty { out.append(String(decoding: current, as: UTF8.self)); current.removeAll(keepingCapacity: true) }
        }
        while i < bytes.count {
            let b = bytes[i]
            if (b >= 97 && b <= 122) || (b >= 48 && b <= 57) { current.append(b); i += 1 }
            else if b >= 65 && b <= 90 { current.append(b + 32); i += 1 }
            else if b == 0x27 { i += 1 }
            else if b == 0xE2 && i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0x99 || bytes[i + 2] == 0x98) { i += 3 }
            else if b >= 0xC3 && b < 0xE0 && i + 1 < bytes.count {
                // Latin letters with accents: keep (lower-cased by the general path only for these two-byte letters).
                let scalar = String(decoding: bytes[i..<(i + 2)], as: UTF8.self).lowercased()
                current.append(contentsOf: scalar.utf8)
                i += 2
            } else { flush(); i += 1 }
        }
        flush()
        return out
    }
}
