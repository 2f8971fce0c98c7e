/// Finds calls to action: phone numbers, e-mail addresses and phrases such as "sign up",
/// "check out my program", "book now". Rewritten text is read through the synonym swaps
/// first, so "Signal As much as" still reads as "sign up".
struct PromotionDetector {
    struct Hit: Sendable, Hashable {
        var line: Int
        var text: String
        /// What was found: "phone number", "e-mail address" or the phrase.
        var what: String
        /// Found in site furniture (a block left out as boilerplate) rather than the article text.
        var furniture: Bool
    }

    static let phrases: [String] = [
        "sign up", "signup", "subscribe", "check out my", "check out our", "checkout my", "checkout our", "checkout the",
        "my program", "our program", "my course", "our course", "my coaching", "buy now", "order now", "shop now",
        "book now", "book online", "book an appointment", "book a consultation", "call us", "call now", "contact us",
        "email us", "free trial", "discount", "coupon", "promo code", "use code", "limited time", "get started",
        "join now", "join my", "join our", "download my", "download our", "click here", "start today", "visit our",
        "our website", "their website", "link in bio", "affiliate link", "sponsored", "dm me",
    ]

    /// The phrases as words, by their first word.
    static let phraseIndex: [String: [[String]]] = {
        var out: [String: [[String]]] = [:]
        for p in phrases {
            let w = p.split(separator: " ").map(String.init)
            out[w[0], default: []].append(w)
        }
        return out
    }()

    /// The phrases as `AuditVocabulary` numbers, by the number of their first word.
    static let phraseIDs: [[[Int32]]] = {
        var out = [[[Int32]]](repeating: [], count: AuditVocabulary.words.count)
        for p in phrases {
            let w = p.split(separator: " ").map { AuditVocabulary.id(String($0)) }
            out[Int(w[0])].append(w)
        }
        return out
    }()

    /// Words of a text that can start a phrase once swaps are undone, by number: the phrases'
    /// first words, synonyms that stand for one, and the first words of multi-word synonyms.
    /// A text without any cannot hold a phrase, so its swaps need not be undone.
    static let phraseStarts: [Bool] = {
        var out = Set(phraseIndex.keys)
        for (synonym, original) in RewriteSwaps.singleWord where phraseIndex[original] != nil { out.insert(synonym) }
        return AuditVocabulary.words.indices.map { out.contains(AuditVocabulary.words[$0]) || !RewriteSwaps.multiWordIDs[$0].isEmpty }
    }()

    /// Calls to action in the article's sentences (`words`: each sentence's words) and in its boilerplate blocks.
    func scan(_ document: Document, words: [AuditWords]? = nil) -> [Hit] {
        var hits: [Hit] = []
        for (i, s) in document.sentences.enumerated() {
            if let what = Self.match(s.text, words: words?[i]) { hits.append(Hit(line: s.range.line, text: s.text, what: what, furniture: false)) }
        }
        for b in document.excluded where b.reason == .boilerplate {
            if let what = Self.match(b.text) { hits.append(Hit(line: b.range.line, text: b.text, what: what, furniture: true)) }
        }
        return hits
    }

    /// The first call to action in `text` (whose words are `words`, when already split), if any.
    static func match(_ text: String, words: AuditWords? = nil) -> String? {
        var digits = 0, at = false, bang = false
        for b in text.utf8 {
            if b >= 48 && b <= 57 { digits += 1 } else if b == 64 { at = true } else if b == 33 { bang = true }
        }
        if digits >= 10 && hasPhoneNumber(text) { return "phone number" }
        if at && hasEmail(text) { return "e-mail address" }
        let written = (words ?? AuditWords(text)).ids
        let starts = phraseStarts
        let w = written.contains(where: { $0 >= 0 && starts[Int($0)] }) ? RewriteSwaps.restoredWords(written) : []
        let index = phraseIDs
        for i in w.indices where w[i] >= 0 {
            for p in index[Int(w[i])] where i + p.count <= w.count && w[i..<(i + p.count)].elementsEqual(p) {
                return "“\(p.map { AuditVocabulary.words[Int($0)] }.joined(separator: " "))”"
            }
        }
        if bang && text.lowercased().contains("today!") { return "“today!”" }
        return nil
    }

    /// Ten to thirteen digits in two or more groups joined by spaces, dots, dashes or brackets: 804-396-6753, (804) 396 6753, +1 804 396 6753.
    static func hasPhoneNumber(_ text: String) -> Bool {
        let chars = Array(text.unicodeScalars)
        var i = 0
        while i < chars.count {
            let startsRun = ("0"..."9").contains(chars[i]) || chars[i] == "+" || chars[i] == "("
            let afterWord = i > 0 && (chars[i - 1].properties.isAlphabetic || ("0"..."9").contains(chars[i - 1]))
            guard startsRun && !afterWord else { i += 1; continue }
            var digits = 0, groups = 0, inGroup = false, j = i
            while j < chars.count, ("0"..."9").contains(chars[j]) || " -.()+".unicodeScalars.contains(chars[j]) {
                if ("0"..."9").contains(chars[j]) {
                    digits += 1
                    if !inGroup { groups += 1; inGroup = true }
                } else {
                    inGroup = false
                }
                j += 1
            }
            let endsWord = j < chars.count && chars[j].properties.isAlphabetic && j > 0 && ("0"..."9").contains(chars[j - 1])
            if (10...13).contains(digits) && (2...5).contains(groups) && !endsWord { return true }
            i = j + 1
        }
        return false
    }

    static func hasEmail(_ text: String) -> Bool {
        for word in text.split(whereSeparator: { $0 == " " || $0 == "<" || $0 == ">" || $0 == "(" || $0 == ")" }) {
            let parts = word.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, let local = parts.first, let domain = parts.last, !local.isEmpty,
                  local.allSatisfy({ $0.isLetter || $0.isNumber || ".-_+".contains($0) }) else { continue }
            let host = domain.trimmingCharacters(in: ".,;:!?")
            if host.contains("."), host.split(separator: ".").allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" } }) {
                return true
            }
        }
        return false
    }
}
