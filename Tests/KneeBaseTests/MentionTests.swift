import Testing
@testable import KneeBase

@Suite("Mention finding")
struct MentionTests {
    @Test("aliases, plurals, possessives, curly apostrophes and hyphen variants meet", arguments: [
        ("Runner's knee hurts", "patellofemoral-pain-syndrome"),
        ("runners knee hurts", "patellofemoral-pain-syndrome"),
        ("Runner’s knee hurts", "patellofemoral-pain-syndrome"),
        ("I had PFPS for months", "patellofemoral-pain-syndrome"),
        ("Try clamshells daily", "clamshell"),
        ("Do the clam shell exercise", "clamshell"),
        ("The IT-Band is tight", "iliotibial-band"),
        ("Strengthen the VMO", "vastus-medialis"),
        ("Patellar chondromalacia develops", "chondromalacia-patellae"),
    ])
    func finds(_ text: String, _ expected: String) {
        #expect(ExtractionFixture.mentions(text).contains(expected))
    }

    @Test("longest match wins over the shorter alias inside it")
    func longestMatch() {
        #expect(ExtractionFixture.mentions("IT band syndrome flared up") == ["iliotibial-band-syndrome"])
    }

    @Test("never inside another word; capitalised abbreviations need capitals")
    func wordBoundaries() {
        #expect(ExtractionFixture.mentions("The nice packaging").isEmpty)         // "ice" inside "nice"
        #expect(ExtractionFixture.mentions("the vmo is a muscle").isEmpty)         // VMO written in capitals only
        #expect(ExtractionFixture.mentions("Then itb is irrelevant").isEmpty)
        #expect(ExtractionFixture.mentions("Then ITB is tight") == ["iliotibial-band"])
    }

    @Test("an abbreviation in capitals matches exactly, not as another's plural: ITBS is not ITB")
    func exactAbbreviations() {
        let lexicon = Lexicon(entities: [
            Entity(id: "iliotibial-band", kind: .anatomy, name: "iliotibial band", aliases: ["ITB"]),
            Entity(id: "iliotibial-band-syndrome", kind: .condition, name: "iliotibial band syndrome", aliases: ["ITBS"]),
        ])
        let finder = MentionFinder(lexicon: lexicon)
        let tokenizer = Tokenizer(stemmer: Stemmer())
        #expect(finder.mentions(in: tokenizer.tokens("My ITBS flared up")).map(\.entity) == ["iliotibial-band-syndrome"])
        #expect(finder.mentions(in: tokenizer.tokens("My ITB is tight")).map(\.entity) == ["iliotibial-band"])
    }

    @Test("two joined places stand for one: 'pain around or behind the kneecap' is the first place's name, else the second's")
    func joinedPlaces() {
        let lexicon = Lexicon(entities: [
            Entity(id: "pain-around-kneecap", kind: .symptom, name: "pain around the kneecap"),
            Entity(id: "pain-behind-kneecap", kind: .symptom, name: "pain behind the kneecap"),
            Entity(id: "kneecap", kind: .anatomy, name: "kneecap"),
        ])
        let finder = MentionFinder(lexicon: lexicon)
        let tokenizer = Tokenizer(stemmer: Stemmer())
        func ids(_ text: String) -> [String] { finder.mentions(in: tokenizer.tokens(text)).map(\.entity) }
        #expect(ids("a dull pain around or behind the kneecap") == ["pain-around-kneecap"])
        #expect(ids("pain behind or around the kneecap") == ["pain-behind-kneecap"])
        #expect(ids("pain above or behind the kneecap") == ["pain-behind-kneecap"])
        // Not places: the name stops where it did.
        #expect(ids("pain and swelling behind the kneecap") == ["kneecap"])
    }

    @Test("articles and possessives inside a name are skipped, not a name's first word")
    func determiners() {
        let lexicon = Lexicon(entities: [
            Entity(id: "hip-strengthening", kind: .treatment, name: "hip strengthening", aliases: ["strengthen the hips"]),
            Entity(id: "cut-mileage", kind: .treatment, name: "cutting back weekly mileage"),
            Entity(id: "a-skips", kind: .treatment, name: "A-skips"),
        ])
        let finder = MentionFinder(lexicon: lexicon)
        let tokenizer = Tokenizer(stemmer: Stemmer())
        func ids(_ text: String) -> [String] { finder.mentions(in: tokenizer.tokens(text)).map(\.entity) }
        #expect(ids("Strengthen your hips twice a week") == ["hip-strengthening"])
        #expect(ids("I was cutting back my weekly mileage") == ["cut-mileage"])
        #expect(ids("Do your A-skips") == ["a-skips"])
        #expect(ids("Skip the hills").isEmpty)
    }

    @Test("tokens keep byte positions in the sentence")
    func tokenPositions() {
        let text = "Runner’s knee: ice it."
        let tokens = Tokenizer(stemmer: Stemmer()).tokens(text)
        let bytes = Array(text.utf8)
        #expect(tokens.map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) } == ["Runner’s", "knee", "ice", "it"])
        #expect(tokens[0].norm == "runner")
    }
}
