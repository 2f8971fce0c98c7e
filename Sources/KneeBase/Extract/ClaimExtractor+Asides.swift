/// Mentions a sentence makes without claiming them: another name for the condition, a symptom
/// said to be nearly absent, a remedy to ask about before taking, signs that point elsewhere or
/// to seeking help; and headings that set aside what follows.
extension ClaimExtractor {
    /// Heading stems that set aside what follows: "What I'd skip", "A waste of money".
    static let discardHeadings: Set<String> = ["skip", "wast"]

    /// Heading stems besides `Cues.seekHelp` that, with "when" or "if", ask when to get help:
    /// "When should I seek further advice?", "When to see a doctor".
    static let helpHeadings: Set<String> = ["advic", "doctor", "gp", "urgent", "emerg", "medic"]

    /// Whether a heading's stems ask when to seek help: what follows are warning signs, not symptoms.
    static func asksForHelp(_ stems: Set<String>) -> Bool {
        // "When to see a doctor", "When to get help".
        !stems.isDisjoint(with: ["when", "if"]) && (!stems.isDisjoint(with: Cues.seekHelp.union(helpHeadings)) || stems.isSuperset(of: ["get", "help"]))
    }

    /// Whether a heading's stems set aside what follows ("What I'd skip"), not negated
    /// ("Why you shouldn't skip strength work").
    static func discards(_ stems: Set<String>) -> Bool {
        !stems.isDisjoint(with: discardHeadings) && stems.isDisjoint(with: Cues.negation)
    }

    /// Words before "called" / "known as" that refer to what the sentence speaks of.
    static let namingReferents: Set<String> = ["it", "this", "which", "also", "sometimes", "often", "commonly", "usually"]

    /// Whether the mention at `first` is another name of what the sentence speaks of: "it is
    /// often called knock knees", "this is also known as jumper's knee" (not "a treatment called
    /// shockwave therapy", which names a new thing).
    func isNaming(_ first: Int, _ s: AnalyzedSentence) -> Bool {
        var k = first - 1
        if k >= 1, s.tokens[k].norm == "as", ["known", "referred"].contains(s.tokens[k - 1].norm) { k -= 1 }
        else if k >= 2, s.tokens[k].norm == "as", s.tokens[k - 1].norm == "to", s.tokens[k - 2].norm == "referred" { k -= 2 }
        guard k >= 0, ["called", "known", "referred", "termed", "nicknamed", "dubbed"].contains(s.tokens[k].norm) else { return false }
        return (max(0, k - 4)..<k).contains { Self.namingReferents.contains(s.tokens[$0].norm) && !s.clauseBreak(between: $0, and: k) }
    }

    /// Whether the symptom at `first` is said to be nearly absent: "there is very little
    /// inflammation", "hardly any swelling" (not "a little swelling").
    func isMinimised(_ first: Int, _ s: AnalyzedSentence) -> Bool {
        guard first >= 1 else { return false }
        let before = s.tokens[first - 1].norm
        if before == "little" { return first < 2 || s.tokens[first - 2].norm != "a" }
        return first >= 2 && ["hardly", "barely", "scarcely"].contains(s.tokens[first - 2].norm) && before == "any"
    }

    /// Stems of verbs of asking someone before a remedy: "speak to your GP before taking …".
    static let askingFirst: Set<String> = ["speak", "talk", "ask", "check", "consult", "contact"]

    /// Whether the treatment at `first` is something to ask about first: "speak to your GP
    /// before taking anti-inflammatory medicines such as ibuprofen".
    /// (Not "begin with hip strength before adding an insole", which orders two remedies.)
    func isAskedAboutFirst(_ first: Int, _ s: AnalyzedSentence) -> Bool {
        (max(0, first - 8)..<first).contains { k in
            s.tokens[k].norm == "before" && k + 1 < s.tokens.count && s.tokens[k + 1].norm.hasSuffix("ing")
                && !s.clauseBreak(between: k, and: first) && (0..<k).contains { Self.askingFirst.contains(s.tokens[$0].stem) }
        }
    }

    /// Whether the sentence says that signs in its opening "if" clause point to something
    /// other than the condition: "If your knee is swollen or locks, that points to something
    /// else", "… something other than a tendon problem".
    func pointsElsewhere(_ s: AnalyzedSentence) -> Bool {
        guard s.tokens.first?.norm == "if" else { return false }
        return s.tokens.indices.contains { k in
            k > 0 && ["other", "else", "different", "another"].contains(s.tokens[k].norm) && s.clauseBreak(between: 0, and: k)
        }
    }

    /// Whether the sentence tells what a person writes about or specialises in ("She writes
    /// about tendon rehab and running injuries"): an author's or clinician's profile, no advice.
    func describesWork(_ s: AnalyzedSentence) -> Bool {
        s.tokens.indices.dropLast().contains { k in
            let norm = s.tokens[k].norm, next = s.tokens[k + 1].norm
            // The next word is checked first: it is rarely "about" or "in", and a comparison costs less than a prefix test.
            if next == "about" { return norm == "writes" || norm == "wrote" || norm == "blogs" }
            return next == "in" && (norm.hasPrefix("specialis") || norm.hasPrefix("specializ"))
        }
    }

    /// Whether the mention `m` alone fills a bracket opened just before it: "insoles (orthotics)".
    func glosses(_ m: Mention, _ s: AnalyzedSentence) -> Bool {
        guard m.first > 0 else { return false }
        let before = s.bytes[s.tokens[m.first - 1].end..<s.tokens[m.first].start]
        let afterEnd = m.last + 1 < s.tokens.count ? s.tokens[m.last + 1].start : s.bytes.count
        return before.contains(UInt8(ascii: "(")) && s.bytes[s.tokens[m.last].end..<afterEnd].contains(UInt8(ascii: ")"))
    }

    /// Stems that, before "whether", make what follows an open question: "plans to test whether …".
    static let openQuestionVerbs: Set<String> = ["test", "studi", "see", "know", "unclear", "unknown", "investig", "examin", "explor", "determin", "ask", "uncertain"]

    /// Whether the mention at `first` sits in an open question: "plans to test whether a
    /// programme can reduce valgus and knee injuries", "it is unclear whether taping helps".
    func isOpenQuestion(_ first: Int, _ s: AnalyzedSentence) -> Bool {
        (0..<first).contains { k in
            s.tokens[k].norm == "whether" && (max(0, k - 3)..<k).contains { Self.openQuestionVerbs.contains(s.tokens[$0].stem) }
        }
    }
}
