import Foundation
import Testing
@testable import KneeBase

@Suite("Evidence on the real corpus")
struct EvidenceTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("every evidence sentence is found in its source at its line and column")
    func verbatim() throws {
        let options = BuildOptions(content: Self.root.appendingPathComponent("content"), output: URL(fileURLWithPath: "/dev/null"))
        var diagnostics: [Diagnostic] = []
        let documents = try Builder.ingest(options, diagnostics: &diagnostics)
        let lexicon = LexiconLoader.load(options.content.appendingPathComponent("lexicon"), diagnostics: &diagnostics)
        let graph = GraphBuilder.build(documents: documents, lexicon: lexicon)
        #expect(graph.claims.count > 100)
        let sources = Dictionary(uniqueKeysWithValues: documents.map { ($0.source, $0) })
        var checked = 0
        for claim in graph.claims {
            for ev in claim.evidence {
                let doc = try #require(sources[ev.source])
                let file = try Data(contentsOf: URL(fileURLWithPath: doc.source, relativeTo: Self.root.appendingPathComponent("x")))
                let slice = String(decoding: file[ev.start..<ev.end], as: UTF8.self)
                // HTML sources may carry inline tags inside the sentence; compare their text.
                let text = doc.format == .html ? Self.stripTags(slice) : slice
                #expect(Self.collapse(text) == Self.collapse(ev.text), "\(ev.source):\(ev.line)")
                let lines = String(decoding: file, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                let line = Array(lines[ev.line - 1].unicodeScalars)
                let fromColumn = String(String.UnicodeScalarView(line[(ev.column - 1)...]))
                #expect(fromColumn.hasPrefix(String(ev.text.prefix(12))) || doc.format == .html, "\(ev.source):\(ev.line):\(ev.column)")
                checked += 1
            }
        }
        #expect(checked >= graph.claims.count)
    }

    static func collapse(_ s: String) -> String {
        s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    static func stripTags(_ s: String) -> String {
        var out = ""
        var inTag = false
        for ch in s {
            if ch == "<" { inTag = true } else if ch == ">" { inTag = false } else if !inTag { out.append(ch) }
        }
        return out.replacingOccurrences(of: "&amp;", with: "&")
    }
}
