import Foundation
import Testing
@testable import KneeBase

/// A folder of held-out articles (`articles/`) with their gold claims (`gold/ID.yaml`),
/// extracted under the repository's lexicon and scored with `GoldScorer`.
struct HeldoutSet: Sendable {
    let folder: URL
    let ids: [String]
    let graph: KnowledgeGraph

    /// Reads every article of `Fixtures/NAME/articles` (by extension: .html, .txt, else
    /// Markdown) and builds their graph.
    init(fixtures name: String, ids: [String]) {
        folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
        self.ids = ids
        var diagnostics: [Diagnostic] = []
        let lexicon = LexiconLoader.load(Repo.content.appendingPathComponent("lexicon"), diagnostics: &diagnostics)
        let articles = folder.appendingPathComponent("articles")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: articles.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        let documents = names.compactMap { name -> Document? in
            guard let data = try? Data(contentsOf: articles.appendingPathComponent(name)) else { return nil }
            let format: Document.Format = name.hasSuffix(".html") ? .html : name.hasSuffix(".txt") ? .text : .markdown
            return ArticleIngester().ingest(bytes: Array(data), format: format, displayPath: name, diagnostics: &diagnostics)
        }
        graph = GraphBuilder.build(documents: documents, lexicon: lexicon)
    }

    /// One article's counts; records an issue when its gold file has fewer than `minimumGold` claims.
    func counts(_ id: String, minimumGold: Int) throws -> GoldScorer.Counts {
        let yaml = try String(contentsOf: folder.appendingPathComponent("gold/\(id).yaml"), encoding: .utf8)
        let gold = GoldScorer.goldClaims(yaml)
        #expect(gold.count >= minimumGold, "\(id): gold claims not read")
        return GoldScorer.score(graph, prefix: id, gold: gold)
    }

    /// The micro-averaged counts over every article.
    func micro(minimumGold: Int) throws -> GoldScorer.Counts {
        var total = GoldScorer.Counts()
        for id in ids {
            let c = try counts(id, minimumGold: minimumGold)
            total.gold += c.gold
            total.extracted += c.extracted
            total.matched += c.matched
        }
        return total
    }

    /// The articles that gave no claim at all.
    var unread: [String] {
        ids.filter { id in !graph.claims.contains { c in c.evidence.contains { $0.source.hasPrefix(id) } } }
    }
}
