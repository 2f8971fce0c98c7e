/// Corrects a word that is not in the index to the closest word that is.
///
/// Candidates come from the symmetric-delete index (`search_deletes`: every indexed
/// word with one character removed): the query word, its one- and two-character
/// deletions are looked up there and in the vocabulary, which finds every word within
/// one edit and most within two. Each candidate is checked with the optimal string
/// alignment distance; the closest wins, then the one sharing the first letter, then
/// the most frequent. The correction keeps its own stem, so "squating" searches
/// `squat` like "squatting" does.
struct TypoCorrector {
    /// A vocabulary word: its stem and how often the indexed text uses it.
    struct Word: Sendable, Hashable {
        var word: String
        var stem: String
        var count: Int
    }

    /// Words shorter than this are never corrected.
    static let minLength = 4

    /// The largest edit distance accepted for a word of `length` characters.
    static func maxDistance(_ length: Int) -> Int { length >= 7 ? 2 : 1 }

    /// The strings to look up for `word`: itself, and its deletions up to `maxDistance`.
    static func lookupKeys(_ word: String) -> [String] {
        let scalars = Array(word.unicodeScalars)
        guard scalars.count >= minLength, scalars.count <= SearchVocabulary.maxCorrectableLength + 2 else { return [] }
        var keys: Set<String> = [word]
        let first = SearchVocabulary.deletes(of: scalars)
        keys.formUnion(first)
        if maxDistance(scalars.count) >= 2 {
            for d in first { keys.formUnion(SearchVocabulary.deletes(of: Array(d.unicodeScalars))) }
        }
        return keys.sorted()
    }

    /// The best of `candidates` for `word`, if any is close enough.
    static func best(for word: String, among candidates: [Word]) -> Word? {
        let a = Array(word.unicodeScalars)
        let limit = maxDistance(a.count)
        var best: (distance: Int, otherFirst: Int, count: Int, word: Word)? = nil
        for c in Set(candidates) where c.word != word {
            let b = Array(c.word.unicodeScalars)
            guard abs(a.count - b.count) <= limit else { continue }
            let d = distance(a, b)
            guard d <= limit else { continue }
            let otherFirst = a.first == b.first ? 0 : 1
            if let current = best {
                if (d, otherFirst, -c.count, c.word) < (current.distance, current.otherFirst, -current.count, current.word.word) {
                    best = (d, otherFirst, c.count, c)
                }
            } else {
                best = (d, otherFirst, c.count, c)
            }
        }
        return best?.word
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and
    /// transpositions of adjacent characters each cost 1.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let width = b.count + 1
        var previous2 = [Int](repeating: 0, count: width)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: width)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var v = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { v = min(v, previous2[j - 2] + 1) }
                current[j] = v
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
