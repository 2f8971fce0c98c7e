/// How the terminal commands describe a piece of evidence after its quote:
/// "(negated, hedged, reader's personal experience)", and how they shorten a long quote.
enum EvidenceMarks {
    /// The marks of a sentence, in the order the commands print them.
    static func marks(negated: Bool = false, hedged: Bool, attribution: String?) -> [String] {
        var marks: [String] = []
        if negated { marks.append("negated") }
        if hedged { marks.append("hedged") }
        if let attribution, !attribution.isEmpty { marks.append(label(attribution)) }
        return marks
    }

    /// " (a, b)" for the marks, or "" when there are none.
    static func suffix(_ marks: [String]) -> String {
        marks.isEmpty ? "" : " (\(marks.joined(separator: ", ")))"
    }

    /// An attribution as a mark: "reader (personal experience)" reads "reader's personal experience"
    /// (a parenthesis inside the marks' parenthesis read badly); others as they are.
    static func label(_ attribution: String) -> String {
        let tail = " (personal experience)"
        guard attribution.hasSuffix(tail) else { return attribution }
        return attribution.dropLast(tail.count) + "'s personal experience"
    }

    /// Whether the sentence tells someone's own experience (the author's, or a reader's in a Q&A column).
    static func isPersonal(_ attribution: String?) -> Bool {
        attribution?.hasSuffix("(personal experience)") == true
    }

    /// At most `max` characters, cut after a whole word and ended with "…". When none of the
    /// words of `about` (an entity's name; words of four letters or more) is in the part kept
    /// but one comes later, the part kept ends just after it and starts with "…" instead
    /// ("…squatting, or going up and down stairs." for *pain on stairs*).
    static func shortened(_ text: String, max: Int = 160, about: String? = nil) -> String {
        guard text.count > max else { return text }
        let head = text.prefix(max - 1)
        let cut = head.lastIndex(of: " ").map { head[..<$0] } ?? head
        let words: [String] = (about ?? "").lowercased().split(whereSeparator: { !$0.isLetter }).filter { $0.count >= 4 }.map(String.init)
        let lower = text.lowercased()
        if !words.isEmpty, !words.contains(where: { lower.prefix(cut.count).contains($0) }),
           let hit = words.compactMap({ lower.range(of: $0) }).min(by: { $0.lowerBound < $1.lowerBound }) {
            // Same character offsets in `text` (lowercasing kept these characters one for one, or the offsets are off by a little).
            let hitEnd = lower.distance(from: lower.startIndex, to: hit.upperBound)
            var end = text.index(text.startIndex, offsetBy: Swift.min(hitEnd, text.count))
            while end < text.endIndex, text[end] != " " { end = text.index(after: end) }
            let start = text.index(end, offsetBy: -Swift.min(max - 1, text.distance(from: text.startIndex, to: end)))
            var window = text[start..<end]
            if start > text.startIndex, let space = window.firstIndex(of: " ") { window = window[window.index(after: space)...] }
            return (start > text.startIndex ? "…" : "") + window + (end < text.endIndex ? "…" : "")
        }
        return cut.trimmingSuffix { ",;:–—(".contains($0) } + "…"
    }
}

private extension Substring {
    func trimmingSuffix(while drop: (Character) -> Bool) -> String {
        var s = self
        while let last = s.last, drop(last) || last == " " { s = s.dropLast() }
        return String(s)
    }
}
