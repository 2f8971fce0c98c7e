/// Turns of phrase and page furniture of web copy that name things without claiming them:
/// "Disclosure: …" lines, signs in an "if" clause that sends the reader for help, a symptom
/// said to be atypical, a remedy that is "not enough on its own", and a negated stopping.
extension ClaimExtractor {
    /// Labels, as words, that open a line of page furniture: "Disclosure:", "Pros:", "You might also like:".
    static let furnitureLabels: [[String]] = [
        ["disclosure"], ["affiliate", "disclosure"], ["disclaimer"], ["medical", "disclaimer"], ["pros"], ["cons"],
        ["related"], ["related", "articles"], ["related", "posts"], ["related", "reading"], ["read", "more"], ["see", "also"],
        ["also", "read"], ["you", "might", "also", "like"], ["you", "may", "also", "like"], ["advertisement"], ["sponsored"],
        ["page", "last", "reviewed"], ["last", "reviewed"], ["next", "review", "due"], ["last", "updated"],
        // "Myth: 'My IT band is too tight.'": what follows is what the page refutes.
        ["myth"], ["common", "myth"],
    ]

    /// Verbs that, with a `helpObjects` word just after, send the reader for help: "book an assessment", "go and see someone".
    static let helpVerbs: Set<String> = Cues.seekHelp.union(["book", "get", "go", "visit"])
    /// Stems of who or what the reader is sent to: "see a physiotherapist", "get it checked".
    static let helpObjects: Set<String> = ["someon", "someone", "doctor", "gp", "physio", "physiotherapist", "therapist", "assess",
                                           "appoint", "profession", "specialist", "surgeon", "check", "examin", "help", "advic", "advice",
                                           "medic", "urgent", "emerg"]
    /// Forms of "come", for "(it tends to) come (straight) back".
    static let comeForms: Set<String> = ["come", "comes", "came", "coming"]

    /// Whether the sentence opens with a furniture label and a colon ("Medical disclaimer: …").
    func opensWithFurnitureLabel(_ s: AnalyzedSentence) -> Bool {
        guard let colon = s.bytes.firstIndex(of: UInt8(ascii: ":")) else { return false }
        let count = s.tokens.prefix { $0.end <= colon }.count
        guard (1...4).contains(count), s.tokens.count > count else { return false }
        return Self.furnitureLabels.contains { label in
            label.count == count && label.indices.allSatisfy { label[$0] == s.tokens[$0].norm }
        }
    }

    /// Whether the symptom at `first` sits after an "if" in a sentence that sends the reader for
    /// help: "Book an assessment if … your knee locks or gives way", "If your knee is swelling or
    /// gives way, go and see someone in person". Those are warning signs, not the condition's symptoms.
    func isWarningSign(_ first: Int, _ s: AnalyzedSentence) -> Bool {
        guard (0..<first).contains(where: { s.tokens[$0].norm == "if" }) else { return false }
        let n = s.tokens.count
        return s.tokens.indices.contains { k in
            // "see a physio", "book in with a physio".
            Self.helpVerbs.contains(s.tokens[k].stem) && ((k + 1)..<min(n, k + 5)).contains { Self.helpObjects.contains(s.tokens[$0].stem) }
        }
    }

    /// Whether the symptom ending at `last` is said not to be typical: "Swelling is not typical",
    /// "isn't common".
    func isSaidAtypical(_ last: Int, _ s: AnalyzedSentence) -> Bool {
        let n = s.tokens.count
        guard last + 2 < n else { return false }
        // "Swelling of the whole knee, locking or giving way are not typical": the verdict after a
        // list of signs is said of each; another verb before it ("pain is common, swelling is not
        // typical") ends the symptom's clause first.
        for k in (last + 1)..<min(n - 1, last + 13) {
            let norm = s.tokens[k].norm
            if Self.atypicalNegations.contains(norm) { return Self.typicalWords.contains(s.tokens[k + 1].norm) }
            if Self.copulas.contains(norm), !Self.atypicalNegations.contains(s.tokens[k + 1].norm) { return false }
        }
        return false
    }

    static let atypicalNegations: Set<String> = ["not", "isnt", "arent"]
    static let typicalWords: Set<String> = ["typical", "common", "usual"]
    static let copulas: Set<String> = ["is", "are", "was", "were"]

    static let wasteForms: Set<String> = ["wasted", "waste", "wasting"]
    static let spentThings: Set<String> = ["time", "money", "hours", "days", "weeks", "months", "years", "week", "month", "year", "fortune", "cash"]

    /// Whether the token at `i` says effort was wasted: "I wasted two months foam rolling", "a waste
    /// of money" — a remedy that failed. Not "the muscles had wasted" (no time or money follows).
    func wastesEffort(at i: Int, _ s: AnalyzedSentence) -> Bool {
        guard s.tokens[i].norm.utf8.first == UInt8(ascii: "w"), Self.wasteForms.contains(s.tokens[i].norm) else { return false }
        return (i + 1..<min(s.tokens.count, i + 4)).contains { Self.spentThings.contains(s.tokens[$0].norm) }
    }

    /// Whether a "Label:" is the writer speaking ("We use a simple rule", "My reading").
    func isSpokenLabel(_ words: [Substring]) -> Bool {
        words.contains { Cues.personal.contains($0.lowercased()) }
    }

    /// Whether the verdict after the negation at `k` is limited to the remedy alone: "it won't
    /// fix the problem on its own", "doesn't work by itself" — a part of the treatment, not rejected.
    func saysNotEnoughAlone(after k: Int, _ s: AnalyzedSentence) -> Bool {
        let n = s.tokens.count
        return ((k + 1)..<min(n, k + 8)).contains { j in
            let t = s.tokens[j].norm
            if t == "alone" { return true }
            guard j + 1 < n else { return false }
            let next = s.tokens[j + 1].norm
            return (t == "on" && j + 2 < n && ["its", "their", "your"].contains(next) && s.tokens[j + 2].norm == "own")
                || (t == "by" && ["itself", "themselves"].contains(next))
        }
    }

    /// Whether a heading negates a stopping ("Back off, but don't stop"): it recommends going on,
    /// it sets nothing aside.
    static func negatesStopping(_ tokens: [Token]) -> Bool {
        tokens.indices.dropLast().contains { i in
            ["dont", "not", "never"].contains(tokens[i].norm) && ["stop", "quit"].contains(tokens[i + 1].norm)
        }
    }

    /// Whether "back" at `i` ends "come (straight) back" after a "but": "… can settle the pain,
    /// but it tends to come straight back" says the relief does not last.
    func returnsAfterContrast(_ i: Int, _ s: AnalyzedSentence) -> Bool {
        let comes = Self.comeForms
        let opens = (i >= 1 && comes.contains(s.tokens[i - 1].norm)) || (i >= 2 && comes.contains(s.tokens[i - 2].norm) && s.tokens[i - 1].norm == "straight")
        return opens && (0..<i).contains { s.tokens[$0].norm == "but" }
    }

    /// Whether the negated verb after a remedy is answered by what it does do: "A compression
    /// sleeve won't hold anything in place, but it keeps the joint warm" — a limit, no verdict.
    func answeredByContrast(after negation: Int, _ s: AnalyzedSentence) -> Bool {
        let n = s.tokens.count
        guard let but = ((negation + 1)..<min(n, negation + 10)).first(where: { s.tokens[$0].norm == "but" }),
              but + 2 < n, ["it", "they"].contains(s.tokens[but + 1].norm) else { return false }
        // "… but it won't fix the cause": the contrast is itself negated.
        return !((but + 2)..<min(n, but + 5)).contains { Cues.negation.contains(s.tokens[$0].norm) }
    }
}

extension ClaimExtractor {
    /// Whether a heading offers self-care: "Things you can do yourself", "What you can do
    /// yourself", or a bare "Do" heading over a list (beside its "Don't" list).
    static func asksSelfCare(_ tokens: [Token]) -> Bool {
        if tokens.count == 1 { return tokens[0].norm == "do" }
        return tokens.contains { $0.norm == "do" } && tokens.contains { $0.norm == "yourself" }
            && !tokens.contains { ["not", "dont", "never"].contains($0.norm) }
    }
}

extension ClaimExtractor {
    /// Forms of "make", "leave" and "let" that, right after a remedy, open what it does to the body.
    static let makeForms: Set<String> = ["make", "makes", "made", "making", "leave", "leaves", "left", "let", "lets"]
    /// What a remedy should not leave behind: "makes the muscles weaker", "leaves the knee stiffer".
    static let weakerWords: Set<String> = ["weaker", "stiffer", "weak", "stiff", "deconditioned", "weaken", "weakens"]

    /// Whether the remedy ending at `last` is said to weaken: "Complete rest makes the thigh
    /// muscles weaker", "rest leaves the knee stiffer".
    func weakensAfter(_ last: Int, _ s: AnalyzedSentence) -> Bool {
        let n = s.tokens.count
        guard last + 2 < n, Self.makeForms.contains(s.tokens[last + 1].norm) else { return false }
        // "… makes the thigh muscles weaker", "… lets the muscles around the knee weaken".
        return ((last + 2)..<min(n, last + 8)).contains { Self.weakerWords.contains(s.tokens[$0].norm) }
    }
}
