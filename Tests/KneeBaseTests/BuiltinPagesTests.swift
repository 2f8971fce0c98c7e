import Foundation
import Testing
@testable import KneeBase

/// Source, entity and audit pages of the built-in theme are written by code (`BuiltinPages`) instead of the
/// template engine: the bytes must be the templates' own, and any change of the templates
/// must switch that code off until it is brought up to date.
@Suite struct BuiltinPagesTests {
    @Test func codeWasWrittenForTheBuiltinTemplates() throws {
        let files = BuiltinTheme.files.mapValues { Array($0.utf8) }
        #expect(BuiltinPages.matches(files),
                "site/templates/{_head,_foot,source,entity,_evidence,audit}.mustache changed: update BuiltinPages to match, then templatesDigest to \(BuiltinPages.digest(files))")
        #expect(try SiteTheme.load(nil).builtinPages)
        var edited = files
        edited["templates/_foot.mustache"] = Array("<footer>{{sourceCount}}</footer>\n".utf8)
        #expect(!BuiltinPages.matches(edited), "a theme overriding one of the templates renders through it")
    }

    @Test(arguments: [Repo.content, AuditFixture.content])
    func pagesAreTheTemplatesBytes(_ content: URL) throws {
        var diagnostics: [Diagnostic] = []
        let documents = try Builder.ingest(BuildOptions(content: content, output: URL(fileURLWithPath: NSTemporaryDirectory())), diagnostics: &diagnostics)
        let lexicon = LexiconLoader.load(content.appendingPathComponent("lexicon"), diagnostics: &diagnostics)
        let graph = GraphBuilder.build(documents: documents, lexicon: lexicon)
        let findings = Auditor.audit(graph, lexicon: lexicon)
        let model = SiteModel(graph: graph, findings: findings)
        let theme = try SiteTheme.load(nil)
        let finder = MentionFinder(lexicon: Lexicon(entities: graph.entities))
        let tokenizer = Tokenizer(stemmer: Stemmer())
        let page = SourcePage(model: model)
        #expect(!documents.isEmpty)
        #expect(findings.contains { $0.kind == .quality }, "pages with a quality section are compared")
        for (i, d) in graph.documents.enumerated() {
            let mentions = d.sentences.map { finder.mentions(in: tokenizer.tokens($0.text)) }
            let direct = page.html(i, mentions: mentions)
            let templated = theme.render("source", page.context(i, mentions: mentions))
            #expect(direct == templated, "\(d.source): the written page differs from the template's")
        }
        let entityPage = EntityPage(model: model)
        #expect(model.orderedEntities.contains { model.claimsBySubject[$0.id] != nil && $0.kind == .condition })
        for e in model.orderedEntities {
            #expect(entityPage.html(e) == theme.render("entity", entityPage.context(e)), "\(e.id): the written page differs from the template's")
        }
        let auditPage = AuditPage(model: model)
        #expect(auditPage.html() == theme.render("audit", auditPage.context()), "the written audit page differs from the template's")
        let none = AuditPage(model: SiteModel(graph: graph, findings: []))
        #expect(none.html() == theme.render("audit", none.context()), "the written audit page without findings differs from the template's")
    }
}
