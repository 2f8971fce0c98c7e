/// A sentence that denies an entity's role: "the vastus medialis … does not change how
/// it tracks", "the IT band usually isn't the source of the problem", "you can run
/// pain free with one leg shorter".
struct Denial: Sendable, Hashable, Codable {
    var source: String
    var entity: String
    var kind: EntityKind
    var sentence: Int
    var line: Int
    var text: String
    /// The cue words as written after undoing synonym swaps, e.g. "does not change".
    var cue: String
    var hedged: Bool
    var anecdotal: Bool
}

/// Finds denials with general English cues. The entity denied is the first cause,
/// anatomy or treatment named in the cue's clause, else the only one in the sentence.
/// Rewritten text is read through the synonym swaps first ("ache free" → "pain free").
struct DenialScanner: Sendable {
    /// Cues that deny a role or an effect: said of causes, anatomy and treatments.
    static let roleCues: [[String]] = [
        "not the source", "isnt the source", "not the cause", "isnt the cause", "not the reason", "isnt the reason",
        "not the problem", "isnt the problem", "not to blame", "doesnt matter", "does not matter", "does not change",
        "doesnt change", "does not alter", "doesnt alter", "does not affect", "doesnt affect", "has no effect",
        "no effect on", "plays no role", "no role in", "is a myth", "nothing to do with", "not linked", "not associated",
        "unrelated to", "not responsible",
    ].map { $0.split(separator: " ").map(String.init) }
    /// Cues that call a supposed cause harmless: said of causes only.
    static let harmlessCues: [[String]] = [
        "not a problem", "no problem", "not an issue", "no issue", "is fine", "its fine", "just fine", "run pain free",
        "pain free with", "nothing to worry",
    ].map { $0.split(separator: " ").map(String.init) }
    /// Cheap pre-filter: every cue has one of these words (after undoing swaps), so a sentence without one is skipped.
    static let triggers: Set<String> = ["not", "isnt", "doesnt", "no", "myth", "nothing", "unrelated", "fine", "free"]
    static let clauseWords: Set<String> = ["but", "however", "although", "though", "whereas", "yet", "while", "even"]

    /// Per `AuditVocabulary` number: whether the word, with a one-word swap undone, is a trigger.
    static let triggerIDs: [Bool] = AuditVocabulary.restoring.map { triggers.contains(AuditVocabulary.words[Int($0)]) }
    /// The cues as `AuditVocabulary` numbers, each with its text and whether it is a harmlessness cue, role cues first.
    static let cueIDs: [(words: [Int32], text: String, harmless: Bool)] =
        roleCues.map { ($0.map(AuditVocabulary.id), $0.joined(separator: " "), false) }
        + harmlessCues.map { ($0.map(AuditVocabulary.id), $0.joined(separator: " "), true) }

    let finder: MentionFinder
    let lexicon: Lexicon

    init(lexicon: Lexicon) {
        self.lexicon = lexicon
        finder = MentionFinder(lexicon: lexicon)
    }

    /// The denials of one document; `words` are its sentences' words when already split.
    func scan(_ document: Document, words: [AuditWords]? = nil) -> [Denial] {
        let tokenizer = Tokenizer(stemmer: StemmerPool.current)
        let triggers = Self.triggerIDs
        var out: [Denial] = []
        for (i, s) in document.sentences.enumerated() {
            let w = (words?[i] ?? AuditWords(s.text)).ids
            guard w.contains(where: { $0 >= 0 && triggers[Int($0)] }) else { continue }
            let tokens = tokenizer.tokens(s.text)
            let words = tokens.map { t in
                let n = AuditVocabulary.id(t.norm)
                return n < 0 ? n : AuditVocabulary.restoring[Int(n)]
            }
            guard let (cueStart, cueEnd, cue, harmless) = findCue(words) else { continue }
            let mentions = finder.mentions(in: tokens).filter { m in
                m.kind == .anatomy || m.kind == .cause || (!harmless && m.kind == .treatment)
            }
            guard !mentions.isEmpty else { continue }
            let clause = clauseIDs(tokens, text: s.text)
            let inClause = mentions.filter { clause[$0.first] == clause[cueStart] && ($0.last < cueStart || $0.first > cueEnd) }
            let chosen = inClause.first(where: { $0.last < cueStart }) ?? inClause.first
                ?? (Set(mentions.map(\.entity)).count == 1 ? mentions[0] : nil)
            guard let m = chosen, !(harmless && m.kind != .cause) else { continue }
            let stems = Set(tokens.map(\.stem))
            out.append(Denial(source: document.source, entity: m.entity, kind: m.kind, sentence: i, line: s.range.line, text: s.text,
                              cue: cue, hedged: !stems.isDisjoint(with: Cues.hedges),
                              anecdotal: !Set(tokens.map(\.norm)).isDisjoint(with: ["i", "my", "me", "ive", "im"])))
        }
        return out
    }

    /// The first cue in `words` (`AuditVocabulary` numbers, swaps undone): token range, text, and whether it is a harmlessness cue.
    private func findCue(_ words: [Int32]) -> (Int, Int, String, Bool)? {
        let cues = Self.cueIDs
        for start in words.indices where words[start] >= 0 {
            for cue in cues where start + cue.words.count <= words.count && words[start] == cue.words[0] {
                if words[start..<(start + cue.words.count)].elementsEqual(cue.words) {
                    return (start, start + cue.words.count - 1, cue.text, cue.harmless)
                }
            }
        }
        return nil
    }

    /// A clause number per token: punctuation and words like "but" start a new clause.
    private func clauseIDs(_ tokens: [Token], text: String) -> [Int] {
        let bytes = Array(text.utf8)
        var ids: [Int] = []
        var clause = 0
        for (k, t) in tokens.enumerated() {
            if k > 0 {
                let gap = bytes[tokens[k - 1].end..<t.start]
                if gap.contains(where: { [0x2C, 0x3B, 0x3A, 0x28, 0x29].contains($0) }) || String(decoding: gap, as: UTF8.self).contains("—") {
                    clause += 1
                }
            }
            if Self.clauseWords.contains(t.norm) { clause += 1 }
            ids.append(clause)
        }
        return ids
    }
}
