/// A compact byte form of `SentenceAnalysis` for the build cache, written and read by
/// hand: decoding tens of thousands of sentences through `Codable` took longer than
/// analysing them again. Integers are LEB128 varints, strings a varint length and UTF-8.
extension SentenceAnalysis {
    /// The analysis as bytes.
    func bytes() -> [UInt8] {
        var w = ByteWriter()
        w.strings(headings)
        w.ints(headingTokens)
        w.ints(sentenceHeadings)
        w.strings(bodies)
        w.int(mentions.count)
        for m in mentions { w.strings(m) }
        w.int(bodyTokens)
        w.strings(words)
        w.strings(wordStems)
        w.ints(wordCounts)
        w.strings(terms)
        w.ints(termSentences)
        return w.bytes
    }

    /// Reads an analysis written by `bytes()`; nil when the bytes are truncated or malformed.
    init?(bytes: ArraySlice<UInt8>) {
        let decoded: SentenceAnalysis? = bytes.withUnsafeBufferPointer { buffer in
            var r = ByteReader(buffer: buffer)
            var a = SentenceAnalysis()
            guard let headings = r.strings(), let headingTokens = r.ints(), let sentenceHeadings = r.ints(),
                  let bodies = r.strings(), let mentionCount = r.count() else { return nil }
            var mentions: [[String]] = []
            mentions.reserveCapacity(mentionCount)
            for _ in 0..<mentionCount {
                guard let m = r.strings() else { return nil }
                mentions.append(m)
            }
            guard let bodyTokens = r.int(), let words = r.strings(), let wordStems = r.strings(), let wordCounts = r.ints(),
                  let terms = r.strings(), let termSentences = r.ints(), r.atEnd else { return nil }
            // The parallel arrays must line up, and every heading index must be in range.
            guard headingTokens.count == headings.count, sentenceHeadings.count == bodies.count, mentions.count == bodies.count,
                  sentenceHeadings.allSatisfy({ $0 < headings.count }), wordStems.count == words.count,
                  wordCounts.count == words.count, termSentences.count == terms.count else { return nil }
            a.headings = headings
            a.headingTokens = headingTokens
            a.sentenceHeadings = sentenceHeadings
            a.bodies = bodies
            a.mentions = mentions
            a.bodyTokens = bodyTokens
            a.words = words
            a.wordStems = wordStems
            a.wordCounts = wordCounts
            a.terms = terms
            a.termSentences = termSentences
            return a
        }
        guard let decoded else { return nil }
        self = decoded
    }
}
