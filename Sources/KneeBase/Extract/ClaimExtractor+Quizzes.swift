import Foundation

/// The parts of a quiz that assert nothing: a statement put to the reader as "True or false?"
/// and the lettered options ("a) …", "(b) …") offered under a question.
extension ClaimExtractor {
    /// Whether the sentence is put to the reader to judge: the next sentence of its paragraph asks
    /// "true or false" ("You should stop running completely. *True or false?*").
    func isQuizStatement(_ s: AnalyzedSentence, _ analyzed: [AnalyzedSentence]) -> Bool {
        guard s.index + 1 < analyzed.count else { return false }
        let next = analyzed[s.index + 1]
        return next.sentence.block == s.sentence.block && Self.asksTrueOrFalse(next)
    }

    /// Whether the sentence holds "true or false" and ends with a question mark.
    static func asksTrueOrFalse(_ s: AnalyzedSentence) -> Bool {
        guard s.bytes.last(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "*") && $0 != UInt8(ascii: "_") }) == UInt8(ascii: "?") else { return false }
        return s.tokens.indices.dropLast(2).contains { k in
            s.tokens[k].norm == "true" && s.tokens[k + 1].norm == "or" && s.tokens[k + 2].norm == "false"
        }
    }

    /// Whether the sentence is a lettered option of a multiple-choice question: a list item opening
    /// "a)" or "(a)" in a list that follows a paragraph ending with a question mark or with an
    /// ellipsis ("The 'movie-goer's sign' refers to…").
    func isAnswerOption(_ s: AnalyzedSentence, _ document: Document) -> Bool {
        guard s.startsBlock, document.blocks[s.sentence.block].kind == .listItem, Self.opensWithOptionLetter(s.bytes) else { return false }
        var b = s.sentence.block - 1
        while b >= 0, document.blocks[b].kind == .listItem { b -= 1 }
        guard b >= 0, document.blocks[b].kind == .paragraph else { return false }
        let text = document.blocks[b].text.trimmingCharacters(in: CharacterSet(charactersIn: " *_"))
        return text.hasSuffix("?") || text.hasSuffix("…") || text.hasSuffix("...")
    }

    /// Whether the text opens with one letter a–h and a closing bracket: "a) …", "(c) …".
    static func opensWithOptionLetter(_ bytes: [UInt8]) -> Bool {
        var k = 0
        if bytes.first == UInt8(ascii: "(") { k = 1 }
        guard k + 1 < bytes.count, (UInt8(ascii: "a")...UInt8(ascii: "h")).contains(bytes[k] | 0x20),
              bytes[k + 1] == UInt8(ascii: ")") else { return false }
        return k + 2 == bytes.count || bytes[k + 2] == UInt8(ascii: " ")
    }
}
