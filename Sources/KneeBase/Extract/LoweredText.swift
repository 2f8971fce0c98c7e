/// A text lower-cased once for repeated searches: `containsText` and `containsWord`
/// answer exactly as `text.lowercased().containsText(_:)` and
/// `.containsWord(in:joinedBy:)` do; `firstContained` finds whole words. ASCII text (nearly every sentence) is folded and
/// searched byte by byte, without a String, a Set or a Character; other text goes
/// through `lowercased()` and the String searches, since Unicode case mapping can turn a
/// non-ASCII letter into ASCII (the Kelvin sign K into k).
struct LoweredText {
    /// The folded bytes of ASCII text, else nil.
    private let ascii: [UInt8]?
    /// `lowercased()` of other text.
    private let lowered: String

    init(_ text: String) {
        var text = text
        let folded: [UInt8]? = text.withUTF8 { bytes in
            // Folded in one pass that gives up at the first non-ASCII byte.
            var ascii = true
            let out = [UInt8](unsafeUninitializedCapacity: bytes.count) { buffer, count in
                for i in 0..<bytes.count {
                    let b = bytes[i]
                    if b >= 0x80 { ascii = false; break }
                    buffer[i] = b &- 65 < 26 ? b | 0x20 : b
                }
                count = ascii ? bytes.count : 0
            }
            return ascii ? out : nil
        }
        ascii = folded
        lowered = folded == nil ? text.lowercased() : ""
    }

    /// Whether the folded text contains `needle` (see `String.containsText`).
    func containsText(_ needle: String) -> Bool {
        guard let ascii else { return lowered.containsText(needle) }
        var needle = needle
        return ascii.withUnsafeBufferPointer { hay in needle.withUTF8 { TextSearch.firstOffset(of: $0, in: hay) != nil } }
    }

    /// ASCII needles searched for together (`firstContained`), by their first byte.
    struct Needles: Sendable {
        let texts: [String]
        /// Per first byte: the needles starting with it, as (list index, bytes), in list order.
        let byFirst: [[(index: Int, bytes: [UInt8])]]

        init(_ texts: [String]) {
            self.texts = texts
            var byFirst = [[(index: Int, bytes: [UInt8])]](repeating: [], count: 256)
            for (k, t) in texts.enumerated() where !t.isEmpty { byFirst[Int(t.utf8.first!)].append((k, Array(t.utf8))) }
            self.byFirst = byFirst
        }
    }

    /// The list index of the first of `needles` (in list order) that the folded text contains
    /// as words of their own — not inside a longer word, a plural "s" or "es" allowed
    /// ("coaches", not "coaching"; "study", not "studying") — in one pass over its bytes.
    /// Only ASCII letters join a word: "coach’s" holds "coach".
    func firstContained(_ needles: Needles) -> Int? {
        if let ascii { return ascii.withUnsafeBufferPointer { Self.firstContained(needles, in: $0) } }
        var lowered = lowered
        return lowered.withUTF8 { Self.firstContained(needles, in: $0) }
    }

    private static func firstContained(_ needles: Needles, in hay: UnsafeBufferPointer<UInt8>) -> Int? {
        func letter(_ k: Int) -> Bool { k >= 0 && k < hay.count && (hay[k] | 0x20) &- 0x61 < 26 }
        func endsWord(_ e: Int) -> Bool {
            if !letter(e) { return true }
            if hay[e] == 0x73 { return !letter(e + 1) }  // s
            return hay[e] == 0x65 && e + 1 < hay.count && hay[e + 1] == 0x73 && !letter(e + 2)  // es
        }
        var best = Int.max
        for i in hay.indices where !letter(i - 1) {
            for n in needles.byFirst[Int(hay[i])] where n.index < best && i + n.bytes.count <= hay.count {
                var j = 1
                while j < n.bytes.count && n.bytes[j] == hay[i + j] { j += 1 }
                if j == n.bytes.count, endsWord(i + j) {
                    best = n.index
                    break
                }
            }
            if best == 0 { break }
        }
        return best == Int.max ? nil : best
    }

    /// Words searched for as whole words (`containsWord`), prepared once: the ASCII bytes
    /// that continue a word, and the ASCII words by length (a word with other characters
    /// cannot be a word of ASCII text).
    struct Words: Sendable {
        let words: [String]
        let joiners: [Character]
        /// Bit b: byte b continues a word (a letter or an ASCII joiner), for bytes below 64 and from 64.
        let low: UInt64
        let high: UInt64
        /// Per length in bytes: the ASCII words of that length.
        let byLength: [[[UInt8]]]

        init(_ words: [String], joinedBy joiners: [Character]) {
            self.words = words
            self.joiners = joiners
            var low: UInt64 = 0, high: UInt64 = 0x07FF_FFFE_07FF_FFFE  // A–Z and a–z
            for j in joiners {
                guard let b = j.asciiValue else { continue }
                if b < 64 { low |= 1 << UInt64(b) } else { high |= 1 << UInt64(b - 64) }
            }
            self.low = low
            self.high = high
            var byLength: [[[UInt8]]] = []
            for w in words where w.utf8.allSatisfy({ $0 < 0x80 }) {
                let bytes = Array(w.utf8)
                while byLength.count <= bytes.count { byLength.append([]) }
                byLength[bytes.count].append(bytes)
            }
            self.byLength = byLength
        }
    }

    /// Whether one of `words.words` is a word of the folded text, words being the maximal
    /// runs of letters and `words.joiners` (see `String.containsWord(in:joinedBy:)`).
    func containsWord(_ words: Words) -> Bool {
        guard let ascii else { return lowered.containsWord(in: Set(words.words), joinedBy: Set(words.joiners)) }
        let (low, high) = (words.low, words.high)
        let byLength = words.byLength
        return ascii.withUnsafeBufferPointer { bytes in
            var start = 0
            for i in 0...bytes.count {
                let b = i < bytes.count ? bytes[i] : 0
                if b < 64 ? low & (1 << UInt64(b)) != 0 : high & (1 << UInt64(b - 64)) != 0 { continue }
                if i > start && i - start < byLength.count {
                    let word = UnsafeBufferPointer(rebasing: bytes[start..<i])
                    for w in byLength[i - start] where w.elementsEqual(word) { return true }
                }
                start = i + 1
            }
            return false
        }
    }
}
