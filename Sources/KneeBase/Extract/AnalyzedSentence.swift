/// A sentence with its tokens and lexicon mentions, ready for claim rules.
///
/// Its parts live in one shared box: the rules pass sentences around by value (the
/// current, previous and next sentence, a context per sentence), and a copy costs one
/// reference count instead of one per array. Setting a part copies the box.
struct AnalyzedSentence {
    private final class Parts {
        var index: Int
        var sentence: Sentence
        var tokens: [Token]
        var mentions: [Mention]
        var bytes: [UInt8]
        var startsBlock: Bool
        var cueMasks: [UInt32]
        var composerMarks: [UInt16]
        /// The effective negations, once a rule has asked for them.
        var negations: [Int]?
        /// The attribution, once a rule has asked for it.
        var attribution: String??

        init(index: Int, sentence: Sentence, tokens: [Token], mentions: [Mention], bytes: [UInt8], startsBlock: Bool,
             cueMasks: [UInt32], composerMarks: [UInt16]) {
            self.index = index
            self.sentence = sentence
            self.tokens = tokens
            self.mentions = mentions
            self.bytes = bytes
            self.startsBlock = startsBlock
            self.cueMasks = cueMasks
            self.composerMarks = composerMarks
        }

        func copy() -> Parts {
            Parts(index: index, sentence: sentence, tokens: tokens, mentions: mentions, bytes: bytes, startsBlock: startsBlock,
                  cueMasks: cueMasks, composerMarks: composerMarks)
        }
    }

    private var parts: Parts

    init(index: Int, sentence: Sentence, tokens: [Token], mentions: [Mention], bytes: [UInt8], startsBlock: Bool) {
        var cueMasks = [UInt32](repeating: 0, count: tokens.count)
        var composerMarks = [UInt16](repeating: 0, count: tokens.count)
        for k in tokens.indices {
            let marks = tokens[k].marks
            cueMasks[k] = marks.cues
            composerMarks[k] = marks.composer
            // A load inside a name ("excess load on the knee") is what is added to, not a cue.
            if Cues.addsLoad(tokens, at: k), !mentions.contains(where: { $0.first <= k && k <= $0.last }) { cueMasks[k] |= CueList.cause.bit }
        }
        parts = Parts(index: index, sentence: sentence, tokens: tokens, mentions: mentions, bytes: bytes, startsBlock: startsBlock,
                      cueMasks: cueMasks, composerMarks: composerMarks)
    }

    /// A part changed: copy the box first when another value shares it.
    private mutating func update(_ change: (Parts) -> Void) {
        if !isKnownUniquelyReferenced(&parts) { parts = parts.copy() }
        change(parts)
        parts.negations = nil
        parts.attribution = nil
    }

    /// The sentence's effective negations (`ClaimExtractor.effectiveNegations`): `find`'s
    /// answer, kept in the shared parts after the first call, since several rules ask for
    /// them and they depend on the sentence alone.
    func negations(_ find: () -> [Int]) -> [Int] {
        if let known = parts.negations { return known }
        let found = find()
        parts.negations = found
        return found
    }

    /// Who the sentence says is speaking (`ClaimExtractor.attributionOf`): `find`'s answer,
    /// kept after the first call, since the claim rules and the anatomy rules both ask.
    func attribution(_ find: () -> String?) -> String? {
        if let known = parts.attribution { return known }
        let found = find()
        parts.attribution = .some(found)
        return found
    }

    var index: Int {
        get { parts.index }
        set { update { $0.index = newValue } }
    }
    var sentence: Sentence {
        get { parts.sentence }
        set { update { $0.sentence = newValue } }
    }
    var tokens: [Token] { parts.tokens }
    var mentions: [Mention] {
        get { parts.mentions }
        set { update { $0.mentions = newValue } }
    }
    /// The sentence's UTF-8 bytes, for punctuation checks between tokens.
    var bytes: [UInt8] {
        get { parts.bytes }
        set { update { $0.bytes = newValue } }
    }
    /// Whether this is the first sentence of its block.
    var startsBlock: Bool {
        get { parts.startsBlock }
        set { update { $0.startsBlock = newValue } }
    }
    /// Per token, the `CueList` bits of the lists it belongs to.
    var cueMasks: [UInt32] { parts.cueMasks }
    /// Per token, the `Composer` roles of its stem (see `WordMarks`).
    var composerMarks: [UInt16] { parts.composerMarks }

    /// Whether any token belongs to `list`.
    func has(_ list: CueList) -> Bool {
        parts.cueMasks.contains { $0 & list.bit != 0 }
    }

    /// Positions of the tokens that belong to `list`.
    func positions(_ list: CueList) -> [Int] {
        let masks = parts.cueMasks
        return masks.indices.filter { masks[$0] & list.bit != 0 }
    }

    /// Whether any token's stem is in `stems`.
    func has(_ stems: Set<String>) -> Bool {
        parts.tokens.contains { stems.contains($0.stem) || ($0.norm != $0.stem && stems.contains($0.norm)) }
    }

    /// Whether any token's stem (or case-folded form) is one of a few `words`: compared
    /// one by one, which costs less than building a set and hashing every token.
    func has(_ words: [String]) -> Bool {
        parts.tokens.contains { t in words.contains(t.stem) || (t.norm != t.stem && words.contains(t.norm)) }
    }

    /// Token positions whose stem is in `stems`.
    func positions(_ stems: Set<String>) -> [Int] {
        let tokens = parts.tokens
        return tokens.indices.filter { stems.contains(tokens[$0].stem) || (tokens[$0].norm != tokens[$0].stem && stems.contains(tokens[$0].norm)) }
    }

    /// Whether a clause break (`,` `;` `:` or a scope-ending word) lies between tokens `a` and `b` (a < b).
    func clauseBreak(between a: Int, and b: Int) -> Bool {
        guard a < b else { return false }
        let tokens = parts.tokens
        let bytes = parts.bytes
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
