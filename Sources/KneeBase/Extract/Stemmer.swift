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
    /// Every word stemmed so far, by its bytes.
    private let cache = StemCache()

    init() {
        stemmer = sb_stemmer_new("english", "UTF_8")
    }

    deinit {
        if let stemmer { sb_stemmer_delete(stemmer) }
    }

    /// The FNV-1a hash of `bytes`, the one the tokenizer computes while folding a word.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    /// The word spelt by the lower-case UTF-8 `bytes`, whose `hash(_:)` is `hash`: its
    /// `String` (made once per distinct word) and its stem, key and marks.
    func word(in bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (norm: String, word: Word) {
        if let hit = cache.entry(bytes, hash: hash) { return (hit.pointee.norm, hit.pointee.word) }
        let norm = String(decoding: bytes, as: UTF8.self)
        var stem = norm
        if let stemmer, let base = bytes.baseAddress, let out = sb_stemmer_stem(stemmer, base, Int32(bytes.count)) {
            stem = String(decoding: UnsafeBufferPointer(start: out, count: Int(sb_stemmer_length(stemmer))), as: UTF8.self)
        }
        let word = Word(norm: norm, stem: stem)
        cache.insert(bytes, hash: hash, norm: norm, word: word)
        return (norm, word)
    }

    /// The stem of a lower-case word.
    func stem(_ word: String) -> String {
        self.word(word).stem
    }

    /// The stem, key and marks of a lower-case word.
    func word(_ word: String) -> Word {
        var word = word
        return word.withUTF8 { self.word(in: $0, hash: Self.hash($0)).word }
    }
}
