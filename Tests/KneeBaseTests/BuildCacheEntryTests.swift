import Foundation
import Testing
@testable import KneeBase

/// The build cache's hand-written entry format: exact round trips, and damage read as a miss.
@Suite struct BuildCacheEntryTests {
    /// An entry using every field: metadata with extras, excluded blocks, diagnostics, claims and discovered entities.
    static func entry() throws -> BuildCache.Entry {
        let ingested = Ingest.text("# Title\n\n## Care\n\nRunner's knee hurts. Rest helps.\n\nIce helps too.\n", format: .markdown)
        var document = try ingested.requireDocument()
        document.metadata = SourceMetadata(title: "t", author: nil, date: "2024", url: "https://example.org/x", extra: ["b": "2", "a": "1"])
        document.excluded = [ExcludedBlock(reason: .duplicate, text: "Rest helps.", range: .line(9), firstLine: 5),
                             ExcludedBlock(reason: .boilerplate, text: "© 2024", range: .line(11))]
        let extracted = GraphBuilder.extract(document, extractor: GraphBuilder.extractor(for: ExtractionFixture.lexicon))
        let sentence = document.sentences[1]
        func evidence(_ attribution: String?, _ polarity: Polarity) -> Evidence {
            Evidence(source: document.source, sentence: 1, text: sentence.text, line: sentence.range.line, column: sentence.range.column,
                     start: sentence.range.start, end: sentence.range.end, headingPath: document.headingPath(of: sentence),
                     polarity: polarity, certainty: .hedged, attribution: attribution, rule: "test-rule")
        }
        let claim = Claim(subject: "patellofemoral-pain-syndrome", relation: .treatment, object: "rest",
                          evidence: [evidence(nil, .asserted), evidence("author (personal experience)", .negated)])
        var extended = extracted
        extended.claims.append(claim)
        extended.discovered.append(Entity(id: "x-thing", kind: .cause, name: "x thing", aliases: ["xt"], parents: ["p"], subtype: "s", discovered: true))
        let diagnostic = Diagnostic(id: "ingest.test", severity: .warning, file: document.source, line: 3, column: -1, message: "m")
        return BuildCache.Entry(source: document.source, document: document, diagnostics: [diagnostic], lexicon: "abc", claims: extended)
    }

    static func same(_ a: BuildCache.Entry, _ b: BuildCache.Entry) -> Bool {
        a.source == b.source && a.document == b.document && a.diagnostics == b.diagnostics && a.lexicon == b.lexicon
            && a.claims?.claims == b.claims?.claims && a.claims?.discovered == b.claims?.discovered
    }

    @Test func roundTripsEveryField() throws {
        let entry = try Self.entry()
        let decoded = try #require(BuildCache.Entry(bytes: entry.bytes()[...]))
        #expect(Self.same(decoded, entry))
        let empty = BuildCache.Entry(source: "x.md", document: nil, diagnostics: [], lexicon: "", claims: nil)
        let decodedEmpty = try #require(BuildCache.Entry(bytes: empty.bytes()[...]))
        #expect(Self.same(decodedEmpty, empty))
    }

    @Test func keepsTheExactBytesOfEquivalentStrings() throws {
        var entry = try Self.entry()
        // "é" composed and decomposed are equal as Strings: each must come back as written.
        let composed = "caf\u{E9}", decomposed = "cafe\u{301}"
        entry.document?.blocks[0].headingPath = [composed]
        entry.document?.blocks[1].headingPath = [decomposed]
        entry.diagnostics = [Diagnostic(id: composed, severity: .note, file: decomposed, message: composed)]
        let decoded = try #require(BuildCache.Entry(bytes: entry.bytes()[...]))
        #expect(Array(decoded.document!.blocks[0].headingPath[0].utf8) == Array(composed.utf8))
        #expect(Array(decoded.document!.blocks[1].headingPath[0].utf8) == Array(decomposed.utf8))
        #expect(Array(decoded.diagnostics[0].file.utf8) == Array(decomposed.utf8))
        #expect(Array(decoded.diagnostics[0].id.utf8) == Array(composed.utf8))
    }

    @Test func damagedBytesAreRefused() throws {
        let bytes = try Self.entry().bytes()
        for cut in [0, 1, 7, 8, bytes.count / 3, bytes.count - 1] {
            #expect(BuildCache.Entry(bytes: bytes.prefix(cut)) == nil, "cut at \(cut)")
        }
        #expect(BuildCache.Entry(bytes: (bytes + [0])[...]) == nil)
        // Any one byte changed, in the checksum or the body, fails the checksum.
        for i in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 50)) {
            var flipped = bytes
            flipped[i] ^= 0x5A
            #expect(BuildCache.Entry(bytes: flipped[...]) == nil, "byte \(i) changed")
        }
    }
}
