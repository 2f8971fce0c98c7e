import Foundation
import Testing
@testable import KneeBase

/// The site's per-source terms kept in the build cache: their byte form round-trips,
/// damaged bytes or files are refused without a crash, and the search terms made from
/// them are the ones tokenizing the document gives.
@Suite struct SourceTermsTests {
    static func terms() throws -> (Document, SourceTerms, MentionFinder) {
        var diagnostics: [Diagnostic] = []
        let lexicon = LexiconLoader.load(Repo.content.appendingPathComponent("lexicon"), diagnostics: &diagnostics)
        let finder = MentionFinder(lexicon: lexicon)
        let text = "# Runner's knee\n\nRunner's knee hurts on stairs. Squats may help.\n\n## Treatment\n\nStrengthen the hips; foam rolling the IT band won't fix it.\n"
        let d = try Ingest.text(text, format: .markdown).requireDocument()
        return (d, SourceTerms(d, title: "Runner's knee", tokenizer: Tokenizer(stemmer: Stemmer()), finder: finder), finder)
    }

    @Test func termsRoundTripThroughTheirByteForm() throws {
        let (d, t, _) = try Self.terms()
        #expect(t.mentions.count == d.sentences.count)
        #expect(t.mentions.contains { !$0.isEmpty }, "the lexicon's entities are found")
        #expect(t.stems.contains("squat") && !t.stems.contains("the"), "stems are kept, stop words are not")
        #expect(SourceTerms(bytes: t.bytes()[...]) == t)
    }

    @Test func oneAnalysisPassGivesTheSameTermsAndSentenceAnalysis() throws {
        let (d, t, finder) = try Self.terms()
        let analyzer = SentenceAnalyzer(tokenizer: Tokenizer(stemmer: Stemmer()), finder: finder)
        let both = analyzer.analyze(d, title: "Runner's knee", siteFinder: nil)
        #expect(both.site == t, "the terms counted along with the sentence analysis are the ones SourceTerms counts alone")
        #expect(both.sentences == analyzer.analyze(d))
        // Another finder of the same lexicon finds the same mentions; one that knows nothing finds none.
        let same = analyzer.analyze(d, title: "Runner's knee", siteFinder: MentionFinder(lexicon: try Self.lexicon()))
        #expect(same.site == t)
        let none = analyzer.analyze(d, title: "Runner's knee", siteFinder: MentionFinder(lexicon: Lexicon(entities: [])))
        #expect(none.site.mentions.allSatisfy(\.isEmpty) && none.site.stems == t.stems && none.site.weights == t.weights)
    }

    @Test func findersCompareByWhatTheyName() throws {
        let lexicon = try Self.lexicon()
        #expect(MentionFinder(lexicon: lexicon).findsSame(as: MentionFinder(lexicon: lexicon)))
        #expect(!MentionFinder(lexicon: lexicon).findsSame(as: MentionFinder(lexicon: Lexicon(entities: []))))
        let extra = Entity(id: "zz-test-extra", kind: .treatment, name: "purple widget drill")
        #expect(!MentionFinder(lexicon: lexicon).findsSame(as: MentionFinder(lexicon: lexicon, extra: [extra])))
    }

    private static func lexicon() throws -> Lexicon {
        var diagnostics: [Diagnostic] = []
        return LexiconLoader.load(Repo.content.appendingPathComponent("lexicon"), diagnostics: &diagnostics)
    }

    @Test func searchTermsWeighTitleHeadingsAndMentions() throws {
        let (d, t, finder) = try Self.terms()
        var numbers: [String: Int] = [:]
        for m in t.mentions.joined() where numbers[m.entity] == nil { numbers[m.entity] = numbers.count }
        let terms = t.searchTerms(d, entityNumber: numbers)
        let tokenizer = Tokenizer(stemmer: Stemmer())
        var expected = SearchIndexWriter.Terms()
        expected.add(tokenizer.tokens("Runner's knee"), weight: 3)
        for s in d.sentences {
            let tokens = tokenizer.tokens(s.text)
            let weight: Float = d.blocks[s.block].kind == .heading ? 1.5 : 1
            expected.add(tokens, weight: weight)
            for m in finder.mentions(in: tokens) { if let n = numbers[m.entity] { expected.addEntity(n, weight: weight) } }
        }
        #expect(terms.weights == expected.weights)
        #expect(terms.length == expected.length)
    }

    @Test func damagedTermsAreRefusedWithoutCrashing() throws {
        let bytes = try Self.terms().1.bytes()
        for cut in [0, 1, bytes.count / 2, bytes.count - 1] { #expect(SourceTerms(bytes: bytes.prefix(cut)) == nil) }
        #expect(SourceTerms(bytes: (bytes + [0])[...]) == nil)
        for step in [3, 5, 7] {
            var flipped = bytes
            for i in stride(from: step, to: flipped.count, by: step) { flipped[i] ^= 0xA5 }
            if let odd = SourceTerms(bytes: flipped[...]) { #expect(odd.weights.count == odd.stems.count) }
        }
        try withTemporaryDirectory { dir in
            let cache = BuildCache(folder: dir)
            let t = try Self.terms().1
            DocumentRecords.siteTerms.store(t, key: "k1", in: cache)
            #expect(DocumentRecords.siteTerms.load("k1", in: cache) == t)
            #expect(DocumentRecords.siteTerms.load("k2", in: cache) == nil)
            let file = dir.appendingPathComponent("site-terms").appendingPathComponent(DocumentRecords.siteTerms.fileName("k1"))
            var stored = [UInt8](try Data(contentsOf: file))
            stored[stored.count - 2] ^= 0xFF
            try Data(stored).write(to: file)
            #expect(DocumentRecords.siteTerms.load("k1", in: cache) == nil, "a file whose bytes do not match their hash is refused")
        }
    }
}
