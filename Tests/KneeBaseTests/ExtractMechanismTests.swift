import Testing
@testable import KneeBase

/// The extraction mechanism's shortcuts answer as the plain lookups they replace.
@Suite("Extraction mechanism")
struct ExtractMechanismTests {
    static let texts = [
        "My physio said so", "Dr. Li Yanyu said the Physical Therapist agreed", "I've had it for years", "i'm fine",
        "Mine is fine", "A coach’s view: I’ve tried it", "KELVIN \u{212A}NEE", "Ärzte, my Ärztin and I", "", "I",
        "runners' knees (my own) hurt", "me-too", "doctors and DOCTOR", "Studies show", "e\u{301}tude my",
    ]

    @Test("LoweredText searches as lowercased() with containsText and containsWord do", arguments: texts)
    func loweredText(_ text: String) {
        let lowered = LoweredText(text)
        for needle in Cues.professions + ["", "dr", "i", "knee", "ärzt"] {
            #expect(lowered.containsText(needle) == text.lowercased().containsText(needle), "\(needle) in \(text)")
        }
        let words = ["i", "my", "me", "i’ve", "i've", "i’m", "i'm"]
        #expect(lowered.containsWord(in: words, joinedBy: ["’", "'"])
                == text.lowercased().containsWord(in: Set(words), joinedBy: ["’", "'"]), "\(text)")
    }

    @Test("WordMarks gives each word the cue lists and composer roles that hold it")
    func wordMarks() {
        let words = Set(CueList.allCases.flatMap(\.words)).union(Composer.fillers).union(Composer.states)
            .union(Composer.patterns.flatMap(\.stems)).union(["knee", "zzz"])
        for word in words {
            let marks = WordMarks.of(Token(start: 0, end: 0, norm: word, stem: word, isUpper: false))
            for list in CueList.allCases { #expect((marks.cues & list.bit != 0) == list.words.contains(word), "\(word) \(list)") }
            for (i, p) in Composer.patterns.enumerated() { #expect((marks.composer & (1 << UInt16(i)) != 0) == p.stems.contains(word)) }
            #expect((marks.composer & WordMarks.filler != 0) == Composer.fillers.contains(word))
            #expect((marks.composer & WordMarks.state != 0) == Composer.states.contains(word))
        }
        // A case-folded form that differs from the stem adds its lists, not its composer roles.
        let dont = WordMarks.of(Token(start: 0, end: 0, norm: "dont", stem: "strengthen", isUpper: false))
        #expect(dont.cues & CueList.negation.bit != 0 && dont.cues & CueList.treatment.bit != 0)
    }

    @Test("a copied sentence keeps its parts when the copy is changed")
    func sentenceCopies() {
        let tokens = Tokenizer(stemmer: Stemmer()).tokens("Ice helps")
        let s = AnalyzedSentence(index: 0, sentence: Sentence(text: "Ice helps", range: SourceRange(line: 1, column: 1, endLine: 1, endColumn: 10, start: 0, end: 9), block: 0),
                                 tokens: tokens, mentions: [], bytes: Array("Ice helps".utf8), startsBlock: true)
        var copy = s
        copy.mentions = [Mention(entity: "ice", kind: .treatment, first: 0, last: 0, start: 0, end: 3)]
        copy.index = 4
        #expect(s.mentions.isEmpty && s.index == 0)
        #expect(copy.mentions.count == 1 && copy.index == 4 && copy.tokens == s.tokens)
        #expect(s.has(.treatment) && s.positions(.treatment) == [1])
    }
}
