/// Detects machine-rewritten ("spun") text: for each known synonym swap it counts the
/// unlikely synonym and the normal word. A swap *fires* when the synonym is used more
/// than the word it replaces (people write "running" far more than "operating"); the
/// text is rewritten when enough weighted swaps fire.
struct RewriteDetector {
    struct Hit: Sendable {
        var swap: RewriteSwaps.Swap
        var synonymCount: Int
        var originalCount: Int
        /// Index of the first sentence using the synonym.
        var firstSentence: Int
    }

    struct Result: Sendable {
        var hits: [Hit]
        var words: Int
        /// Sum of the weights of the swaps that fired.
        var signal: Int
        /// Synonym uses per 1,000 words, over the swaps that fired.
        var rate: Double

        var isRewritten: Bool { signal >= RewriteDetector.rewrittenSignal && hits.count >= 3 }
        var isSuspect: Bool { !isRewritten && signal >= RewriteDetector.suspectSignal }
    }

    /// Every synonym and original of the table as `AuditVocabulary` numbers, by the number of its first word.
    static let byFirstWord: [[(index: Int, phrase: [Int32], isSynonym: Bool)]] = {
        var out = [[(index: Int, phrase: [Int32], isSynonym: Bool)]](repeating: [], count: AuditVocabulary.words.count)
        for (k, s) in RewriteSwaps.table.enumerated() {
            let synonym = s.synonym.map(AuditVocabulary.id)
            out[Int(synonym[0])].append((k, synonym, true))
            for o in s.originals {
                let original = o.map(AuditVocabulary.id)
                out[Int(original[0])].append((k, original, false))
            }
        }
        return out
    }()

    static let rewrittenSignal = 8
    static let suspectSignal = 4

    /// Whether `swap` fired given its counts: the synonym outnumbers the normal word, and is
    /// used at least twice (three times for swaps that people also make).
    static func fires(_ swap: RewriteSwaps.Swap, synonym: Int, original: Int) -> Bool {
        let minimum = swap.weight >= 3 ? 1 : swap.weight == 2 ? 2 : 3
        return synonym >= minimum && synonym > original
    }

    /// The swaps in `document`; `words` are its sentences' words when already split.
    func analyze(_ document: Document, words sentenceWords: [AuditWords]? = nil) -> Result {
        let table = RewriteSwaps.table
        let byFirstWord = Self.byFirstWord
        var synonym = [Int](repeating: 0, count: table.count)
        var original = [Int](repeating: 0, count: table.count)
        var first = [Int](repeating: -1, count: table.count)
        var words = 0
        for (i, s) in document.sentences.enumerated() {
            let w = (sentenceWords?[i] ?? AuditWords(s.text)).ids
            words += w.count
            for p in w.indices where w[p] >= 0 {
                for c in byFirstWord[Int(w[p])] where p + c.phrase.count <= w.count {
                    guard c.phrase.count == 1 || w[p..<(p + c.phrase.count)].elementsEqual(c.phrase) else { continue }
                    if c.isSynonym {
                        synonym[c.index] += 1
                        if first[c.index] < 0 { first[c.index] = i }
                    } else {
                        original[c.index] += 1
                    }
                }
            }
        }
        var hits: [Hit] = []
        for (k, s) in table.enumerated() where Self.fires(s, synonym: synonym[k], original: original[k]) {
            hits.append(Hit(swap: s, synonymCount: synonym[k], originalCount: original[k], firstSentence: first[k]))
        }
        hits.sort { ($0.swap.weight * $0.synonymCount, $1.swap.synonym.joined()) > ($1.swap.weight * $1.synonymCount, $0.swap.synonym.joined()) }
        let signal = hits.reduce(0) { $0 + $1.swap.weight }
        let uses = hits.reduce(0) { $0 + $1.synonymCount }
        return Result(hits: hits, words: words, signal: signal, rate: words == 0 ? 0 : Double(uses) * 1000 / Double(words))
    }
}
