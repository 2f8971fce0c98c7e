/// Question-and-answer columns: "Q. My knee aches on the stairs… A. What you describe sounds
/// like patellofemoral pain…". Each letter is a topic of its own, about the condition its
/// answer names first, which the reader's question usually does not know to name.
extension ClaimExtractor {
    /// Labels that open a reader's question or its answer ("Q:", "Q.", "Question:", "A:", "Answer:").
    static let questionLabels: Set<String> = ["q", "question"]
    static let answerLabels: Set<String> = ["a", "answer"]

    /// For each sentence, the condition that the answer of its letter names first, when the
    /// sentence belongs to a letter (from a "Q" label to the next one, a heading, or the end)
    /// whose answer names one; nil elsewhere.
    func letterTopics(_ analyzed: [AnalyzedSentence], _ document: Document) -> [String?] {
        var topics = [String?](repeating: nil, count: analyzed.count)
        var start: Int? = nil
        var answered = false
        var topic: String? = nil
        func close(_ end: Int) {
            if let start, let topic { for i in start..<end { topics[i] = topic } }
            start = nil; answered = false; topic = nil
        }
        for s in analyzed {
            if document.blocks[s.sentence.block].kind == .heading { close(s.index); continue }
            if s.startsBlock, opensWithLabel(s, Self.questionLabels) { close(s.index); start = s.index; continue }
            guard start != nil else { continue }
            if s.startsBlock, opensWithLabel(s, Self.answerLabels) { answered = true }
            if answered, topic == nil { topic = subjectCondition(s) }
        }
        close(analyzed.count)
        return topics
    }

    /// Whether the sentence opens with one of `labels` and a colon or full stop: "Q:", "A. Almost…".
    func opensWithLabel(_ s: AnalyzedSentence, _ labels: Set<String>) -> Bool {
        guard let first = s.tokens.first, first.start == 0 || s.bytes[0..<first.start].allSatisfy({ $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "_") }),
              labels.contains(first.norm), first.end < s.bytes.count else { return false }
        let mark = s.bytes[first.end...].first { $0 != UInt8(ascii: "*") && $0 != UInt8(ascii: "_") }
        return mark == UInt8(ascii: ":") || mark == UInt8(ascii: ".")
    }
}
