/// A word of a sentence: where it is, its case-folded form and its Snowball stem.
struct Token: Sendable, Hashable {
    /// Byte range in the sentence text.
    var start: Int
    var end: Int
    /// Lower-cased, with a possessive `'s` / `’s` removed.
    var norm: String
    var stem: String
    /// The word is written in capitals (an abbreviation such as ITB or PFPS).
    var isUpper: Bool
    /// `StemKey.of(stem)`, for the mention trie.
    var stemKey: UInt64
    /// The cue lists and composer roles of the word (`WordMarks.of`).
    var marks: WordMarks.Entry

    init(start: Int, end: Int, norm: String, stem: String, isUpper: Bool) {
        self.init(start: start, end: end, norm: norm, isUpper: isUpper, word: Stemmer.Word(norm: norm, stem: stem))
    }

    /// A token of the word `word` (its stem, key and marks, as the stemmer's cache keeps them).
    init(start: Int, end: Int, norm: String, isUpper: Bool, word: Stemmer.Word) {
        self.start = start
        self.end = end
        self.norm = norm
        self.stem = word.stem
        self.isUpper = isUpper
        self.stemKey = word.key
        self.marks = word.marks
    }
}

/// Splits text into word tokens: runs of letters and digits, with apostrophes
/// inside a word; hyphens and slashes separate words ("IT-Band" → it, band).
struct Tokenizer {
    let stemmer: Stemmer

    /// Longest normalized form of a token, in bytes. A longer "word" (a run of letters
    /// with thousands of combining accents, a hash) is kept whole in the text but
    /// normalized, stemmed and indexed by its first 64 bytes (cut between characters),
    /// so that hashing and comparing it costs no more than a real word. The longest
    /// English words have about 45 letters.
    static let maxNormBytes = 64

    func tokens(_ text: String) -> [Token] {
        var text = text
        return text.withUTF8 { tokens(in: $0) }
    }

    /// The tokens of UTF-8 `bytes`.
    func tokens(in bytes: UnsafeBufferPointer<UInt8>) -> [Token] {
        var out: [Token] = []
        let n = bytes.count
        // A word and the space after it take five bytes or more in nearly every text: at most
        // one reallocation instead of one per doubling.
        if n > 0 { out.reserveCapacity(n / 5 + 1) }
        var i = 0
        while i < n {
            let w = Self.wordWidth(bytes, i)
            if w == 0 { i += Self.skipWidth(bytes, i); continue }
            let start = i
            var end = i
            while end < n {
                let ww = Self.wordWidth(bytes, end)
                if ww > 0 { end += ww; continue }
                let a = Self.apostropheWidth(bytes, end)
                if a > 0, end + a < n, Self.wordWidth(bytes, end + a) > 0 { end += a; continue }
                if a > 0 { end += a; break }  // trailing apostrophe: runners’
                break
            }
            out.append(token(bytes, start, end))
            i = end
        }
        return out
    }

    private func token(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Token {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: end - start) { letters in
            // Case-folded bytes, every apostrophe written as '.
            var count = 0
            var upper = true
            var hasLetter = false
            var i = start
            while i < end {
                let b = bytes[i]
                if b == 0x27 { i += 1; letters[count] = 0x27; count += 1; continue }
                if b == 0xE2 && i + 2 < end && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0x99 || bytes[i + 2] == 0x98) {
                    letters[count] = 0x27; count += 1; i += 3; continue
                }
                if b >= 65 && b <= 90 { letters[count] = b + 32; hasLetter = true }
                else if b >= 97 && b <= 122 { letters[count] = b; upper = false; hasLetter = true }
                else { letters[count] = b; if b >= 0x80 { upper = false } }
                count += 1
                i += 1
            }
            // Possessives and trailing apostrophes: runner's, runners', runner’s → runner / runners
            if count > 2, letters[count - 2] == 0x27, letters[count - 1] == UInt8(ascii: "s") { count -= 2 }
            while count > 0 && letters[count - 1] == 0x27 { count -= 1 }
            // The other apostrophes go: "don't" → "dont".
            var kept = 0
            for k in 0..<count where letters[k] != 0x27 {
                letters[kept] = letters[k]
                kept += 1
            }
            if kept > Self.maxNormBytes {
                kept = Self.maxNormBytes
                while kept > 0 && letters[kept] & 0xC0 == 0x80 { kept -= 1 }
            }
            let folded = UnsafeBufferPointer(rebasing: letters[0..<kept])
            let found = stemmer.word(in: folded, hash: Stemmer.hash(folded))
            return Token(start: start, end: end, norm: found.norm, isUpper: upper && hasLetter && end - start >= 2, word: found.word)
        }
    }

    /// Width of a letter or digit at `i` (ASCII alphanumerics and any non-ASCII letter), 0 otherwise.
    static func wordWidth(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let c = b[i]
        if (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) { return 1 }
        if c >= 0xC3 && c < 0xE0 { return 2 }  // Latin letters with accents (U+00C0…)
        return 0
    }

    static func apostropheWidth(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        if b[i] == 0x27 { return 1 }
        if b[i] == 0xE2, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] == 0x99 { return 3 }
        return 0
    }

    static func skipWidth(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        MappedText.scalarWidth(b[i])
    }

    static func wordWidth(_ b: [UInt8], _ i: Int) -> Int { b.withUnsafeBufferPointer { wordWidth($0, i) } }
    static func apostropheWidth(_ b: [UInt8], _ i: Int) -> Int { b.withUnsafeBufferPointer { apostropheWidth($0, i) } }
    static func skipWidth(_ b: [UInt8], _ i: Int) -> Int { MappedText.scalarWidth(b[i]) }
}
