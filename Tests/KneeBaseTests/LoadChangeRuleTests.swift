import Testing
@testable import KneeBase

/// A change of training load named as a noun phrase states a cause by itself
/// (`ClaimExtractor.loadChanges`).
@Suite("Load changes as causes")
struct LoadChangeRuleTests {
    static let lexicon = Lexicon(entities: ExtractionFixture.lexicon.entities + [
        Entity(id: "training-spike", kind: .cause, name: "training spike", aliases: ["sudden jump in training"]),
    ])

    static func causes(_ markdown: String) -> Set<String> {
        Set(ExtractionFixture.claims(markdown, lexicon: lexicon).filter { $0.relation == .cause }.map(\.object))
    }

    @Test("a jump or increase in a load measure, with its adjectives, is a cause without a cue word")
    func namedByItsWords() {
        #expect(Self.causes("# Runner's knee\n\nThe usual story is a sudden change: a big jump in weekly mileage.\n") == ["big-jump-in-weekly-mileage"])
        #expect(Self.causes("# Runner's knee\n\nA 60% jump in your long run in a month would do it.\n") == ["jump-in-long-run"])
    }

    @Test("a lexicon cause that is a load change stands alone too")
    func lexiconChange() {
        #expect(Self.causes("# Runner's knee\n\nBoth coaches agreed that a sudden jump in training hours made the problem worse.\n") == ["training-spike"])
    }

    @Test("no cause from a change of something else, a denied one, or one advised in a treatment section")
    func nonCauses() {
        #expect(Self.causes("# Runner's knee\n\nA jump in pain after runs is common.\n").isEmpty)
        #expect(Self.causes("# Runner's knee\n\nThere was no big jump in weekly mileage.\n").isEmpty)
        #expect(Self.causes("# Runner's knee\n\n## Treatment\n\nKeep any increase in weekly mileage small.\n").isEmpty)
    }
}
