import Foundation
import Testing
@testable import KneeBase

/// Articles k01–k04 in Fixtures/heldout2 (an ITBS clinic page saved whole with sidebar, FAQ
/// accordion and booking box; a runner's knee magazine piece with quotes and question
/// subheadings; a plain-text patellar tendinopathy leaflet; a knee valgus explainer with a
/// table of exercises), written before the rules were looked at, scored against their gold
/// claims with `eval/score.py`'s matching under the real lexicon. They scored micro F1 0.570
/// with the rules of the time (the honest held-out estimate, see Fixtures/heldout2/README.md)
/// and 0.739 after general rules were added; the floors sit a little under that.
/// `Scripts/eval-claims --articles Tests/KneeBaseTests/Fixtures/heldout2/articles --gold Tests/KneeBaseTests/Fixtures/heldout2/gold`
/// prints the same figures with the missed and extra claims.
@Suite("Extraction on the held-out k-set")
struct HeldoutKSetTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/heldout2")
    static let ids = ["k01", "k02", "k03", "k04"]

    static let graph: KnowledgeGraph = {
        var diagnostics: [Diagnostic] = []
        let lexicon = LexiconLoader.load(Repo.content.appendingPathComponent("lexicon"), diagnostics: &diagnostics)
        let articles = folder.appendingPathComponent("articles")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: articles.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        let documents = names.compactMap { name -> Document? in
            guard let data = try? Data(contentsOf: articles.appendingPathComponent(name)) else { return nil }
            let format: Document.Format = name.hasSuffix(".html") ? .html : name.hasSuffix(".txt") ? .text : .markdown
            return ArticleIngester().ingest(bytes: Array(data), format: format, displayPath: name, diagnostics: &diagnostics)
        }
        return GraphBuilder.build(documents: documents, lexicon: lexicon)
    }()

    static func counts(_ id: String) throws -> GoldScorer.Counts {
        let yaml = try String(contentsOf: folder.appendingPathComponent("gold/\(id).yaml"), encoding: .utf8)
        let gold = GoldScorer.goldClaims(yaml)
        #expect(gold.count >= 25, "\(id): gold claims not read")
        return GoldScorer.score(graph, prefix: id, gold: gold)
    }

    @Test("every article is read and gives claims")
    func articlesRead() {
        for id in Self.ids {
            #expect(Self.graph.claims.contains { c in c.evidence.contains { $0.source.hasPrefix(id) } }, "\(id)")
        }
    }

    @Test("micro F1 over k01–k04 stays at or above 0.70")
    func microF1() throws {
        var total = GoldScorer.Counts()
        for id in Self.ids {
            let c = try Self.counts(id)
            total.gold += c.gold
            total.extracted += c.extracted
            total.matched += c.matched
        }
        #expect(total.f1 >= 0.70, "micro F1 \(total.f1): gold \(total.gold) extracted \(total.extracted) matched \(total.matched)")
        #expect(total.precision >= 0.68 && total.recall >= 0.68, "P \(total.precision) R \(total.recall)")
    }

    @Test("each article's F1 stays above its floor", arguments: [("k01", 0.75), ("k02", 0.70), ("k03", 0.60), ("k04", 0.72)])
    func perArticle(_ id: String, _ floor: Double) throws {
        let c = try Self.counts(id)
        #expect(c.f1 >= floor, "\(id): F1 \(c.f1) (P \(c.precision) R \(c.recall))")
    }
}
