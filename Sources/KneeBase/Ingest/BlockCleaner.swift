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
            let lower = Self.lowercased(block.text.bytes)
            if block.kind == .heading {
                if let level = relatedLevel, block.level > level { verdicts[i] = .boilerplate; continue }
                relatedLevel = nil
                let trimmed = lower.trimmingCharacters(in: " :.!…")
                if Self.relatedHeadings.contains(where: { trimmed == $0 || trimmed.hasPrefix($0 + " ") || trimmed.hasPrefix($0 + ":") }) {
                    relatedLevel = block.level
                    verdicts[i] = .boilerplate
                } else if block.text.bytes.count <= maxBoilerplateBytes && Self.boilerplatePhrases.contains(where: lower.contains) && Self.isFurniture(lower) {
                    verdicts[i] = .boilerplate
                } else {
                    noteShort(i, lower)
                }
                continue
            }
            if relatedLevel != nil { verdicts[i] = .boilerplate; continue }
            if block.text.bytes.count <= maxBoilerplateBytes && Self.boilerplatePhrases.contains(where: lower.contains) {
                verdicts[i] = .boilerplate
                continue
            }
            guard lower.contains(" ") else { noteShort(i, lower); continue }
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

    /// Headings are furniture only when they are the prompt itself ("Newsletter Signup").
    private static func isFurniture(_ lower: String) -> Bool {
        lower.split(separator: " ").count <= 4
    }

    static func lowercased(_ bytes: [UInt8]) -> String {
        String(decoding: bytes.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
    }
}
