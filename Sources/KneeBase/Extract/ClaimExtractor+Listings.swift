/// Rules for the parts of a page that list rather than state: a reference list, whose
/// entries cite studies and claim nothing, and a listicle's numbered headings, each naming
/// the exercise or remedy the section under it explains.
extension ClaimExtractor {
    /// Headings of a reference list, lower-cased.
    static let referenceHeadings: Set<String> = [
        "references", "reference", "reference list", "bibliography", "sources", "citations", "footnotes", "notes and references",
        "references and further reading", "sources and further reading", "sources and references", "further reading", "research cited",
        "references further reading", "sources further reading", "sources references",
    ]

    /// First letters (lower case) of `referenceHeadings`.
    static let referenceInitials: [UInt8] = Array("rbscfn".utf8)

    /// Whether the sentence sits under a reference list's heading ("References", "Sources"):
    /// "Collins N, et al. Foot orthoses and physiotherapy in the treatment of …" cites, it advises nothing.
    func citesSources(_ c: SentenceContext) -> Bool {
        let block = c.document.blocks[c.sentence.sentence.block]
        return block.headingPath.contains { Self.isReferenceHeading($0) } || (block.kind == .heading && Self.isReferenceHeading(block.text))
    }

    static func isReferenceHeading(_ heading: String) -> Bool {
        // Most headings are ruled out by their length or first letter, before any string is made.
        guard heading.utf8.count <= 40, let lead = heading.utf8.first, referenceInitials.contains(lead | 0x20) else { return false }
        // The words alone: "References:" is "references", "Sources & further reading" is "sources further reading".
        return referenceHeadings.contains(heading.lowercased().split { !$0.isLetter }.joined(separator: " "))
    }

    /// Whether a heading is a numbered entry ("2. Side-lying leg raises", "#3 Wall sits") that
    /// names one remedy and nothing else: in a listicle ("7 exercises for runner's knee") the
    /// entries are the remedies even when no heading above them says so.
    func isNumberedRemedyHeading(_ c: SentenceContext, isHeading: Bool, first: Int, last: Int) -> Bool {
        guard isHeading, c.sectionRelation == nil, first == 0, last == c.sentence.tokens.count - 1 else { return false }
        let text = c.document.blocks[c.sentence.sentence.block].text.utf8
        guard let lead = text.first(where: { $0 != UInt8(ascii: "#") && $0 != UInt8(ascii: " ") }) else { return false }
        return lead >= UInt8(ascii: "0") && lead <= UInt8(ascii: "9")
    }
}
