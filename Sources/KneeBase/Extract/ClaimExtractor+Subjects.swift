/// Remedies that are the subject of a negated verb: "zero drop shoes don't guarantee …",
/// and each conjunct of a coordinated subject: "patellar taping and ultrasound therapy were
/// not studied and cannot be recommended" denies taping as well as ultrasound.
extension ClaimExtractor {
    /// Whether the treatment at `object` is the subject of a negated verb, itself or as an
    /// earlier conjunct of `objects` joined to it by "and", "or" or a comma.
    func deniedAsSubject(_ object: (entity: Entity, first: Int, last: Int), among objects: [(entity: Entity, first: Int, last: Int)],
                         _ s: AnalyzedSentence, negations: [Int]) -> Bool {
        var last = object.last
        while true {
            if negatedAfter(last, s, negations: negations) { return true }
            // The next conjunct: a treatment right after "and", "or" or a comma.
            guard let next = objects.first(where: { o in
                o.entity.kind == .treatment && o.first > last && o.first - last <= 2 && joins(last, o.first, s)
            }) else { return false }
            last = next.last
        }
    }

    /// Whether a negation follows the word at `last` within four words, in its clause, as the
    /// negated verb of a subject ending there (not "no" governing a later noun, not answered by a contrast).
    private func negatedAfter(_ last: Int, _ s: AnalyzedSentence, negations: [Int]) -> Bool {
        negations.contains { $0 > last && $0 - last <= 4 && !s.clauseBreak(between: last, and: $0)
            && !Cues.governsNext.contains(s.tokens[$0].stem) && !answeredByContrast(after: $0, s) }
    }

    /// Whether the words between `a` and `b` join two conjuncts: "and", "or", or only a comma.
    private func joins(_ a: Int, _ b: Int, _ s: AnalyzedSentence) -> Bool {
        if b == a + 1 { return s.bytes[s.tokens[a].end..<s.tokens[b].start].contains(UInt8(ascii: ",")) }
        return b == a + 2 && ["and", "or"].contains(s.tokens[a + 1].norm)
    }
}
