/// Splits a block's text into sentences.
///
/// A sentence ends at `.`, `!`, `?` or an ellipsis (with any closing quotes and
/// brackets) followed by a space and a word that does not start in lower case —
/// except after abbreviations (Dr., e.g., vs., U.S.), initials, and inside a
/// parenthesis. Decimals and ranges never split; a block's end always ends a sentence.
///
/// Run-on text is cut into bounded pieces, so that later stages (whose cost grows
/// with the words of a sentence) stay fast on any input: a sentence ends before its
/// word number `maxSentenceTokens + 1`, at the first space past `maxSentenceBytes`,
/// or anywhere (between two characters) past twice that when there is no space.
struct SentenceSegmenter: Sendable {
    /// Longest sentence in bytes; longer runs are cut at a space.
    var maxSentenceBytes = 4_000
    /// Most words (runs of letters and digits, about as the tokenizer reads them) in one sentence.
    var maxSentenceTokens = 250

    static let abbreviations: Set<String> = [
        "dr", "mr", "mrs", "ms", "prof", "st", "sr", "jr", "vs", "cf", "approx", "ca", "fig", "figs", "no", "nos",
        "inc", "ltd", "co", "corp", "dept", "est", "mt", "al", "vol", "pp", "p", "ph", "rev", "gen", "sgt", "capt",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "min", "max", "avg", "ref",
    ]

    static let longestAbbreviation = abbreviations.map(\.utf8.count).max() ?? 0

    /// Byte ranges `start..<end` of the sentences in `text`, trimmed of spaces.
    func split(_ text: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var cuts: [Int] = []
        return split(text, cuts: &cuts)
    }

    /// Byte ranges of the sentences in `text`; `cuts` gets the offsets where an
    /// over-long sentence was cut (see `maxSentenceTokens` and `maxSentenceBytes`).
    func split(_ text: UnsafeBufferPointer<UInt8>, cuts: inout [Int]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        split(text, cuts: &cuts, into: &result)
        return result
    }

    /// `split(_:cuts:)` into `result`, emptied first (a buffer reused from block to block).
    func split(_ text: UnsafeBufferPointer<UInt8>, cuts: inout [Int], into result: inout [Range<Int>]) {
        result.removeAll(keepingCapacity: true)
        let n = text.count
        var start = 0
        var i = 0
        var parenEnd = -1
        // The words of the sentence so far are `tokens` plus those that start in
        // `counted..<i`, counted only when needed: most sentences end long before they
        // could have too many words, and their words are never counted.
        var tokens = 0
        var counted = 0
        let byteClasses = Self.byteClasses  // looked up once, not on every stop
        func countWords(to end: Int) {
            byteClasses.withUnsafeBufferPointer { classes in
                for p in counted..<max(counted, end) { tokens += Self.startsWord(text, p, classes) }
            }
            counted = max(counted, end)
        }
        while i < n {
            // Bytes that can neither end a sentence nor open a parenthesis only count words,
            // while the sentence is short: read them in a tight loop.
            let quiet = min(n, start + maxSentenceBytes)
            if i > 0 && i < quiet {
                byteClasses.withUnsafeBufferPointer { classes in
                    // Up to here the sentence cannot have too many words (two word starts are
                    // two bytes apart at least): only look for the next byte to stop at.
                    let unchecked = min(quiet, start + 2 * maxSentenceTokens - 8)
                    while i < unchecked && classes[Int(text[i])] & Self.stopClass == 0 { i += 1 }
                    guard i < quiet, classes[Int(text[i])] & Self.stopClass == 0 else { return }
                    countWords(to: i)
                    while i < quiet {
                        let k = classes[Int(text[i])]
                        if k & Self.stopClass != 0 { break }
                        let word = Self.startsWord(text, i, classes)
                        if tokens + word > maxSentenceTokens && i > start { break }
                        tokens += word
                        i += 1
                    }
                    counted = i
                }
                if i >= n { break }
            }
            let c = text[i]
            if isWordByte(c, lead: true) && (i == 0 || !isWordByte(text[i - 1], lead: false))
                && !(i >= 2 && text[i - 1] == 0x27 && isWordByte(text[i - 2], lead: false)) {  // runner's is one word
                countWords(to: i)
                tokens += 1
                counted = i + 1
                if tokens > maxSentenceTokens && i > start {
                    cuts.append(i)
                    append(start, i, text, &result)
                    start = i
                    tokens = 1
                }
            }
            if c == UInt8(ascii: "(") && i > parenEnd {
                var j = i + 1
                while j < n && j - i < 400 && text[j] != UInt8(ascii: ")") { j += 1 }
                if j < n && text[j] == UInt8(ascii: ")") { parenEnd = j }
            }
            let termWidth = terminatorWidth(text, i)
            // "(A whole sentence in brackets.)" ends at its closing bracket.
            let closesSentence = i == parenEnd && endsWithTerminator(text, i)
            if (termWidth > 0 && i > parenEnd) || closesSentence {
                var end = i + max(termWidth, 1)
                while end < n {
                    let w = terminatorWidth(text, end)
                    if w > 0 { end += w; continue }
                    let q = closerWidth(text, end)
                    if q > 0 { end += q; continue }
                    // "…over the femur.[1][2] It typically…": citation marks after the stop end the sentence with it.
                    let m = citationWidth(text, end)
                    if m > 0 { end += m; continue }
                    break
                }
                var next = end
                while next < n, let w = spaceWidth(text, next) { next += w }
                if end >= n || (next > end && next < n && startsSentence(text, next) && !isAbbreviation(text, sentenceStart: start, dot: i, width: termWidth, runEnd: end)) {
                    append(start, end, text, &result)
                    start = end
                    tokens = 0
                } else {
                    countWords(to: i + 1)  // the terminators and closers after `i` are skipped, not counted
                }
                counted = end
                i = end
                continue
            }
            if i - start >= maxSentenceBytes && (c == 0x20 || (i - start >= 2 * maxSentenceBytes && c & 0xC0 != 0x80)) {
                cuts.append(i)
                append(start, i, text, &result)
                start = i
                tokens = 0
                counted = i + 1
            }
            i += 1
        }
        append(start, n, text, &result)
    }

    private func append(_ start: Int, _ end: Int, _ text: UnsafeBufferPointer<UInt8>, _ result: inout [Range<Int>]) {
        var s = start, e = end
        while s < e, let w = spaceWidth(text, s) { s += w }
        while e > s {
            if text[e - 1] == 0x20 { e -= 1 } else if e - s >= 2, text[e - 2] == 0xC2, text[e - 1] == 0xA0 { e -= 2 } else { break }
        }
        // A stray closing quote or bracket is no sentence: attach it to the previous one.
        let hasWord = (s..<e).contains { i in
            let c = text[i]
            return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xC3 && c != 0xE2 && c < 0xF8)
        }
        if e > s, hasWord {
            result.append(s..<e)
        } else if e > s, let last = result.last {
            result[result.count - 1] = last.lowerBound..<e
        }
    }

    /// Width of a space or no-break space (U+00A0) at `i`, nil for anything else.
    private func spaceWidth(_ t: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
        if t[i] == 0x20 { return 1 }
        if t[i] == 0xC2, i + 1 < t.count, t[i + 1] == 0xA0 { return 2 }
        return nil
    }

    /// Whether the text just before `i` ends with `.`, `!`, `?` or `…`.
    private func endsWithTerminator(_ t: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        guard i > 0 else { return false }
        let c = t[i - 1]
        if c == UInt8(ascii: ".") || c == UInt8(ascii: "!") || c == UInt8(ascii: "?") { return true }
        return i >= 3 && t[i - 3] == 0xE2 && t[i - 2] == 0x80 && c == 0xA6
    }

    /// Width of a sentence terminator at `i`: `.`, `!`, `?`, or `…` (3 bytes).
    private func terminatorWidth(_ t: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let c = t[i]
        if c == UInt8(ascii: ".") {
            // A decimal or a number range ("2.5", "v1.2") never ends a sentence.
            if i + 1 < t.count, isDigit(t[i + 1]), i > 0, isDigit(t[i - 1]) { return 0 }
            return 1
        }
        if c == UInt8(ascii: "!") || c == UInt8(ascii: "?") { return 1 }
        if c == 0xE2, i + 2 < t.count, t[i + 1] == 0x80, t[i + 2] == 0xA6 { return 3 }
        return 0
    }

    /// Width of a closing quote or bracket at `i`.
    private func closerWidth(_ t: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let c = t[i]
        if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") || c == UInt8(ascii: ")") || c == UInt8(ascii: "]") { return 1 }
        if c == 0xE2, i + 2 < t.count, t[i + 1] == 0x80, t[i + 2] == 0x9D || t[i + 2] == 0x99 { return 3 }  // ” ’
        if c == 0xC2, i + 1 < t.count, t[i + 1] == 0xBB { return 2 }  // »
        return 0
    }

    /// Width of a citation mark at `i`: a bracket of at most 24 bytes holding only ASCII
    /// letters, digits, spaces, commas and hyphens, opening on one of them ("[3]", "[12, 14]",
    /// "[citation needed]", "[note 2]"); 0 for anything else.
    private func citationWidth(_ t: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        guard t[i] == UInt8(ascii: "["), i + 1 < t.count, t[i + 1] != 0x20, t[i + 1] != UInt8(ascii: "]") else { return 0 }
        var j = i + 1
        while j < t.count && j - i <= 24 {
            let c = t[j]
            if c == UInt8(ascii: "]") { return j - i + 1 }
            let letter = (c | 0x20) >= UInt8(ascii: "a") && (c | 0x20) <= UInt8(ascii: "z")
            guard letter || isDigit(c) || c == 0x20 || c == UInt8(ascii: ",") || c == UInt8(ascii: "-") else { return 0 }
            j += 1
        }
        return 0
    }

    /// Whether the text at `i` can begin a new sentence (anything but a lower-case letter or joining punctuation).
    private func startsSentence(_ t: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let c = t[i]
        if c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z") { return false }
        if c == UInt8(ascii: ",") || c == UInt8(ascii: ";") || c == UInt8(ascii: ":") || c == UInt8(ascii: ")") { return false }
        return true
    }

    /// Whether the period at `dot` closes an abbreviation or an initial rather than a sentence.
    private func isAbbreviation(_ t: UnsafeBufferPointer<UInt8>, sentenceStart: Int, dot: Int, width: Int, runEnd: Int) -> Bool {
        guard width == 1, t[dot] == UInt8(ascii: "."), runEnd == dot + 1 else { return false }
        var w = dot
        while w > sentenceStart && isWordByte(t[w - 1]) { w -= 1 }
        let word = UnsafeBufferPointer(rebasing: t[w..<dot])
        guard !word.isEmpty else { return false }
        if word.contains(UInt8(ascii: ".")) {                                      // U.S., e.g., i.e. — not example.com
            return word.split(separator: UInt8(ascii: ".")).allSatisfy { $0.count <= 2 }
        }
        if word.count == 1 && word[0] >= UInt8(ascii: "A") && word[0] <= UInt8(ascii: "Z")
            && (w == 0 || !isDigit(t[w - 1])) { return true }  // initials, but not "100K."
        guard word.count <= Self.longestAbbreviation else { return false }
        return Self.abbreviationKeys.contains(Self.key(word))
    }

    /// `abbreviations` as `key`s.
    private static let abbreviationKeys = Set(abbreviations.map { Array($0.utf8).withUnsafeBufferPointer(key) })

    /// The bytes of a word of at most eight ASCII letters, lower-cased, packed in one number
    /// (different words, different numbers).
    private static func key(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var key: UInt64 = 0
        for (i, b) in word.enumerated() { key |= UInt64(b >= 65 && b <= 90 ? b + 32 : b) << (8 * UInt64(i)) }
        return key
    }

    /// Whether `c` belongs to a word as the tokenizer reads words (ASCII letters and
    /// digits, and non-ASCII letters); `lead` asks whether a word can start with it.
    private func isWordByte(_ c: UInt8, lead: Bool) -> Bool {
        (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (lead ? c >= 0xC3 : c >= 0x80)
    }

    private func isWordByte(_ c: UInt8) -> Bool {
        (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == UInt8(ascii: ".")
    }

    private func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }

    /// Bit 0 (`wordClass`): the byte belongs to a word (`isWordByte(c, lead: false)`); bit 1:
    /// a word can start with it (`isWordByte(c, lead: true)`); bit 2 (`stopClass`): it can end
    /// a sentence or open or close a parenthesis (`.`, `!`, `?`, the lead byte of `…`, `(`, `)`).
    private static let byteClasses: [UInt8] = (0..<256).map { c in
        let b = UInt8(c)
        let word: UInt8 = (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b >= 0x80 ? 1 : 0
        let lead: UInt8 = (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b >= 0xC3 ? 2 : 0
        let stop: UInt8 = [UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), 0xE2, UInt8(ascii: "("), UInt8(ascii: ")")].contains(b) ? 4 : 0
        return word | lead | stop
    }
    private static let wordClass: UInt8 = 1

    /// 1 when a word starts at `i` > 0 (a byte that can start a word after one that is not
    /// in a word, an apostrophe after a word excepted: runner's is one word), else 0.
    @inline(__always)
    private static func startsWord(_ text: UnsafeBufferPointer<UInt8>, _ i: Int, _ classes: UnsafeBufferPointer<UInt8>) -> Int {
        let k = classes[Int(text[i])]
        if i == 0 { return Int((k >> 1) & 1) }
        var word = Int((k >> 1) & ~classes[Int(text[i - 1])] & 1)
        if text[i - 1] == 0x27, i >= 2, classes[Int(text[i - 2])] & wordClass != 0 { word = 0 }
        return word
    }
    private static let stopClass: UInt8 = 4
}
