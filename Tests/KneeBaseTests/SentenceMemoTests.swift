import Foundation
import Testing
@testable import KneeBase

/// The sentence analyses the search index keeps in the build cache: their byte form
/// round-trips, damaged bytes or files are refused (never trusted, never a crash), and a
/// refused file only costs analysing again — the output stays the clean build's.
@Suite(.serialized) struct SentenceMemoTests {
    static func analysis() throws -> SentenceAnalysis {
        var diagnostics: [Diagnostic] = []
        let lexicon = LexiconLoader.load(Repo.content.appendingPathComponent("lexicon"), diagnostics: &diagnostics)
        let analyzer = SentenceAnalyzer(tokenizer: Tokenizer(stemmer: Stemmer()), finder: MentionFinder(lexicon: lexicon))
        let text = "# Runner's knee\n\nRunner's knee hurts on stairs. Squats may help.\n\n## Treatment\n\nStrengthen the hips; foam rolling the IT band won't fix it.\n"
        return analyzer.analyze(try Ingest.text(text, format: .markdown).requireDocument())
    }

    @Test func analysesRoundTripThroughTheirByteForm() throws {
        let a = try Self.analysis()
        #expect(a.bodies.count == 5, "a sentence per heading and per sentence of text")
        #expect(a.headings.count >= 2)
        #expect(a.mentions.contains { !$0.isEmpty }, "the lexicon's entities are found")
        #expect(SentenceAnalysis(bytes: a.bytes()[...]) == a)
    }

    @Test func damagedBytesAreRefusedWithoutCrashing() throws {
        let bytes = try Self.analysis().bytes()
        for cut in [0, 1, bytes.count / 2, bytes.count - 1] {
            #expect(SentenceAnalysis(bytes: bytes.prefix(cut)) == nil)
        }
        #expect(SentenceAnalysis(bytes: (bytes + [0])[...]) == nil)
        for step in [3, 5, 7] {
            var flipped = bytes
            for i in stride(from: step, to: flipped.count, by: step) { flipped[i] ^= 0xA5 }
            // Either refused, or parallel arrays that line up (the build checks its sentence count).
            if let odd = SentenceAnalysis(bytes: flipped[...]) {
                #expect(odd.sentenceHeadings.allSatisfy { $0 < odd.headings.count })
                #expect(odd.mentions.count == odd.bodies.count)
            }
        }
    }

    @Test func storedAnalysesAreFoundOnlyByTheirKeyAndUndamaged() throws {
        try withTemporaryDirectory { dir in
            let cache = BuildCache(folder: dir)
            let a = try Self.analysis()
            DocumentRecords.sentences.store(a, key: "k1", in: cache)
            #expect(DocumentRecords.sentences.load("k1", in: cache) == a)
            #expect(DocumentRecords.sentences.load("k2", in: cache) == nil)
            let file = dir.appendingPathComponent("sentences").appendingPathComponent(DocumentRecords.sentences.fileName("k1"))
            var bytes = [UInt8](try Data(contentsOf: file))
            bytes[bytes.count - 3] ^= 0x01
            try Data(bytes).write(to: file)
            #expect(DocumentRecords.sentences.load("k1", in: cache) == nil, "a changed byte fails the hash")
            try Data(bytes.prefix(bytes.count / 2)).write(to: file)
            #expect(DocumentRecords.sentences.load("k1", in: cache) == nil)
            DocumentRecords.sentences.prune(cache, keeping: [])
            #expect(!FileManager.default.fileExists(atPath: file.path))
        }
    }

    @Test func damagedFilesOnlyCostAnalysingAgain() throws {
        try withTemporaryDirectory { dir in
            let content = try IncrementalBuildTests.makeContent(dir)
            try IncrementalBuildTests.expectSameAsClean(dir, content: content)
            let folder = BuildOptions.defaultCache(for: dir.appendingPathComponent("public")).appendingPathComponent("sentences")
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            #expect(names.count == 4, "one analysis per article")
            for name in names {
                let file = folder.appendingPathComponent(name)
                var bytes = [UInt8](try Data(contentsOf: file))
                for i in stride(from: 20, to: bytes.count, by: 11) { bytes[i] ^= 0x5A }
                try Data(bytes).write(to: file)
            }
            try content.write(IncrementalBuildTests.article("Knee pain", "Runner's knee hurts on stairs. Squats may help."), to: "articles/a.md")
            try IncrementalBuildTests.expectSameAsClean(dir, content: content)
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).count == 4, "the edited article's old analysis is pruned")
        }
    }
}
