import Testing
@testable import KneeBase

/// The activity after an imperative "avoid" / "skip" is advised against even when the lexicon
/// has no name for it (`ClaimExtractor.avoidedActivityClaims`).
@Suite("Avoided activities")
struct AvoidanceRuleTests {
    static func notRecommended(_ markdown: String) -> Set<String> {
        Set(ExtractionFixture.claims(markdown).filter { $0.relation == .notRecommended }.map(\.object))
    }

    @Test("each conjunct after 'avoid' or 'skip', up to a time clause, is advised against")
    func conjuncts() {
        #expect(Self.notRecommended("# Runner's knee\n\nAvoid kneeling on hard floors.\n") == ["kneeling-on-hard-floors"])
        let both = Self.notRecommended("# Runner's knee\n\nCut your mileage and avoid long downhills and kneeling until it settles.\n")
        #expect(both == ["long-downhills", "kneeling"])
        #expect(Self.notRecommended("# Runner's knee\n\n- flat routes for now, skip the descents for a few weeks\n") == ["descents"])
    }

    @Test("a pain, a pronoun, a lone thing or a condition's 'if' names no avoided activity")
    func nonActivities() {
        #expect(Self.notRecommended("# Runner's knee\n\nStrengthen your hips to avoid knee pain.\n").isEmpty)
        #expect(Self.notRecommended("# Runner's knee\n\nSkip the brace. Avoid it if you can.\n").isEmpty)
        #expect(Self.notRecommended("# Runner's knee\n\nIf you avoid hills, the knee settles.\n").isEmpty)
        #expect(Self.notRecommended("# Runner's knee\n\nAvoid overdoing the mileage early on.\n").isEmpty)
    }

    @Test("a remedy the lexicon names after 'avoid' is the negation rule's, claimed once")
    func lexiconRemedy() {
        let claims = ExtractionFixture.claims("# Runner's knee\n\nAvoid foam rolling for now.\n").filter { $0.relation == .notRecommended }
        #expect(claims.map(\.object) == ["foam-rolling"])
    }

    @Test("stopping an activity, said not to do, is advised against: 'do not stop all sport', 'rather than stopping all activity'")
    func stoppedActivities() {
        #expect(Self.notRecommended("# Runner's knee\n\nPlease do not stop all sport and activity.\n") == ["stopping-sport", "stopping-activity"])
        #expect(Self.notRecommended("# Runner's knee\n\nDon't stop them doing sport altogether.\n") == ["stopping-sport-altogether"])
        #expect(Self.notRecommended("# Runner's knee\n\nCut back rather than stopping all activity.\n") == ["stopping-activity"])
        // A manner is no activity, and a stopping said to do is no verdict against it.
        #expect(Self.notRecommended("# Runner's knee\n\nCut back rather than stopping altogether.\n").isEmpty)
        #expect(Self.notRecommended("# Runner's knee\n\nStop all sport for a week.\n").isEmpty)
    }
}
