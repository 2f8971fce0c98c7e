import Testing
@testable import KneeBase

@Suite("Claim extraction")
struct ClaimExtractionTests {
    typealias F = ExtractionFixture

    @Test("section headings give their relation and the article's condition")
    func sections() {
        let claims = F.claims("""
            # Runner's knee explained

            ## Symptoms

            - Pain when squatting
            - Swelling after long runs

            ## Causes

            - A sudden increase in mileage

            ## Treatment

            - Clamshells
            - Ice packs after runs
            """)
        let t = F.triples(claims)
        #expect(t.contains("patellofemoral-pain-syndrome symptom pain-when-squatting"))
        #expect(t.contains("patellofemoral-pain-syndrome symptom knee-swelling"))
        #expect(t.contains("patellofemoral-pain-syndrome cause overtraining"))
        #expect(t.contains("patellofemoral-pain-syndrome treatment clamshell"))
        #expect(t.contains("patellofemoral-pain-syndrome treatment ice"))
        #expect(claims.allSatisfy { $0.evidence.first?.rule.hasPrefix("section:") == true })
    }

    @Test("cue phrases outside relation sections", arguments: [
        ("Overtraining can cause runner's knee.", "patellofemoral-pain-syndrome cause overtraining"),
        ("The most common symptom of runner's knee is pain when squatting.", "patellofemoral-pain-syndrome symptom pain-when-squatting"),
        ("To treat runner's knee, clamshells help.", "patellofemoral-pain-syndrome treatment clamshell"),
        ("Mini-squats only make runner's knee worse.", "patellofemoral-pain-syndrome not_recommended mini-squat"),
    ])
    func cues(_ sentence: String, _ expected: String) {
        #expect(F.triples(F.claims("# Notes\n\n\(sentence)\n")).contains(expected))
    }

    @Test("negation advises against; its scope stops at the clause")
    func negation() {
        let t = F.triples(F.claims("# IT band syndrome\n\nDon't foam roll your IT band, but icing helps.\n"))
        #expect(t.contains("iliotibial-band-syndrome not_recommended foam-rolling"))
        #expect(t.contains("iliotibial-band-syndrome treatment ice"))
        #expect(!t.contains("iliotibial-band-syndrome not_recommended ice"))
    }

    @Test("a negation inside a condition is no advice against")
    func conditionalNegation() {
        let t = F.triples(F.claims("# Runner's knee\n\n## Treatment\n\nPain comes back if you don't keep up the clamshells.\n"))
        #expect(t.contains("patellofemoral-pain-syndrome treatment clamshell"))
    }

    @Test("conditions and double negatives advise nothing against")
    func conditionalOutcome() {
        let t = F.triples(F.claims("# Runner's knee\n\n## Treatment\n\nIf ice does not help, your physio may suggest clamshells.\n\nDon't stop the foam rolling when it feels better.\n"))
        // Only the stopping is advised against ("stopping foam rolling"), never a remedy itself.
        #expect(t.filter { $0.contains("not_recommended") } == ["patellofemoral-pain-syndrome not_recommended stopping-foam-rolling"])
        #expect(t.contains("patellofemoral-pain-syndrome treatment clamshell"))
        #expect(t.contains("patellofemoral-pain-syndrome treatment foam-rolling"))
    }

    @Test("hedges mark certainty")
    func hedging() {
        let claims = F.claims("# Runner's knee\n\nIn theory, clamshells may help runner's knee.\n\nIcing helps runner's knee.\n")
        let clam = claims.first { $0.object == "clamshell" }
        let ice = claims.first { $0.object == "ice" }
        #expect(clam?.evidence.first?.certainty == .hedged)
        #expect(ice?.evidence.first?.certainty == .plain)
    }

    @Test("attribution: a named doctor, a profession, the author's experience")
    func attribution() {
        let claims = F.claims("""
            # Runner's knee

            Dr. Li Yanyu said that clamshells help runner's knee.

            A physical therapist recommends ice packs.

            I found that foam rolling helps.
            """)
        #expect(claims.first { $0.object == "clamshell" }?.evidence.first?.attribution == "Dr. Li Yanyu")
        #expect(claims.first { $0.object == "ice" }?.evidence.first?.attribution == "physical therapist")
        #expect(claims.first { $0.object == "foam-rolling" }?.evidence.first?.attribution == "author (personal experience)")
    }

    @Test("subject: a condition in the sentence beats the section's and the article's")
    func subjectResolution() {
        let t = F.triples(F.claims("""
            # Runner's knee

            ## Treatment

            For IT band syndrome, clamshells help.

            Ice packs help too.
            """))
        #expect(t.contains("iliotibial-band-syndrome treatment clamshell"))
        #expect(t.contains("patellofemoral-pain-syndrome treatment ice"))
    }

    @Test("a condition caused by another: both directions are recorded")
    func conditionCauses() {
        let t = F.triples(F.claims("# Notes\n\nSevere patellar valgus may cause patellar chondromalacia.\n"))
        #expect(t.contains("chondromalacia-patellae cause patellar-valgus"))
        #expect(t.contains("patellar-valgus complication chondromalacia-patellae"))
    }

    @Test("composed phrases and labels become discovered entities")
    func discovered() {
        let doc = F.document("""
            # Runner's knee

            ## Causes

            - Weak hamstrings are common in runners.
            - Downhill pounding: running long descents loads the kneecap.
            """)
        let finder = MentionFinder(lexicon: F.lexicon)
        let result = ClaimExtractor(lexicon: F.lexicon, finder: finder).extract(doc, stemmer: Stemmer())
        let ids = Set(result.discovered.map(\.id))
        #expect(ids.contains("weak-hamstrings"))
        #expect(ids.contains("downhill-pounding"))
        #expect(result.discovered.allSatisfy { $0.discovered })
        #expect(F.triples(result.claims).contains("patellofemoral-pain-syndrome cause downhill-pounding"))
    }

    @Test("coordination names the second item too")
    func coordination() {
        let t = F.triples(F.claims("# Runner's knee\n\n## Symptoms\n\nSome runners are unable to squat or kneel.\n"))
        #expect(t.contains("patellofemoral-pain-syndrome symptom unable-to-squat"))
        #expect(t.contains("patellofemoral-pain-syndrome symptom unable-to-kneel"))
    }

    @Test("a tried remedy followed by no improvement is advised against")
    func failedOutcome() {
        let t = F.triples(F.claims("# Runner's knee\n\nI tried ice packs for a week. Still no improvement.\n"))
        #expect(t.contains("patellofemoral-pain-syndrome not_recommended ice"))
    }

    @Test("the same claim from two sources merges with both pieces of evidence")
    func merge() {
        let a = F.document("# Runner's knee\n\n## Treatment\n\n- Clamshells\n", path: "content/articles/a.md")
        let b = F.document("# Runner's knee\n\nClamshells help runner's knee.\n", path: "content/articles/b.md")
        let graph = GraphBuilder.build(documents: [a, b], lexicon: F.lexicon)
        let claim = graph.claims.first { $0.key == "patellofemoral-pain-syndrome|treatment|clamshell" }
        #expect(claim?.sourceCount == 2)
        #expect(claim?.evidence.map(\.source) == ["content/articles/a.md", "content/articles/b.md"])
    }
}
