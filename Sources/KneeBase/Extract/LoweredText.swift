/// A text lower-cased once for repeated searches: `containsText` and `containsWord`
/// answer exactly as `text.lowercased().containsText(_:)` and
/// `.containsWord(in:joinedBy:)` do. ASCII text (nearly every sentence) is folded and
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
            guard TextSearch.isASCII(bytes) else { return nil }
            return bytes.map { $0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0 }
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

    /// The list index of the first of `needles` (in list order) that the folded text contains,
    /// as `needles.texts.firstIndex { containsText($0) }` answers, in one pass over ASCII text.
    func firstContained(_ needles: Needles) -> Int? {
        guard let ascii else { return needles.texts.firstIndex { lowered.containsText($0) } }
        return ascii.withUnsafeBufferPointer { hay -> Int? in
            var best = Int.max
            for i in hay.indices {
                for n in needles.byFirst[Int(hay[i])] where n.index < best && i + n.bytes.count <= hay.count {
                    var j = 1
                    while j < n.bytes.count && n.bytes[j] == hay[i + j] { j += 1 }
                    if j == n.bytes.count {
                        best = n.index
                        break
                    }
                }
                if best == 0 { break }
            }
            return best == Int.max ? nil : best
        }
    }

    /// Whether one of `words` is a word of the folded text, words being the maximal runs
    /// of letters and `joiners` (see `String.containsWord(in:joinedBy:)`).
    func containsWord(in words: [String], joinedBy joiners: [Character]) -> Bool {
        guard let ascii else { return lowered.containsWord(in: Set(words), joinedBy: Set(joiners)) }
        // Bit b of the mask: byte b continues a word (a letter, or an ASCII joiner; the text is ASCII).
        var mask: (low: UInt64, high: UInt64) = (0, 0x07FF_FFFE_07FF_FFFE)  // A–Z and a–z
        for j in joiners {
            guard let b = j.asciiValue else { continue }
            if b < 64 { mask.low |= 1 << UInt64(b) } else { mask.high |= 1 << UInt64(b - 64) }
        }
        var longest = 0
        for w in words { longest = max(longest, w.utf8.count) }
        return ascii.withUnsafeBufferPointer { bytes in
            var start = 0
            for i in 0...bytes.count {
                let b = i < bytes.count ? bytes[i] : 0
                if b < 64 ? mask.low & (1 << UInt64(b)) != 0 : mask.high & (1 << UInt64(b - 64)) != 0 { continue }
                if i > start && i - start <= longest {
                    let word = UnsafeBufferPointer(rebasing: bytes[start..<i])
                    for w in words where w.utf8.count == word.count {
                        var w = w
                        if w.withUTF8({ $0.elementsEqual(word) }) { return true }
                    }
                }
                start = i + 1
            }
            return false
        }
    }
}
