import Foundation

/// Decides which blocks of an article are text and which are repeats or boilerplate.
///
/// Repeats: a non-heading block of two or more words whose text appeared earlier in
/// the same source, and the recurring headings and one-word labels ("Q:") just before
/// such a repeat (a whole section copied again). Boilerplate: short blocks of site furniture (copyright, sign-up
/// and share prompts, "Leave a comment", "Powered by"), and sections headed
/// "Related articles", "Further reading" and the like.
struct BlockCleaner: Sendable {
    /// Blocks longer than this (bytes) are never taken for boilerplate.
    var maxBoilerplateBytes = 200

    static let boilerplatePhrases: [String] = [
        "©", "copyright", "all rights reserved", "sign up", "signup", "subscribe", "newsletter", "leave a comment",
        "leave a reply", "post a comment", "comments are closed", "share this", "share on", "share via", "click to share",
        "tweet this", "pin it", "powered by", "this entry was posted in", "bookmark the permalink", "create your website",
        "create your own", "get started", "accept cookies", "we use cookies", "this site uses cookies", "skip to content",
        "back to top", "print this", "read more", "related articles", "related posts", "further reading",
        "you may also like", "popular posts", "recommended for you", "follow us", "privacy policy", "terms of use",
    ]
    static let relatedHeadings: [String] = [
        "related articles", "related posts", "related reading", "related content", "further reading", "read more",
        "read next", "you may also like", "you might also like", "popular posts", "recommended", "more from",
        "more articles", "see also", "trending", "up next", "watch next",
    ]

    enum Verdict: Equatable {
        case keep
        case duplicate(of: Int)
        case boilerplate
    }

    /// One verdict per block; `lineOf` gives a block's first line.
    func verdicts(_ blocks: [RawBlock], lineOf: (Int) -> Int) -> [Verdict] {
        var verdicts = [Verdict](repeating: .keep, count: blocks.count)
        var seen = FirstBlocks(blocks)
        // Headings and one-word labels ("Q:") recur legitimately; a recurrence is a repeat
        // only when the next multi-word block repeats too (a whole section copied again).
        var seenShort = FirstBlocks(blocks)
        var pending: [(index: Int, first: Int)] = []
        var relatedLevel: Int? = nil
        for (i, block) in blocks.enumerated() {
            block.text.bytes.withUnsafeBufferPointer { bytes in
                var folded = FoldedText(bytes)
                func noteShort() {
                    if let first = seenShort.first(i, folded: &folded) { pending.append((i, first)) } else { pending.removeAll() }
                }
                if block.kind == .heading {
                    if let level = relatedLevel, block.level > level { verdicts[i] = .boilerplate; return }
                    relatedLevel = nil
                    if folded.isRelatedHeading {
                        relatedLevel = block.level
                        verdicts[i] = .boilerplate
                    } else if bytes.count <= maxBoilerplateBytes && folded.hasBoilerplatePhrase && folded.isFurniture {
                        verdicts[i] = .boilerplate
                    } else {
                        noteShort()
                    }
                    return
                }
                if relatedLevel != nil { verdicts[i] = .boilerplate; return }
                if bytes.count <= maxBoilerplateBytes && folded.hasBoilerplatePhrase {
                    verdicts[i] = .boilerplate
                    return
                }
                guard folded.hasSpace else { noteShort(); return }
                if let first = seen.first(i, folded: &folded) {
                    verdicts[i] = .duplicate(of: first)
                    for p in pending { verdicts[p.index] = .duplicate(of: p.first) }
                }
                pending.removeAll()
            }
        }
        return verdicts
    }
}

/// The first block of each text met so far, texts being equal when their `FoldedText.lower`
/// strings are (`String` equality: canonical equivalence, that is equal NFC forms).
///
/// Texts already in NFC whatever their neighbours (see `FoldedText.isPlainNFC`: ASCII and
/// a few ranges of other characters) are equal exactly when their bytes are: they are
/// hashed and compared on their bytes, folding case on the fly, in an open-addressing
/// table of block indices, and no string is made. Once another text is met, every text
/// is looked up as a `String` from then on (the texts recorded so far move there).
private struct FirstBlocks {
    private let blocks: [RawBlock]
    /// Block index + 1 in each slot (0: empty); the count of slots is a power of two.
    private var slots = [Int](repeating: 0, count: 64)
    private var hashes = [UInt64](repeating: 0, count: 64)
    private var count = 0
    private var others: [String: Int] = [:]
    private var allAsStrings = false

    init(_ blocks: [RawBlock]) {
        self.blocks = blocks
    }

    /// The first block recorded with the text of block `index` (whose bytes `folded` reads),
    /// or nil after recording `index` as the first with it.
    mutating func first(_ index: Int, folded: inout FoldedText) -> Int? {
        if !allAsStrings && !folded.isASCII && !FoldedText.isPlainNFC(folded.bytes) {
            allAsStrings = true
            for slot in slots where slot > 0 { others[FoldedText.lowerString(blocks[slot - 1].text.bytes)] = slot - 1 }
        }
        if allAsStrings {
            let key = folded.lower
            if let first = others[key] { return first }
            others[key] = index
            return nil
        }
        let hash = FoldedText.hash(folded.bytes)
        var mask = slots.count - 1
        var s = Int(truncatingIfNeeded: hash) & mask
        while slots[s] != 0 {
            let other = slots[s] - 1
            if hashes[s] == hash, blocks[other].text.bytes.withUnsafeBufferPointer({ FoldedText.equal($0, folded.bytes) }) { return other }
            s = (s + 1) & mask
        }
        if (count + 1) * 2 > slots.count {
            grow()
            mask = slots.count - 1
            s = Int(truncatingIfNeeded: hash) & mask
            while slots[s] != 0 { s = (s + 1) & mask }
        }
        slots[s] = index + 1
        hashes[s] = hash
        count += 1
        return nil
    }

    private mutating func grow() {
        let oldSlots = slots, oldHashes = hashes
        slots = [Int](repeating: 0, count: oldSlots.count * 2)
        hashes = [UInt64](repeating: 0, count: oldSlots.count * 2)
        let mask = slots.count - 1
        for (k, slot) in oldSlots.enumerated() where slot != 0 {
            var s = Int(truncatingIfNeeded: oldHashes[k]) & mask
            while slots[s] != 0 { s = (s + 1) & mask }
            slots[s] = slot
            hashes[s] = oldHashes[k]
        }
    }
}

/// A block's text with ASCII letters lower-cased (other bytes as they are), and the
/// tests `BlockCleaner` makes of it, on its UTF-8 bytes.
///
/// They mean what the `String` tests they stand for mean (`contains`, `hasPrefix`,
/// equality, trimming — all by `Character`): for ASCII text, bytes and characters are
/// the same, and the bytes are read folding case as they go; text with other
/// characters is tested as the lower-cased `String` (see `TextSearch`).
private struct FoldedText {
    let bytes: UnsafeBufferPointer<UInt8>
    let isASCII: Bool
    private var lowered: String? = nil

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        isASCII = FoldedText.isASCII(bytes)
    }

    /// The text with ASCII letters lower-cased, as a `String` (made once, when asked for).
    var lower: String {
        mutating get {
            if let lowered { return lowered }
            let made = FoldedText.lowerString(bytes)
            lowered = made
            return made
        }
    }

    @inline(__always)
    static func fold(_ b: UInt8) -> UInt8 { b &- 65 < 26 ? b | 0x20 : b }

    static func lowerString<C: Collection<UInt8>>(_ bytes: C) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { out in
            for (i, b) in bytes.enumerated() { out[i] = fold(b) }
            return bytes.count
        }
    }

    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = UnsafeRawPointer(bytes.baseAddress) else { return true }
        var i = 0
        var any: UInt64 = 0
        while i + 8 <= bytes.count {
            any |= base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            i += 8
        }
        while i < bytes.count { any |= UInt64(bytes[i]); i += 1 }
        return any & 0x8080_8080_8080_8080 == 0
    }

    /// Whether every character of the text is ASCII, in U+0080–U+02FF or in U+2010–U+205F
    /// (dashes, quotes, bullets): characters that are in NFC and of combining class 0, so
    /// that any text of them is its own NFC form, and two such texts are equal as
    /// `String`s exactly when their bytes are.
    static func isPlainNFC(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < b.count {
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            if c >= 0xC2 && c <= 0xCB && i + 1 < b.count { i += 2; continue }  // U+0080–U+02FF
            guard c == 0xE2, i + 2 < b.count else { return false }
            let c1 = b[i + 1], c2 = b[i + 2]
            guard (c1 == 0x80 && c2 >= 0x90) || (c1 == 0x81 && c2 <= 0x9F) else { return false }  // U+2010–U+205F
            i += 3
        }
        return true
    }

    /// A hash of ASCII text that is the same for texts equal but for the case of letters.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h = UInt64(bytes.count) &* 0x9E37_79B9_7F4A_7C15
        guard let base = UnsafeRawPointer(bytes.baseAddress) else { return h }
        var i = 0
        while i + 8 <= bytes.count {
            let w = base.loadUnaligned(fromByteOffset: i, as: UInt64.self) | 0x2020_2020_2020_2020
            h = (h ^ w) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 29
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < bytes.count { tail |= UInt64(bytes[i] | 0x20) << shift; shift += 8; i += 1 }
        h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        return h ^ (h >> 32)
    }

    /// Whether two ASCII texts are equal but for the case of letters.
    static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard let pa = a.baseAddress, let pb = b.baseAddress else { return true }
        if memcmp(pa, pb, a.count) == 0 { return true }
        for i in 0..<a.count where fold(a[i]) != fold(b[i]) { return false }
        return true
    }

    static let related = BlockCleaner.relatedHeadings.map { Array($0.utf8) }
    static let phrases = BlockCleaner.boilerplatePhrases.map { Array($0.utf8) }
    /// Bit `quadKey(w)` is set for the first four bytes `w` of every phrase of four bytes or
    /// more. Text bytes that fold to a phrase's have the same key (`quadKey` sets bit 0x20
    /// of each byte, the bit in which an ASCII letter's cases differ), so a text position
    /// whose key is not set starts no such phrase.
    static let phraseQuads: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 1024)
        for p in phrases where p.count >= 4 {
            let key = quadKey(UInt32(p[0]) | UInt32(p[1]) << 8 | UInt32(p[2]) << 16 | UInt32(p[3]) << 24)
            bits[key >> 6] |= 1 << UInt64(key & 63)
        }
        return bits
    }()
    /// Indices of the phrases shorter than four bytes ("©"), looked for on their own.
    static let shortPhrases = phrases.indices.filter { phrases[$0].count < 4 }

    @inline(__always)
    static func quadKey(_ w: UInt32) -> Int { Int(((w | 0x2020_2020) &* 0x9E37_79B1) >> 16) }

    /// Indices into `phrases` by their first byte.
    static let phrasesByFirstByte: [[Int]] = {
        var table = [[Int]](repeating: [], count: 256)
        for (k, p) in phrases.enumerated() { table[Int(p[0])].append(k) }
        return table
    }()

    /// Whether the text contains one of `BlockCleaner.boilerplatePhrases`, all looked for in one pass.
    var hasBoilerplatePhrase: Bool {
        mutating get {
            let bytes = self.bytes
            guard bytes.count >= 2 else { return false }
            let phrases = Self.phrases, byFirstByte = Self.phrasesByFirstByte, isASCII = self.isASCII
            var candidates: [Int] = []
            func matches(_ p: [UInt8], at start: Int) -> Bool {
                start + p.count <= bytes.count && (0..<p.count).allSatisfy { Self.fold(bytes[start + $0]) == p[$0] }
            }
            for k in Self.shortPhrases where !(isASCII && phrases[k].contains { $0 >= 0x80 }) {
                if (0..<bytes.count).contains(where: { matches(phrases[k], at: $0) }) { candidates.append(k) }
            }
            if isASCII && !candidates.isEmpty { return true }
            Self.phraseQuads.withUnsafeBufferPointer { quads in
                guard bytes.count >= 4, let base = UnsafeRawPointer(bytes.baseAddress) else { return }
                for start in 0...(bytes.count - 4) {
                    let key = Self.quadKey(base.loadUnaligned(fromByteOffset: start, as: UInt32.self))
                    guard quads[key >> 6] & (1 << UInt64(key & 63)) != 0 else { continue }
                    for k in byFirstByte[Int(Self.fold(bytes[start]))] where phrases[k].count >= 4 && matches(phrases[k], at: start) {
                        if isASCII { candidates = [k]; return }
                        candidates.append(k)
                    }
                }
            }
            guard !candidates.isEmpty else { return false }
            if isASCII { return true }
            let text = lower
            return candidates.contains { text.contains(BlockCleaner.boilerplatePhrases[$0]) }  // Foundation's test confirms a byte match
        }
    }

    /// Whether the text, trimmed of ` :.!…`, is a related-articles heading (or starts with one and a space or colon).
    var isRelatedHeading: Bool {
        mutating get {
            if isASCII {
                var s = 0, e = bytes.count
                func trimmable(_ b: UInt8) -> Bool { b == 0x20 || b == UInt8(ascii: ":") || b == UInt8(ascii: ".") || b == UInt8(ascii: "!") }
                while s < e && trimmable(bytes[s]) { s += 1 }
                while e > s && trimmable(bytes[e - 1]) { e -= 1 }
                let trimmed = UnsafeBufferPointer(rebasing: bytes[s..<e])
                return Self.related.contains { h in
                    trimmed.count >= h.count && h.indices.allSatisfy { Self.fold(trimmed[$0]) == h[$0] }
                        && (trimmed.count == h.count || trimmed[h.count] == 0x20 || trimmed[h.count] == UInt8(ascii: ":"))
                }
            }
            let trimmed = lower.trimmingCharacters(in: " :.!…")
            return BlockCleaner.relatedHeadings.contains { trimmed == $0 || trimmed.hasPrefix($0 + " ") || trimmed.hasPrefix($0 + ":") }
        }
    }

    /// Whether the text holds a space character.
    ///
    /// In text with other characters, a space byte between two ASCII bytes (or the ends)
    /// is a space character on its own, so Foundation's `contains` finds it too; only
    /// when there is none is the question left to Foundation.
    var hasSpace: Bool {
        mutating get {
            if isASCII { return bytes.contains(0x20) }
            for i in bytes.indices where bytes[i] == 0x20 && (i == 0 || bytes[i - 1] < 0x80) && (i + 1 == bytes.count || bytes[i + 1] < 0x80) {
                return true
            }
            return lower.contains(" ")
        }
    }

    /// Headings are furniture only when they are the prompt itself ("Newsletter Signup"): four words at most.
    var isFurniture: Bool {
        mutating get {
            guard isASCII else { return lower.split(separator: " ").count <= 4 }
            var words = 0
            var previous: UInt8 = 0x20
            for b in bytes {
                if b != 0x20 && previous == 0x20 { words += 1 }
                previous = b
            }
            return words <= 4
        }
    }
}
