/// A sentence with its tokens and lexicon mentions, ready for claim rules.
struct AnalyzedSentence {
    var index: Int
    var sentence: Sentence
    let tokens: [Token]
    var mentions: [Mention]
    /// The sentence's UTF-8 bytes, for punctuation checks between tokens.
    var bytes: [UInt8]
    /// Whether this is the first sentence of its block.
    var startsBlock: Bool
    /// Per token, the `CueList` bits of the lists it belongs to.
    let cueMasks: [UInt32]

    init(index: Int, sentence: Sentence, tokens: [Token], mentions: [Mention], bytes: [UInt8], startsBlock: Bool) {
        self.index = index
        self.sentence = sentence
        self.tokens = tokens
        self.mentions = mentions
        self.bytes = bytes
        self.startsBlock = startsBlock
        cueMasks = tokens.map(CueList.mask)
    }

    /// Whether any token belongs to `list`.
    func has(_ list: CueList) -> Bool {
        cueMasks.contains { $0 & list.bit != 0 }
    }

    /// Positions of the tokens that belong to `list`.
    func positions(_ list: CueList) -> [Int] {
        cueMasks.indices.filter { cueMasks[$0] & list.bit != 0 }
    }

    /// Whether any token's stem is in `stems`.
    func has(_ stems: Set<String>) -> Bool {
        tokens.contains { stems.contains($0.stem) || ($0.norm != $0.stem && stems.contains($0.norm)) }
    }

    /// Token positions whose stem is in `stems`.
    func positions(_ stems: Set<String>) -> [Int] {
        tokens.indices.filter { stems.contains(tokens[$0].stem) || (tokens[$0].norm != tokens[$0].stem && stems.contains(tokens[$0].norm)) }
    }

    /// Whether a clause break (`,` `;` `:` or a scope-ending word) lies between tokens `a` and `b` (a < b).
    func clauseBreak(between a: Int, and b: Int) -> Bool {
        guard a < b else { return false }
        for k in a..<b {
            let from = tokens[k].end
            let to = tokens[k + 1].start
            if from < to, bytes[from..<to].contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: ")") }) {
                return true
            }
            if k + 1 < b, Cues.scopeEnders.contains(tokens[k + 1].stem) { return true }
        }
        return false
    }
}
