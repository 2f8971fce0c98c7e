import CStemmer

/// The only place that talks to libstemmer: Snowball's English stemmer with a cache.
/// Not thread-safe: use one per thread or task.
final class Stemmer {
    /// What the cache keeps of a word: its stem, the stem's `StemKey` and the word's
    /// `WordMarks`, all functions of the word, found once per distinct word.
    struct Word: Sendable {
        var stem: String
        var key: UInt64
        var marks: WordMarks.Entry

        init(norm: String, stem: String) {
            self.stem = stem
            key = StemKey.of(stem)
            marks = WordMarks.of(norm: norm, stem: stem)
        }
    }

    private let stemmer: OpaquePointer?
    private var cache: [String: Word] = [:]

    /// A direct-mapped front of `cache`, found by a hash of the word's bytes that the
    /// tokenizer computes while folding them (a text uses the same words again and again).
    /// Raw memory: a slot read is a load, without the exclusivity check of a class's array.
    private struct FrontSlot {
        var hash: UInt64 = 0
        var word: String = ""
        var entry: Word?
    }
    private static let frontBits = 13
    private let front: UnsafeMutablePointer<FrontSlot>

    init() {
        stemmer = sb_stemmer_new("english", "UTF_8")
        front = .allocate(capacity: 1 << Self.frontBits)
        front.initialize(repeating: FrontSlot(), count: 1 << Self.frontBits)
    }

    deinit {
        if let stemmer { sb_stemmer_delete(stemmer) }
        front.deinitialize(count: 1 << Self.frontBits)
        front.deallocate()
    }

    /// `word(_:)` for a word whose bytes hash to `hash` (any fixed hash of the bytes).
    func word(_ word: String, hash: UInt64) -> Word {
        let slot = front + Int(truncatingIfNeeded: hash >> UInt64(64 - Self.frontBits))
        if slot.pointee.hash == hash, let entry = slot.pointee.entry, slot.pointee.word == word { return entry }
        let entry = self.word(word)
        slot.pointee = FrontSlot(hash: hash, word: word, entry: entry)
        return entry
    }

    /// The stem of a lower-case word.
    func stem(_ word: String) -> String {
        self.word(word).stem
    }

    /// The stem, key and marks of a lower-case word.
    func word(_ word: String) -> Word {
        if let hit = cache[word] { return hit }
        guard let stemmer else { return Word(norm: word, stem: word) }
        var utf8 = Array(word.utf8)
        let result: String = utf8.withUnsafeMutableBufferPointer { buffer in
            guard let out = sb_stemmer_stem(stemmer, buffer.baseAddress, Int32(buffer.count)) else { return word }
            let n = Int(sb_stemmer_length(stemmer))
            return String(decoding: UnsafeBufferPointer(start: out, count: n), as: UTF8.self)
        }
        if cache.count > 200_000 { cache.removeAll(keepingCapacity: true) }
        let entry = Word(norm: word, stem: result)
        cache[word] = entry
        return entry
    }
}
