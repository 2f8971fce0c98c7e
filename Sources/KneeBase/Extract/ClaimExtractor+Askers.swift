/// In a question-and-answer column the reader's question is a report of the reader's own
/// case, not the source's voice: "The therapists gave me stretches, but they only make it
/// worse" is what the reader went through; the professional's answer is the advice.
extension ClaimExtractor {
    /// Who speaks in a reader's question: the reader, about their own case.
    static let readerAttribution = "reader (personal experience)"

    /// For each sentence, whether it belongs to a reader's question: from a "Q:" label up to
    /// the "A:" label of its answer (or the next heading).
    func askerSentences(_ analyzed: [AnalyzedSentence], _ document: Document) -> [Bool] {
        var out = [Bool](repeating: false, count: analyzed.count)
        var asking = false
        for s in analyzed {
            if document.blocks[s.sentence.block].kind == .heading { asking = false; continue }
            if s.startsBlock, opensWithLabel(s, Self.questionLabels) { asking = true }
            else if s.startsBlock, opensWithLabel(s, Self.answerLabels) { asking = false }
            out[s.index] = asking
        }
        return out
    }
}

extension ClaimExtractor {
    /// Who speaks in the sentence of `c`: the reader in a reader's question, the speaker of a
    /// quotation running on from an earlier sentence, else `attribution(of:)`.
    func attribution(in c: SentenceContext) -> String? {
        c.asker ? Self.readerAttribution : c.quotedSpeaker ?? attribution(of: c.sentence)
    }
}
