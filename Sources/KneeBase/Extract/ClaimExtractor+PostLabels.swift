/// The furniture of threads and posts, and labels that name nothing: a post's header line
/// ("Mo Adeyemi @mo_moves_physio · 9 Apr", "u/quadzilla · Flair: …") is no section title; a
/// "Label: …" that asks ("When to see someone:", "First, what it looks like:"), names an account
/// ("Reply from @sam:"), abbreviates ("TL;DR:") or sets aside ("Also skip:") names no remedy;
/// and a practitioner who "said" something is the speaker, not physiotherapy.
extension ClaimExtractor {
    /// Words that ask: a label holding one introduces an answer, it names no thing.
    static let askingWords: Set<String> = ["what", "when", "why", "how", "where", "who", "which"]
    /// First words of labels that introduce a reply or a change to a post.
    static let postLabels: Set<String> = ["reply", "replies", "edit", "edited", "update", "counterpoint", "op", "re"]
    /// Stems of labels that set what follows aside ("Also skip:", "Avoid:").
    static let settingAside: Set<String> = ["skip", "avoid", "ditch", "forget"]
    /// Stems of verbs by which a practitioner is reported speaking: "the physio said …" (not
    /// "recommended", whose practitioner is part of the advice: "my physio recommended clamshells").
    static let speakingVerbs: Set<String> = ["say", "said", "tell", "told", "explain", "think", "thought", "warn", "insist"]

    /// Whether a heading is a post's header: it names an account ("@name", "u/name").
    static func isPostHeader(_ heading: String) -> Bool {
        heading.split(separator: " ").contains { w in
            (w.hasPrefix("@") && w.count > 1 && w.dropFirst().first!.isLetter) || (w.hasPrefix("u/") && w.count > 2)
        }
    }

    /// Whether a sentence-opening label (the words before its colon) names no thing: it asks,
    /// names an account, introduces a reply or an edit, abbreviates with a semicolon or sets
    /// what follows aside.
    static func labelNamesNothing(_ words: [Substring]) -> Bool {
        let lowered = words.map { $0.lowercased().trimmingCharacters(in: .punctuationCharacters) }
        return lowered.contains { askingWords.contains($0) || settingAside.contains($0) }
            || words.contains { $0.contains("@") || $0.contains(";") || $0.hasPrefix("u/") }
            || lowered.first.map { postLabels.contains($0) } == true
    }

    /// Whether the sentence opens with a label asking when to seek help ("When to see someone: …"):
    /// the signs after it are warning signs, not the condition's symptoms.
    func labelAsksForHelp(_ s: AnalyzedSentence) -> Bool {
        guard let colon = s.bytes.firstIndex(of: UInt8(ascii: ":")) else { return false }
        let label = s.tokens.prefix { $0.end <= colon }
        guard (2...6).contains(label.count), label.count < s.tokens.count else { return false }
        return Self.asksForHelp(Set(label.map(\.stem)))
    }

    /// Whether the treatment mention `m` is a practitioner reported speaking: "the physio said she
    /// doesn't recommend it" names the speaker, not physiotherapy.
    func isSpeakingPractitioner(_ m: Mention, _ s: AnalyzedSentence) -> Bool {
        guard m.first == m.last, Self.practitionerHeads.contains(s.tokens[m.last].norm) else { return false }
        return ((m.last + 1)..<min(s.tokens.count, m.last + 3)).contains { Self.speakingVerbs.contains(s.tokens[$0].stem) }
    }

    /// The question that opens the paragraph of `s` when `s` is a later sentence of it:
    /// "Why does it happen?" before "The usual suspects:".
    func openingQuestion(of s: AnalyzedSentence, _ analyzed: [AnalyzedSentence]) -> String? {
        var k = s.index
        while k > 0, analyzed[k - 1].sentence.block == s.sentence.block { k -= 1 }
        guard k < s.index, analyzed[k].sentence.text.hasSuffix("?") else { return nil }
        return analyzed[k].sentence.text
    }

    /// Whether the sentence opens with a short label that sets what follows aside: "Also skip: …",
    /// "Avoid: …" (not "Don't skip: …").
    func opensWithAsideLabel(_ s: AnalyzedSentence) -> Bool {
        guard let colon = s.bytes.firstIndex(of: UInt8(ascii: ":")) else { return false }
        let label = s.tokens.prefix { $0.end <= colon }
        guard (1...3).contains(label.count), label.count < s.tokens.count else { return false }
        return label.contains { Self.settingAside.contains($0.stem) } && !label.contains { ["not", "no", "never", "dont", "shouldnt", "wont"].contains($0.norm) }
    }
}
