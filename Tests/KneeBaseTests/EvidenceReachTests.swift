import Foundation
import Testing
@testable import KneeBase

/// Every sentence behind a claim can be reached from the claim's entity page: quoted, or
/// linked after "And N more sentences" (up to `EvidenceList.linksToRest` of them).
@Suite struct EvidenceReachTests {
    @Test func evidenceSentencesAreLinkedFromTheSubjectsPage() throws {
        var diagnostics: [Diagnostic] = []
        let content = Repo.content
        let documents = try Builder.ingest(BuildOptions(content: content, output: URL(fileURLWithPath: NSTemporaryDirectory())), diagnostics: &diagnostics)
        let lexicon = LexiconLoader.load(content.appendingPathComponent("lexicon"), diagnostics: &diagnostics)
        let graph = GraphBuilder.build(documents: documents, lexicon: lexicon)
        let model = SiteModel(graph: graph, findings: [])
        let page = EntityPage(model: model)
        let root = "../"
        var checked = 0, beyondQuotes = 0
        for (subject, indexes) in model.claimsBySubject {
            guard let entity = model.entities[subject] else { continue }
            let html = String(decoding: page.html(entity), as: UTF8.self)
            for ci in indexes {
                let evidence = graph.claims[ci].evidence
                guard evidence.count <= EntityPage.quotesPerClaim + EvidenceList.linksToRest else { continue }
                if evidence.count > EntityPage.quotesPerClaim { beyondQuotes += 1 }
                for ev in evidence {
                    let href = try #require(model.sentenceHref(source: ev.source, sentence: ev.sentence, root: root))
                    #expect(html.contains("href=\"\(href)\""), "\(subject): \(ev.source):\(ev.line) is not linked")
                    checked += 1
                }
            }
        }
        #expect(checked > 100)
        #expect(beyondQuotes > 5, "claims with more sentences than quotes are among those checked")
    }
}
