/// What the sentence index takes from one document before entities have their rowids:
/// the stems of each heading path and of each sentence, the entities each sentence
/// mentions (by id), and the document's word counts and term frequencies. It depends
/// only on the document, the code and the entities mention finding knows, so
/// `SentenceMemo` keeps it from one build to the next.
struct SentenceAnalysis: Sendable, Equatable {
    /// Stems of each distinct heading path, one heading from the next separated by
    /// `SearchSchema.aliasSeparator`, and the number of stems in each.
    var headings: [String] = []
    var headingTokens: [Int] = []
    /// Per sentence: its heading path (index into `headings`), the stems of its text and
    /// the entities it mentions (distinct ids, in order of first mention).
    var sentenceHeadings: [Int] = []
    var bodies: [String] = []
    var mentions: [[String]] = []
    /// Tokens in all sentence texts.
    var bodyTokens = 0
    /// Surface words worth correcting to (`WordCounts.isWord`), their stems and counts.
    var words: [String] = []
    var wordStems: [String] = []
    var wordCounts: [Int] = []
    /// Every stem of the headings and texts, with the number of sentences holding it.
    var terms: [String] = []
    var termSentences: [Int] = []
}

/// Analyses documents for the sentence index: tokenizes and stems every heading path and
/// sentence and finds the entities mentioned, as extraction reads them. For the site it
/// can fill in the document's `SourceTerms` in the same pass, so each sentence is
/// tokenized and searched for mentions once.
struct SentenceAnalyzer {
    let tokenizer: Tokenizer
    let finder: MentionFinder

    func analyze(_ d: Document) -> SentenceAnalysis {
        analyze(d, site: nil).sentences
    }

    /// The sentence analysis of `d` and the `MentionScope` of its tokens (without fingerprint).
    func scopedAnalysis(_ d: Document) -> (sentences: SentenceAnalysis, scope: MentionScope) {
        let all = analyze(d, site: nil)
        return (all.sentences, all.scope)
    }

    /// The sentence analysis of `d` and its `SourceTerms` for a page titled `title`, whose
    /// mentions `siteFinder` finds (nil: the ones `finder` finds, when both find the same),
    /// and the `MentionScope` of its tokens (without fingerprint).
    func analyze(_ d: Document, title: String, siteFinder: MentionFinder?) -> (sentences: SentenceAnalysis, site: SourceTerms, scope: MentionScope) {
        let all = analyze(d, site: (title, siteFinder))
        return (all.sentences, all.site ?? SourceTerms(), all.scope)
    }

    private func analyze(_ d: Document, site: (title: String, finder: MentionFinder?)?)
        -> (sentences: SentenceAnalysis, site: SourceTerms?, scope: MentionScope) {
        var scope = MentionScope()
        var a = SentenceAnalysis()
        var counter = TermCounter()
        var siteTerms: SourceTermsCounter?
        if let site { siteTerms = SourceTermsCounter(title: tokenizer.tokens(site.title), sentences: d.sentences.count) }
        var headingOfBlock: [Int: Int] = [:]
        var headingTerms: [[Int]] = []
        var body: [UInt8] = []
        a.sentenceHeadings.reserveCapacity(d.sentences.count)
        a.bodies.reserveCapacity(d.sentences.count)
        a.mentions.reserveCapacity(d.sentences.count)
        for s in d.sentences {
            let heading: Int
            if let h = headingOfBlock[s.block] {
                heading = h
            } else {
                // Each heading of the path on its own, so that a phrase cannot run from one into the next.
                let parts = d.headingPath(of: s).map { tokenizer.tokens($0).map(\.stem) }.filter { !$0.isEmpty }
                a.headings.append(parts.map { $0.joined(separator: " ") }.joined(separator: " \(SearchSchema.aliasSeparator) "))
                a.headingTokens.append(parts.reduce(0) { $0 + $1.count })
                headingTerms.append(parts.joined().map { counter.term($0) })
                heading = a.headings.count - 1
                headingOfBlock[s.block] = heading
            }
            counter.nextSentence()
            let tokens = tokenizer.tokens(s.text)
            let weight = siteTerms == nil ? 0 : SourceTerms.weight(s, in: d)
            // The stems joined by spaces, gathered as bytes: one String per sentence, not one append per token.
            body.removeAll(keepingCapacity: true)
            for n in tokens.indices {
                let t = tokens[n]
                if n > 0 { body.append(0x20) }
                body.append(contentsOf: t.stem.utf8)
                if t.isUpper { scope.insert(MentionFinder.exactKey(t)) }
                let (term, word) = counter.word(t)
                counter.count(term)
                siteTerms?.add(t, term: term, word: word, weight: weight)
            }
            let found = finder.mentions(in: tokens)
            var mentioned: [String] = []
            for m in found where !mentioned.contains(m.entity) { mentioned.append(m.entity) }
            if let site { siteTerms?.mentions.append(site.finder.map { $0.mentions(in: tokens) } ?? found) }
            for id in headingTerms[heading] { counter.count(id) }
            a.bodyTokens += tokens.count
            a.sentenceHeadings.append(heading)
            a.bodies.append(String(decoding: body, as: UTF8.self))
            a.mentions.append(mentioned)
        }
        counter.finish(&a)
        // Every stem of the texts is among the terms (with the headings' stems, which only widen the scope).
        for t in a.terms { scope.insert(t) }
        return (a, siteTerms?.terms, scope)
    }
}

/// `SourceTerms` of one document, counted along with its `TermCounter`: a token's slot
/// is found by the number of its term, and whether it is a stop word by the number of
/// its word, so no stem or word is hashed per occurrence. The title's tokens come first
/// (weight 3), then the sentences' in order, as `SourceTerms.init` counts them.
private struct SourceTermsCounter {
    private var stems: [String] = []
    private var weights: [Float] = []
    private var length: Float = 0
    var mentions: [[Mention]] = []
    /// Slots of the title's stems.
    private var titleSlots: [String: Int] = [:]
    /// Per term number: its slot, -1 not yet seen, -2 left out (an empty stem).
    private var slotOfTerm: [Int] = []
    /// Per word number: 1 a stop word, 2 not, 0 not yet seen.
    private var stopOfWord: [UInt8] = []

    init(title: [Token], sentences: Int) {
        mentions.reserveCapacity(sentences)
        for t in title where !SearchIndexWriter.stopSet.contains(t.norm) && !t.stem.isEmpty {
            if let slot = titleSlots[t.stem] {
                weights[slot] += 3
            } else {
                titleSlots[t.stem] = stems.count
                stems.append(t.stem)
                weights.append(3)
            }
            length += 1
        }
    }

    /// Counts token `t` of a sentence whose words weigh `weight`; `term` and `word` are its
    /// numbers in the document's `TermCounter`.
    mutating func add(_ t: Token, term: Int, word: Int, weight: Float) {
        while word >= stopOfWord.count { stopOfWord.append(0) }
        if stopOfWord[word] == 0 { stopOfWord[word] = SearchIndexWriter.stopSet.contains(t.norm) ? 1 : 2 }
        guard stopOfWord[word] == 2 else { return }
        while term >= slotOfTerm.count { slotOfTerm.append(-1) }
        var slot = slotOfTerm[term]
        if slot == -1 {
            if t.stem.isEmpty {
                slot = -2
            } else if let known = titleSlots[t.stem] {
                slot = known
            } else {
                slot = stems.count
                stems.append(t.stem)
                weights.append(0)
            }
            slotOfTerm[term] = slot
        }
        guard slot >= 0 else { return }
        weights[slot] += weight
        length += 1
    }

    var terms: SourceTerms {
        var t = SourceTerms()
        t.stems = stems
        t.weights = weights
        t.length = length
        t.mentions = mentions
        return t
    }
}

/// Words and terms of one document, numbered as they are first seen. A token costs one
/// probe of an integer table by its stem's `StemKey` (which the stemmer computed once per
/// distinct word) and a comparison or two of short strings — no string is hashed per
/// occurrence. A sentence counts a term once: `seenIn` keeps the last sentence that
/// counted it.
private struct TermCounter {
    /// Terms by `StemKey` of their stem; terms whose keys collide are chained by `sameKey`.
    private var table = KeyTable()
    private var terms: [String] = []
    private var sameKey: [Int32] = []
    /// The latest word of each term (-1: none); a term's words are chained by `sameTerm`.
    private var lastWord: [Int32] = []
    private var sentencesWith: [Int] = []
    private var seenIn: [Int] = []
    private var wordNorms: [String] = []
    private var wordTerms: [Int] = []
    private var wordCounts: [Int] = []
    private var sameTerm: [Int32] = []
    private var sentence = 0

    mutating func nextSentence() { sentence += 1 }

    /// Counts one occurrence of the token's word; returns the numbers of its stem's term and of the word.
    mutating func word(_ t: Token) -> (term: Int, word: Int) {
        let termID = term(t.stem, key: t.stemKey)
        var w = lastWord[termID]
        while w >= 0 {
            if wordNorms[Int(w)] == t.norm {
                wordCounts[Int(w)] += 1
                return (termID, Int(w))
            }
            w = sameTerm[Int(w)]
        }
        sameTerm.append(lastWord[termID])
        lastWord[termID] = Int32(wordNorms.count)
        wordNorms.append(t.norm)
        wordTerms.append(termID)
        wordCounts.append(1)
        return (termID, wordNorms.count - 1)
    }

    mutating func term(_ text: String) -> Int { term(text, key: StemKey.of(text)) }

    private mutating func term(_ text: String, key: UInt64) -> Int {
        let first = table[key]
        var id = first
        while id >= 0 {
            if terms[Int(id)] == text { return Int(id) }
            id = sameKey[Int(id)]
        }
        let new = Int32(terms.count)
        table[key] = new
        sameKey.append(first)
        terms.append(text)
        lastWord.append(-1)
        sentencesWith.append(0)
        seenIn.append(0)
        return Int(new)
    }

    /// Counts the current sentence for `term`, once.
    mutating func count(_ term: Int) {
        guard seenIn[term] != sentence else { return }
        seenIn[term] = sentence
        sentencesWith[term] += 1
    }

    /// Copies the counts into `a`.
    func finish(_ a: inout SentenceAnalysis) {
        for (id, norm) in wordNorms.enumerated() where WordCounts.isWord(norm) {
            a.words.append(norm)
            a.wordStems.append(terms[wordTerms[id]])
            a.wordCounts.append(wordCounts[id])
        }
        for (id, t) in terms.enumerated() where sentencesWith[id] > 0 {
            a.terms.append(t)
            a.termSentences.append(sentencesWith[id])
        }
    }
}
