/// What the site takes from one source's words before entities get their search numbers:
/// the weight of every stem for the search index (title 3, headings 1.5, text 1; stop
/// words left out), the number of words indexed, and the lexicon mentions of each
/// sentence (which the page links and its digest covers). It depends only on the
/// document, the code and the entities mention finding knows, so a cached build keeps it
/// (`DocumentRecords.siteTerms`) and a rebuild tokenizes only the articles that changed.
struct SourceTerms: Sendable, Equatable {
    /// Stems in order of first appearance, and the weight of each.
    var stems: [String] = []
    var weights: [Float] = []
    /// Words indexed (stop words and stemless tokens left out).
    var length: Float = 0
    /// The mentions of each sentence.
    var mentions: [[Mention]] = []

    init() {}

    /// Tokenizes the title and every sentence of `d`.
    init(_ d: Document, title: String, tokenizer: Tokenizer, finder: MentionFinder) {
        var slots: [String: Int] = [:]
        var stems: [String] = [], weights: [Float] = [], length: Float = 0
        func add(_ tokens: [Token], weight: Float) {
            for t in tokens where !SearchIndexWriter.stopSet.contains(t.norm) && !t.stem.isEmpty {
                if let slot = slots[t.stem] {
                    weights[slot] += weight
                } else {
                    slots[t.stem] = stems.count
                    stems.append(t.stem)
                    weights.append(weight)
                }
                length += 1
            }
        }
        add(tokenizer.tokens(title), weight: 3)
        var mentions: [[Mention]] = []
        mentions.reserveCapacity(d.sentences.count)
        for s in d.sentences {
            let tokens = tokenizer.tokens(s.text)
            add(tokens, weight: Self.weight(s, in: d))
            mentions.append(finder.mentions(in: tokens))
        }
        self.stems = stems
        self.weights = weights
        self.length = length
        self.mentions = mentions
    }

    /// The weight of a sentence's words: 1.5 in a heading, else 1.
    static func weight(_ s: Sentence, in d: Document) -> Float {
        s.block < d.blocks.count && d.blocks[s.block].kind == .heading ? 1.5 : 1
    }

    /// The document's terms for the search index, with a `@N` term for every mention of
    /// an entity that has search number N, weighted as its sentence's words.
    func searchTerms(_ d: Document, entityNumber: [String: Int]) -> SearchIndexWriter.Terms {
        var terms = SearchIndexWriter.Terms()
        terms.weights.reserveCapacity(stems.count + 16)
        for (stem, weight) in zip(stems, weights) { terms.weights[stem, default: 0] += weight }
        terms.length = length
        for (si, found) in mentions.enumerated() where !found.isEmpty && si < d.sentences.count {
            let weight = Self.weight(d.sentences[si], in: d)
            for m in found { if let n = entityNumber[m.entity] { terms.addEntity(n, weight: weight) } }
        }
        return terms
    }
}
