/// A sentence's words as the audit reads them, split once for every reader: each word as
/// its number in `AuditVocabulary` (−1 for a word no audit rule looks at), and the
/// sentence's copy fingerprint (`SourceIndependence`). The rules compare these numbers
/// instead of hashing each word again for every table.
///
/// Words are lower-case runs of ASCII letters and digits and of two-byte Latin letters;
/// apostrophes (' ’ ‘) are dropped ("don’t" → "dont"); anything else separates words.
struct AuditWords: Sendable {
    /// Per word: its `AuditVocabulary` number, or −1.
    var ids: [Int32]
    /// The fingerprint of a sentence of six words or more, else nil.
    var fingerprint: UInt64?

    /// The words of `text`.
    init(_ text: String) {
        var text = text
        let longest = AuditVocabulary.longest
        var scan = Scan()
        text.withUTF8 { bytes in
            scan.ids.reserveCapacity(bytes.count / 4 + 1)
            // The current word's bytes: only words that fit the vocabulary's longest one are looked up.
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, longest)) { word in
                scan.word = word
                scan.longest = longest
                let n = bytes.count
                var i = 0
                while i < n {
                    let b = bytes[i]
                    if (b >= 97 && b <= 122) || (b >= 48 && b <= 57) { scan.add(b); i += 1 }
                    else if b >= 65 && b <= 90 { scan.add(b + 32); i += 1 }
                    else if b == 0x27 { i += 1 }
                    else if b == 0xE2 && i + 2 < n && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0x99 || bytes[i + 2] == 0x98) { i += 3 }
                    else if b >= 0xC3 && b < 0xE0 && i + 1 < n {
                        // Latin letters with accents, lower-cased one by one.
                        for c in String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<(i + 2)]), as: UTF8.self).lowercased().utf8 { scan.add(c) }
                        i += 2
                    } else { scan.flush(); i += 1 }
                }
                scan.flush()
            }
        }
        ids = scan.ids
        fingerprint = scan.ids.count >= 6 ? scan.fingerprint : nil
    }

    /// The splitting state: the current word (bytes, length, FNV-1a hash), the sentence's
    /// fingerprint so far and the numbers of the words done. A struct of its own, so the
    /// loop updates plain stored values (captured variables were checked on every access).
    private struct Scan {
        static let basis: UInt64 = 0xcbf2_9ce4_8422_2325
        var word = UnsafeMutableBufferPointer<UInt8>(start: nil, count: 0)
        var longest = 0
        var length = 0
        var hash = Scan.basis
        var fingerprint = Scan.basis
        var ids: [Int32] = []

        mutating func add(_ b: UInt8) {
            if length < longest { word[length] = b }
            length += 1
            hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3
            fingerprint = (fingerprint ^ UInt64(b)) &* 0x100_0000_01b3
        }

        mutating func flush() {
            guard length > 0 else { return }
            ids.append(length <= longest ? AuditVocabulary.id(UnsafeBufferPointer(rebasing: word[0..<length]), hash: hash) : -1)
            fingerprint = (fingerprint ^ 0x20) &* 0x100_0000_01b3
            length = 0
            hash = Scan.basis
        }
    }
}

/// Every word an audit rule looks for — the synonym swaps' words, the calls to action's
/// phrases, the denial triggers and cues — numbered, with what each rule needs to know of each
/// number. Words are found by their FNV-1a hash in an open-addressing table.
enum AuditVocabulary {
    /// The words, by number.
    static let words: [String] = {
        var all: [String] = []
        var seen = Set<String>()
        func add(_ w: String) { if seen.insert(w).inserted { all.append(w) } }
        for s in RewriteSwaps.table {
            s.synonym.forEach(add)
            s.originals.forEach { $0.forEach(add) }
        }
        for p in PromotionDetector.phrases { p.split(separator: " ").map(String.init).forEach(add) }
        DenialScanner.triggers.sorted().forEach(add)
        (DenialScanner.roleCues + DenialScanner.harmlessCues).forEach { $0.forEach(add) }
        return all
    }()

    /// Bytes of the longest word.
    static let longest = words.map(\.utf8.count).max() ?? 0

    private static let slots: [Int32] = {
        var slots = [Int32](repeating: -1, count: 1 << 10)
        let mask = slots.count - 1
        for (n, w) in words.enumerated() {
            var i = slot(hash(w))
            while slots[i & mask] >= 0 { i += 1 }
            slots[i & mask] = Int32(n)
        }
        return slots
    }()

    private static let bytes: [[UInt8]] = words.map { Array($0.utf8) }

    private static func hash(_ w: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in w.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }

    private static func slot(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> 54) }

    /// The number of `word` (whose FNV-1a hash is `hash`), or −1.
    static func id(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32 {
        let mask = slots.count - 1
        var i = slot(hash)
        while true {
            let n = slots[i & mask]
            if n < 0 { return -1 }
            if bytes[Int(n)].elementsEqual(word) { return n }
            i += 1
        }
    }

    /// The number of `word`, or −1.
    static func id(_ word: String) -> Int32 {
        let h = hash(word)
        var word = word
        return word.utf8.count > longest ? -1 : word.withUTF8 { id($0, hash: h) }
    }

    /// Per number: the number of the word a one-word synonym stands for (`RewriteSwaps.singleWord`), else itself.
    static let restoring: [Int32] = words.indices.map { n in RewriteSwaps.singleWord[words[n]].map(id) ?? Int32(n) }
}
