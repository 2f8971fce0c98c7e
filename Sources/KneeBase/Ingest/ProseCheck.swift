/// Tells prose from a long run of words that is not prose: a keyword dump, a tag cloud, a
/// word list pasted into an article. English prose gives a third to a half of its words to
/// articles, prepositions, pronouns and auxiliaries ("the", "of", "it", "is"), and uses
/// hundreds of different words in two thousand; a word list gives almost none to the
/// first, or repeats a few words over and over. Such a block would otherwise put hundreds
/// of lexicon names side by side in sentences that claim nothing.
struct ProseCheck: Sendable {
    /// Blocks with fewer words are not judged (a list item, a caption, a short run of tags).
    var minWords = 150
    /// How many words are looked at, from the block's start.
    var sampleWords = 2_000
    /// A block whose share of function words is below this is not prose.
    var minFunctionShare = 0.10
    /// Below this share of function words (prose has more) the different words are counted too.
    var plainFunctionShare = 0.25
    /// A block whose different words are fewer than this share of its words is not prose.
    var minDistinctShare = 0.15

    /// A check that judges no block: what the other limits of ingest see when it is out of the way.
    static let never = ProseCheck(minWords: Int.max / 4)

    /// What the check found in a block: its words looked at, their share of function words,
    /// and how many different words they are (counted only when the share is low).
    struct Reading: Equatable, Sendable {
        var words: Int
        var functionShare: Double
        var distinct: Int?
    }

    /// The reading of `bytes` when the block is long enough to judge and is not prose; nil otherwise.
    func notProse(_ bytes: UnsafeBufferPointer<UInt8>) -> Reading? {
        // Fewer bytes than the shortest words could make: not judged, and nothing read.
        guard bytes.count >= minWords * 2 else { return nil }
        var words = 0, function = 0
        var key: UInt64 = 0, length = 0, letters = false
        // Numbers are not words here: "1. 1. 1." or a column of figures is judged by its words alone.
        func endWord() {
            defer { key = 0; length = 0; letters = false }
            guard letters else { return }
            words += 1
            if length <= 8, Self.functionWords.contains(key) { function += 1 }
        }
        for b in bytes {
            let lower = b | 0x20
            if (lower >= 0x61 && lower <= 0x7A) || b >= 0x80 || b == 0x27 {
                // Letters (any non-ASCII byte counts as a letter of a longer word), apostrophes inside words.
                if length < 8 { key = key << 8 | UInt64(b >= 0x80 ? 0xFF : lower) }
                length += 1
                letters = true
            } else if b >= 0x30 && b <= 0x39 {
                length += 9  // a word with a digit is no function word
            } else {
                endWord()
                if words >= sampleWords { break }
            }
        }
        endWord()
        guard words >= minWords else { return nil }
        let share = Double(function) / Double(words)
        if share < minFunctionShare { return Reading(words: words, functionShare: share) }
        guard share < plainFunctionShare else { return nil }
        let distinct = distinctWords(bytes, upTo: words)
        return Double(distinct) < Double(words) * minDistinctShare ? Reading(words: words, functionShare: share, distinct: distinct) : nil
    }

    /// How many different words (case folded) the first `limit` words of `bytes` are.
    private func distinctWords(_ bytes: UnsafeBufferPointer<UInt8>, upTo limit: Int) -> Int {
        var seen = Set<UInt64>(minimumCapacity: 256)
        let basis: UInt64 = 0xcbf2_9ce4_8422_2325
        var hash = basis, letters = false, words = 0
        for b in bytes {
            let lower = b | 0x20
            let letter = (lower >= 0x61 && lower <= 0x7A) || b >= 0x80 || b == 0x27
            if letter || (b >= 0x30 && b <= 0x39) {
                hash = (hash ^ UInt64(b >= 0x41 && b <= 0x5A ? lower : b)) &* 0x100_0000_01b3
                letters = letters || letter
                continue
            }
            if letters {
                seen.insert(hash)
                words += 1
                if words >= limit { return seen.count }
            }
            hash = basis; letters = false
        }
        if letters { seen.insert(hash) }
        return seen.count
    }

    /// English function words, each packed into a UInt64 one byte per letter.
    static let functionWords: Set<UInt64> = Set((
        "a an the this that these those of to in on at by for from with without about into onto over under "
        + "after before between through during and or but nor so if as than then because while although "
        + "i me my you your he him his she her it its we us our they them their who what which "
        + "is are was were be been being am do does did have has had can could will would should may might must "
        + "not no there here when where how all some any each very just also only"
    ).split(separator: " ").map { word in word.utf8.reduce(UInt64(0)) { $0 << 8 | UInt64($1) } })
}
