/// A reference list's entries: "Malliaras P, et al. Patellar tendinopathy: …" cites a paper, it
/// asserts nothing the page says.
extension ClaimExtractor {
    /// Whether the sentence belongs to a list item written as a citation: the item opens with a
    /// capitalised surname, the author's initials in capitals (one to three letters) and a comma —
    /// "Kongsgaard M, et al.", "Rathleff MS, Roos EM. …" (every sentence of the item is the citation's).
    func isCitation(_ s: AnalyzedSentence, _ document: Document) -> Bool {
        let block = document.blocks[s.sentence.block]
        guard block.kind == .listItem else { return false }
        let words = block.text.utf8.prefix(40).split(separator: UInt8(ascii: " "), maxSplits: 2, omittingEmptySubsequences: false)
        guard words.count == 3, let surname = words.first, let initials = words.dropFirst().first,
              surname.count >= 2, surname.first.map({ (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }) == true,
              surname.allSatisfy({ ($0 | 0x20) >= UInt8(ascii: "a") && ($0 | 0x20) <= UInt8(ascii: "z") || $0 == UInt8(ascii: "-") || $0 >= 0x80 }),
              initials.last == UInt8(ascii: ","), (2...4).contains(initials.count) else { return false }
        return initials.dropLast().allSatisfy { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }
    }
}
