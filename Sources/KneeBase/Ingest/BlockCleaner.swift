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
        "more articles", "see also", "trending",
    ]

    enum Verdict: Equatable {
        case keep
        case duplicate(of: Int)
        case boilerplate
    }

    /// One verdict per block; `lineOf` gives a block's first line.
    func verdicts(_ blocks: [RawBlock], lineOf: (Int) -> Int) -> [Verdict] {
        var verdicts = [Verdict](repeating: .keep, count: blocks.count)
        var seen: [String: Int] = [:]
        // Headings and one-word labels ("Q:") recur legitimately; a recurrence is a repeat
        // only when the next multi-word block repeats too (a whole section copied again).
        var seenShort: [String: Int] = [:]
        var pending: [(index: Int, first: Int)] = []
        func noteShort(_ i: Int, _ lower: String) {
            if let first = seenShort[lower] { pending.append((i, first)) } else { seenShort[lower] = i; pending.removeAll() }
        }
        var relatedLevel: Int? = nil
        for (i, block) in blocks.enumerated() {
            let folded = FoldedText(block.text.bytes)
            let lower = folded.lower
            if block.kind == .heading {
                if let level = relatedLevel, block.level > level { verdicts[i] = .boilerplate; continue }
                relatedLevel = nil
                if folded.isRelatedHeading {
                    relatedLevel = block.level
                    verdicts[i] = .boilerplate
                } else if block.text.bytes.count <= maxBoilerplateBytes && folded.hasBoilerplatePhrase && folded.isFurniture {
                    verdicts[i] = .boilerplate
                } else {
                    noteShort(i, lower)
                }
                continue
            }
            if relatedLevel != nil { verdicts[i] = .boilerplate; continue }
            if block.text.bytes.count <= maxBoilerplateBytes && folded.hasBoilerplatePhrase {
                verdicts[i] = .boilerplate
                continue
            }
            guard folded.hasSpace else { noteShort(i, lower); continue }
            if let first = seen[lower] {
                verdicts[i] = .duplicate(of: first)
                for p in pending { verdicts[p.index] = .duplicate(of: p.first) }
            } else {
                seen[lower] = i
            }
            pending.removeAll()
        }
        return verdicts
    }
}

/// A block's text with ASCII letters lower-cased (other bytes as they are), and the
/// tests `BlockCleaner` makes of it, on its UTF-8 bytes.
///
/// They mean what the `String` tests they stand for mean (`contains`, `hasPrefix`,
/// equality, trimming — all by `Character`): for ASCII text, bytes and characters are
/// the same; text with other characters is tested as a `String` (see `TextSearch`).
private struct FoldedText {
    let lower: String
    let isASCII: Bool

    init(_ bytes: [UInt8]) {
        var ascii = true
        lower = String(unsafeUninitializedCapacity: bytes.count) { out in
            for (i, b) in bytes.enumerated() {
                out[i] = b >= 65 && b <= 90 ? b + 32 : b
                if b >= 0x80 { ascii = false }
            }
            return bytes.count
        }
        isASCII = ascii
    }

    static let related = BlockCleaner.relatedHeadings.map { Array($0.utf8) }
    static let phrases = BlockCleaner.boilerplatePhrases.map { Array($0.utf8) }
    /// Bit `b0 << 8 | b1` is set when a phrase starts with bytes `b0 b1` (every phrase has two or more).
    static let phrasePrefixes: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 1024)
        for p in phrases {
            let key = Int(p[0]) << 8 | Int(p[1])
            bits[key >> 6] |= 1 << UInt64(key & 63)
        }
        return bits
    }()
    /// Indices into `phrases` by their first byte.
    static let phrasesByFirstByte: [[Int]] = {
        var table = [[Int]](repeating: [], count: 256)
        for (k, p) in phrases.enumerated() { table[Int(p[0])].append(k) }
        return table
    }()

    /// Whether the text contains one of `BlockCleaner.boilerplatePhrases`, all looked for in one pass.
    var hasBoilerplatePhrase: Bool {
        let contains: (String) -> Bool = lower.contains  // Foundation's test, confirming a byte match in non-ASCII text
        return Self.phrasePrefixes.withUnsafeBufferPointer { prefixes in
            lower.utf8.withContiguousStorageIfAvailable { bytes in
                for i in bytes.indices.dropLast() {
                    let key = Int(bytes[i]) << 8 | Int(bytes[i + 1])
                    guard prefixes[key >> 6] & (1 << UInt64(key & 63)) != 0 else { continue }
                    for k in Self.phrasesByFirstByte[Int(bytes[i])] {
                        let p = Self.phrases[k]
                        guard i + p.count <= bytes.count, (1..<p.count).allSatisfy({ bytes[i + $0] == p[$0] }) else { continue }
                        if isASCII || contains(BlockCleaner.boilerplatePhrases[k]) { return true }
                    }
                }
                return false
            }
        } ?? BlockCleaner.boilerplatePhrases.contains(where: lower.containsText)
    }

    /// Whether the text, trimmed of ` :.!…`, is a related-articles heading (or starts with one and a space or colon).
    var isRelatedHeading: Bool {
        let byBytes: Bool? = isASCII ? lower.utf8.withContiguousStorageIfAvailable { bytes in
            var s = 0, e = bytes.count
            func trimmable(_ b: UInt8) -> Bool { b == 0x20 || b == UInt8(ascii: ":") || b == UInt8(ascii: ".") || b == UInt8(ascii: "!") }
            while s < e && trimmable(bytes[s]) { s += 1 }
            while e > s && trimmable(bytes[e - 1]) { e -= 1 }
            let trimmed = UnsafeBufferPointer(rebasing: bytes[s..<e])
            return Self.related.contains { h in
                trimmed.starts(with: h) && (trimmed.count == h.count || trimmed[h.count] == 0x20 || trimmed[h.count] == UInt8(ascii: ":"))
            }
        } : nil
        if let byBytes { return byBytes }
        let trimmed = lower.trimmingCharacters(in: " :.!…")
        return BlockCleaner.relatedHeadings.contains { trimmed == $0 || trimmed.hasPrefix($0 + " ") || trimmed.hasPrefix($0 + ":") }
    }

    /// Whether the text holds a space character.
    ///
    /// In text with other characters, a space byte between two ASCII bytes (or the ends)
    /// is a space character on its own, so Foundation's `contains` finds it too; only
    /// when there is none is the question left to Foundation.
    var hasSpace: Bool {
        let byBytes: Bool? = lower.utf8.withContiguousStorageIfAvailable { bytes in
            if isASCII { return bytes.contains(0x20) }
            for i in bytes.indices where bytes[i] == 0x20 && (i == 0 || bytes[i - 1] < 0x80) && (i + 1 == bytes.count || bytes[i + 1] < 0x80) {
                return true
            }
            return false
        }
        return byBytes == true || (!isASCII && lower.contains(" ")) || (byBytes == nil && lower.utf8.contains(0x20))
    }

    /// Headings are furniture only when they are the prompt itself ("Newsletter Signup"): four words at most.
    var isFurniture: Bool {
        guard isASCII else { return lower.split(separator: " ").count <= 4 }
        var words = 0
        var previous: UInt8 = 0x20
        for b in lower.utf8 {
            if b != 0x20 && previous == 0x20 { words += 1 }
            previous = b
        }
        return words <= 4
    }
}
