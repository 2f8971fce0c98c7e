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
        #expect(lowered.containsWord(ClaimExtractor.personalWords) == text.lowercased().containsWord(in: Set(words), joinedBy: ["’", "'"]), "\(text)")
    }

    @Test("professions are found as words of their own, a plural allowed, never inside a longer word")
    func professionsAreWords() {
        let needles = LoweredText.Needles(Cues.professions)
        func found(_ text: String) -> String? { LoweredText(text).firstContained(needles).map { Cues.professions[$0] } }
        #expect(found("Our coaches agree on this") == "coach")
        #expect(found("A recent study found less pain") == "study")
        #expect(found("Doctors recommend rest.") == "doctor")
        #expect(found("Energy coaching helps the knee.") == nil, "coaching is no coach")
        #expect(found("Keep studying the problem.") == nil, "studying is no study")
        #expect(found("He is a doctoral student.") == nil)
        #expect(found("Ask a physical therapist, then rest.") == "physical therapist")
        // Text with other characters is searched the same way: only ASCII letters join a word.
        #expect(found("A coach’s view: it’s fine") == "coach")
        #expect(found("Energy coaching — it’s great") == nil)
        #expect(found("STUDYING the Kelvin \u{212A}nee") == nil)
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

    @Test("the stemmer's cache answers as a fresh stemmer, also when every word's hash collides")
    func stemmerCache() {
        let words = ["knee", "knees", "running", "runner", "dont", "strengthening", "caf\u{e9}", "cafe\u{301}", "\u{e4}rztin", ""]
        let cached = Stemmer()
        for hash: UInt64 in [0, 1 << 63] {
            for word in words + words {
                var bytes = word
                let found = bytes.withUTF8 { cached.word(in: $0, hash: hash) }
                let fresh = Stemmer().word(word)
                #expect(found.word.stem == fresh.stem && found.word.key == fresh.key && found.word.marks == fresh.marks, "\(word)")
                // Spellings that `String` finds equal keep their own bytes.
                #expect(Array(found.norm.utf8) == Array(word.utf8), "\(word)")
            }
        }
        #expect(cached.stem("strengthening") == "strengthen" && cached.stem("knees") == "knee")
    }

    @Test("the stemmer's cache keeps its answers as it grows and when it starts over")
    func stemmerCacheGrowth() {
        let stemmer = Stemmer()
        let words = (0..<(StemCache.limit + 10)).map { "w\($0)ing" }
        for word in words { _ = stemmer.word(word) }
        for word in words.prefix(20) + words.suffix(20) {
            #expect(stemmer.word(word).stem == Stemmer().stem(word), "\(word)")
        }
    }

    @Test("stem keys are equal for stems that compare equal, and tell ASCII stems apart")
    func stemKeys() {
        #expect(StemKey.of("caf\u{e9}") == StemKey.of("cafe\u{301}"))
        #expect(StemKey.of("knee") != StemKey.of("kne") && StemKey.of("knee") == StemKey.of("knee"))
        let tokens = Tokenizer(stemmer: Stemmer()).tokens("Runners' knees")
        #expect(tokens.map(\.stemKey) == tokens.map { StemKey.of($0.stem) })
        #expect(tokens.map(\.marks) == tokens.map { WordMarks.of(norm: $0.norm, stem: $0.stem) })
    }

    @Test("merging keeps one claim per key, each evidence site once, evidence and claims in order")
    func merge() {
        func claim(_ subject: String, _ relation: Relation, _ object: String, _ source: String, _ sentence: Int) -> Claim {
            let evidence = Evidence(source: source, sentence: sentence, text: "s\(sentence)", line: sentence + 1, column: 1, start: sentence * 10,
                                    end: sentence * 10 + 5, headingPath: [], polarity: .asserted, certainty: .plain, attribution: nil, rule: "test")
            return Claim(subject: subject, relation: relation, object: object, evidence: [evidence])
        }
        let first = DocumentClaims(claims: [claim("pfps", .treatment, "ice", "b.md", 3), claim("pfps", .treatment, "ice", "b.md", 3),
                                            claim("pfps", .cause, "weak-hips", "b.md", 1), claim("a|treatment|b", .cause, "c", "b.md", 2)],
                                   discovered: [Entity(id: "zz-new", kind: .cause, name: "zz new", discovered: true)])
        let second = DocumentClaims(claims: [claim("pfps", .treatment, "ice", "a.md", 7), claim("a", .treatment, "b|cause|c", "a.md", 0)],
                                    discovered: [Entity(id: "aa-new", kind: .treatment, name: "aa new", discovered: true)])
        let lexicon = Lexicon(entities: [Entity(id: "ice", kind: .treatment, name: "ice"), Entity(id: "pfps", kind: .condition, name: "PFPS")])
        let graph = GraphBuilder.merge(documents: [], perDocument: [first, second], lexicon: lexicon)
        #expect(graph.claims.map { "\($0.subject) \($0.relation.rawValue) \($0.object)" }
                == ["a|treatment|b cause c", "pfps cause weak-hips", "pfps treatment ice"])
        // Keys as `Claim.key` writes them: the two claims with "|" in their ids share one, so they are one claim.
        #expect(graph.claims[0].evidence.map(\.source) == ["a.md", "b.md"])
        #expect(graph.claims[2].evidence.map { "\($0.source):\($0.sentence)" } == ["a.md:7", "b.md:3"])
        #expect(graph.entities.map(\.id) == ["aa-new", "ice", "pfps", "zz-new"])
    }
}
