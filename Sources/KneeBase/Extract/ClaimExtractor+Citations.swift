/// A reference list's entries: "Malliaras P, et al. Patellar tendinopathy: …" cites a paper, it
/// asserts nothing the page says.
extension ClaimExtractor {
    /// Whether the sentence opens a list item written as a citation: a capitalised surname, the
    /// author's initials in capitals (one to three letters) and a comma — "Kongsgaard M, et al.",
    /// "Rathleff MS, Roos EM, …".
    func isCitation(_ s: AnalyzedSentence, _ document: Document) -> Bool {
        guard s.startsBlock, document.blocks[s.sentence.block].kind == .listItem, s.tokens.count > 3 else { return false }
        let surname = s.tokens[0], initials = s.tokens[1]
        guard (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(s.bytes[surname.start]), surname.end - surname.start >= 2,
              (1...3).contains(initials.end - initials.start),
              s.bytes[initials.start..<initials.end].allSatisfy({ (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }),
              initials.end < s.bytes.count, s.bytes[initials.end] == UInt8(ascii: ",") else { return false }
        return s.bytes[surname.end] == UInt8(ascii: " ")
    }
}
