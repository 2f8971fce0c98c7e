/// A practitioner named in a sentence speaks only when the sentence gives them words or
/// advice: "a physical therapist recommends ice", "my physio had me do clamshells", "advice
/// from a coach", "according to one orthopaedic surgeon". A practitioner the author went to
/// — "what resolved it was first the chiropractor, then the hip work" — says nothing; the
/// sentence is the author's own.
extension ClaimExtractor {
    /// The professions of people (not "study" or "researchers", which report without a verb).
    static let practitioners: Set<String> = Set(Cues.professions).subtracting(["researchers", "studies", "study"])

    /// Last words of the practitioners' names, where their verbs are looked for.
    static let practitionerHeads: Set<String> = Set(practitioners.compactMap { $0.split(separator: " ").last.map(String.init) })
        .union(["physio", "physios", "therapists", "physiotherapists", "chiropractors", "doctors", "coaches", "trainers", "pt"])

    /// Stems of verbs by which a practitioner says or advises something, as a token stems them.
    static let practitionerVerbs: Set<String> = [
        "say", "said", "tell", "told", "recommend", "suggest", "advis", "explain", "believ", "note", "warn", "prescrib",
        "gave", "give", "had", "has", "show", "want", "insist", "think", "thought", "found", "agre", "confirm", "diagnos",
        "ask", "put", "taught", "teach", "stress", "emphas", "point", "prefer", "swear", "swore", "use", "call", "reveal", "share",
    ]

    /// Whether a practitioner named in `s` is given words or advice: a colon right after the
    /// name (a speaker's label, "Sports doctor: …"), one of `practitionerVerbs` within four words
    /// after it (in the same clause), or "according to", "by" or "from" just before it.
    func practitionerSpeaks(_ s: AnalyzedSentence) -> Bool {
        let t = s.tokens
        for (i, token) in t.enumerated() where Self.practitionerHeads.contains(token.norm) {
            if s.bytes[token.end..<(i + 1 < t.count ? t[i + 1].start : s.bytes.endIndex)].first == UInt8(ascii: ":") { return true }
            if ((i + 1)..<min(t.count, i + 5)).contains(where: { Self.practitionerVerbs.contains(t[$0].stem) && !s.clauseBreak(between: i, and: $0) }) {
                return true
            }
            let before = (max(0, i - 4)..<i).map { t[$0].norm }
            if before.contains("according") || before.suffix(3).contains(where: { ["by", "from"].contains($0) }) { return true }
        }
        return false
    }
}
