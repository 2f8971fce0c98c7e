import Foundation
import Testing
@testable import KneeBase

/// Rules found by reviewing the published claims of content/: a negated stopping advises
/// keeping on, a remedy of the writer's history is no advice, a reader's question speaks for
/// the reader, and a caveat ("doesn't guarantee …", how a rest was taken) is no verdict.
@Suite("Precision rules")
struct PrecisionRuleTests {
    typealias F = ExtractionFixture

    static let lexicon = Lexicon(entities: F.lexicon.entities + [
        Entity(id: "strength-training", kind: .treatment, name: "strength training", aliases: ["strength work"]),
        Entity(id: "core-strengthening", kind: .treatment, name: "core strengthening", aliases: ["core strength"]),
        Entity(id: "knee-surgery", kind: .treatment, name: "knee surgery", aliases: ["surgery"]),
        Entity(id: "zero-drop-shoes", kind: .treatment, name: "zero drop shoes"),
        Entity(id: "relative-rest", kind: .treatment, name: "relative rest", aliases: ["week off from running"]),
        Entity(id: "elliptical", kind: .treatment, name: "elliptical"),
        Entity(id: "uphill-walking", kind: .treatment, name: "uphill walking"),
        Entity(id: "stretching", kind: .treatment, name: "stretching", aliases: ["stretches"]),
        Entity(id: "physical-therapy", kind: .treatment, name: "physical therapy", aliases: ["physical therapist"]),
        Entity(id: "patella", kind: .anatomy, name: "patella", aliases: ["kneecap"]),
        Entity(id: "weak-glutes", kind: .cause, name: "weak glutes"),
        Entity(id: "poor-foot-control", kind: .cause, name: "poor foot control"),
    ])

    static func claims(_ markdown: String) -> [Claim] { F.claims(markdown, lexicon: lexicon) }
    static func triples(_ markdown: String) -> Set<String> { F.triples(claims(markdown)) }

    @Test("'don't cease the strength work' advises the work and advises against stopping it", arguments: [
        "You don't cease the strength work when it feels better.",
        "Never give up the strength work once the pain settles.",
        "Do not quit your strength work when it feels better.",
    ])
    func negatedStoppingKeepsOn(_ sentence: String) {
        let t = Self.triples("# Runner's knee\n\n\(sentence)\n")
        #expect(t.contains("patellofemoral-pain-syndrome treatment strength-training"))
        #expect(t.contains("patellofemoral-pain-syndrome not_recommended stopping-strength-training"))
        #expect(!t.contains("patellofemoral-pain-syndrome not_recommended strength-training"))
    }

    @Test("a plain 'don't do X' still advises against X")
    func plainNegationStands() {
        let t = Self.triples("# Runner's knee\n\nDon't do strength work when it hurts.\n")
        #expect(t.contains("patellofemoral-pain-syndrome not_recommended strength-training"))
        #expect(!t.contains { $0.contains("stopping") })
    }

    @Test("a remedy that dates the writer's story ('since having knee surgery') is no treatment of the condition")
    func pastRemedyIsHistory() {
        let t = Self.triples("""
            # Runner's knee

            Since having knee surgery (after a trampoline fall), my physio said core strength is what helped me recover.

            After my surgery I could not run for months.
            """)
        #expect(!t.contains("patellofemoral-pain-syndrome treatment knee-surgery"))
        #expect(t.contains("patellofemoral-pain-syndrome treatment core-strengthening"))
        let advice = Self.triples("# Runner's knee\n\nSurgery helps runner's knee when rehab has failed.\n")
        #expect(advice.contains("patellofemoral-pain-syndrome treatment knee-surgery"))
    }

    @Test("a reader's question in a Q&A speaks for the reader; the answer does not")
    func readerQuestionAttribution() {
        let claims = Self.claims("""
            # Running knee pain

            **Q:**

            My runner's knee swells after running. My physical therapist gave me mini-squats, but they only seem to make it worse.

            **A:**

            Mini-squats often make runner's knee worse. I recommend clamshells for runner's knee.
            """)
        let reader = claims.flatMap(\.evidence).filter { $0.text.hasPrefix("My ") }
        #expect(!reader.isEmpty)
        #expect(reader.allSatisfy { $0.attribution == ClaimExtractor.readerAttribution })
        let answer = claims.flatMap(\.evidence).filter { $0.text.hasPrefix("I recommend") }
        #expect(!answer.isEmpty)
        #expect(answer.allSatisfy { $0.attribution == "author (personal experience)" })
    }

    @Test("a claim told only in a reader's question is flagged as a first-person story, not the author's")
    func readerAnecdoteFinding() throws {
        var m = ClaimMaker()
        let graph = handGraph([
            Claim(subject: "pfps", relation: .notRecommended, object: "squats", evidence: [
                m.evidence("q.md", "My physio gave me squats, but they make it worse.", attribution: ClaimExtractor.readerAttribution),
            ]),
        ])
        let finding = try #require(Auditor.audit(graph, lexicon: handLexicon).first { $0.id == "support:anecdote-only:pfps|not_recommended|squats" })
        #expect(finding.message.hasSuffix("(a first-person story)"))
    }

    @Test("'zero drop shoes don't guarantee no pain' advises against relying on them, not against the shoes")
    func deniedGuarantee() {
        let t = Self.triples("# Runner's knee\n\nZero drop shoes don't guarantee no knee pain if you have poor form.\n")
        #expect(!t.contains("patellofemoral-pain-syndrome not_recommended zero-drop-shoes"))
        #expect(t.contains("patellofemoral-pain-syndrome not_recommended relying-on-zero-drop-shoes"))
        let denied = Self.triples("# Runner's knee\n\nZero drop shoes don't help runner's knee.\n")
        #expect(denied.contains("patellofemoral-pain-syndrome not_recommended zero-drop-shoes"))
    }

    @Test("what a failed rest was taken with, in a dashed aside, gets no verdict; the rest does")
    func failedRestAside() {
        let t = Self.triples("""
            # Runner's knee

            I took a week off from running – shifting to the elliptical and some uphill walking – and then resumed. After a week, the knee was no better.
            """)
        #expect(t.contains("patellofemoral-pain-syndrome not_recommended relative-rest"))
        #expect(!t.contains("patellofemoral-pain-syndrome not_recommended elliptical"))
        #expect(!t.contains("patellofemoral-pain-syndrome not_recommended uphill-walking"))
        let plain = Self.triples("# Runner's knee\n\nI tried the elliptical for a week. The knee was no better.\n")
        #expect(plain.contains("patellofemoral-pain-syndrome not_recommended elliptical"))
    }

    @Test("a list item opening on a light verb ('Take joint health seriously') names no discovered remedy")
    func lightVerbItem() {
        let t = Self.triples("# Runner's knee\n\n## Treatment\n\n- Take joint health for runners seriously\n")
        #expect(!t.contains { $0.contains("take-") })
    }

    @Test("'they' opening a sentence refers to the structures just named only when the state is said in its own clause")
    func anaphorStateClause() {
        let t = Self.triples("""
            # Runner's knee

            The examiner will check for tenderness around the kneecap. They might also assess strength and flexibility in the hips, as weaknesses in these areas can contribute to runner's knee.
            """)
        #expect(!t.contains { $0.hasSuffix(" weak-patella") })
        let tight = Self.triples("# Runner's knee\n\nRoll your hamstrings and quads. All of those could be tight and pull on the knee.\n")
        #expect(tight.contains { $0.hasPrefix("patellofemoral-pain-syndrome cause tight-") && $0.contains("hamstring") })
    }

    @Test("'trainers' that are shoes name no trainer; a trainer who speaks does")
    func trainersAreShoes() {
        let x = ClaimExtractor(lexicon: Self.lexicon, finder: MentionFinder(lexicon: Self.lexicon))
        #expect(x.attributionOf("Rotate your trainers to work different muscles.") == nil)
        #expect(x.attributionOf("Finest trainers for knee pain?") == nil)
        #expect(x.attributionOf("My trainer told me to do clamshells.") == "trainer")
        #expect(x.attributionOf("Trainers often recommend clamshells.") == "trainer")
    }

    @Test("'results showed … solving the pain' reports a finding; 'can result in pain' produces the symptom")
    func resultsAsFindings() {
        let finding = Self.triples("""
            # Runner's knee

            ## Treatment

            Results showed that clamshells were more effective for solving pain when squatting.
            """)
        #expect(!finding.contains("patellofemoral-pain-syndrome symptom pain-when-squatting"), "\(finding)")
        let produced = Self.triples("""
            # Runner's knee

            ## Treatment

            Weak glutes can result in pain when squatting.
            """)
        #expect(produced.contains("patellofemoral-pain-syndrome symptom pain-when-squatting"), "\(produced)")
    }

    @Test("each conjunct of a denied subject is denied: 'A and B were not studied and cannot be recommended'")
    func coordinatedSubjectDenied() {
        let t = Self.triples("""
            # Runner's knee

            Passive treatments such as zero drop shoes and uphill walking were not studied and cannot be recommended for runner's knee.
            """)
        #expect(!t.contains("patellofemoral-pain-syndrome treatment zero-drop-shoes"), "\(t)")
        #expect(!t.contains("patellofemoral-pain-syndrome treatment uphill-walking"), "\(t)")
        // A conjunct of a subject that is not denied stays as it was.
        let kept = Self.triples("""
            # Runner's knee

            Elliptical training and uphill walking help runner's knee.
            """)
        #expect(kept.contains("patellofemoral-pain-syndrome treatment elliptical"), "\(kept)")
    }

    @Test("a remedy's name after 'poor', 'bad' … names a cause: 'poor landing technique'")
    func flawedPracticeIsACause() {
        let lexicon = Lexicon(entities: Self.lexicon.entities + [
            Entity(id: "landing-technique-training", kind: .treatment, name: "landing technique training", aliases: ["landing technique"]),
        ])
        let t = F.triples(F.claims("""
            # Runner's knee

            Poor landing technique is one of the main reasons for runner's knee.

            Landing technique training helps runner's knee.
            """, lexicon: lexicon))
        #expect(t.contains("patellofemoral-pain-syndrome cause poor-landing-technique"), "\(t)")
        #expect(t.contains("patellofemoral-pain-syndrome treatment landing-technique-training"), "\(t)")
        let flawed = F.claims("# Runner's knee\n\nPoor landing technique is one of the main reasons for runner's knee.\n", lexicon: lexicon)
        #expect(!flawed.contains { $0.object == "landing-technique-training" })
        #expect(flawed.first { $0.object == "poor-landing-technique" }?.evidence.isEmpty == false)
    }

    @Test("a practitioner speaks when given words or advice; one the author went to does not")
    func practitionerGivenNoWords() {
        let claims = Self.claims("""
            # Runner's knee

            What fixed it was first the chiropractor, then all the clamshells I'm going to show below.

            A physical therapist recommends clamshells for runner's knee.

            Advice from my chiropractor: clamshells help runner's knee.

            Sports doctor: weak glutes cause runner's knee.
            """)
        let attributions = claims.flatMap(\.evidence).map { "\($0.line) \($0.attribution ?? "-")" }.sorted()
        #expect(attributions.contains("3 author (personal experience)"), "\(attributions)")
        #expect(!attributions.contains("3 chiropractor"))
        #expect(attributions.contains("5 physical therapist"))
        #expect(attributions.contains("7 chiropractor"))
        #expect(attributions.contains("9 sports doctor"))
    }

    @Test("the sentences of a quotation opened by a named speaker are the speaker's")
    func quotationRunsOn() {
        let claims = Self.claims("""
            # Runner's knee

            According to Dr Lisa Mitro, “weak glutes cause runner's knee. Poor foot control can also cause runner's knee.” Clamshells help runner's knee.
            """)
        let foot = claims.first { $0.object == "poor-foot-control" }?.evidence.first
        #expect(foot?.attribution == "Dr. Lisa Mitro")
        let after = claims.first { $0.object == "clamshell" }?.evidence.first
        #expect(after != nil && after?.attribution != "Dr. Lisa Mitro")
    }

    @Test("'stretches to strengthen X': the bare remedy before 'to' is the remedy after it")
    func purposeHead() {
        let t = Self.triples("# Runner's knee\n\n## Treatment\n\nDo some stretches to strengthen your hamstrings every day.\n")
        #expect(t.contains { $0.hasPrefix("patellofemoral-pain-syndrome treatment ") && $0.hasSuffix("strengthening") })
        #expect(!t.contains("patellofemoral-pain-syndrome treatment stretching"))
        let both = Self.triples("# Runner's knee\n\n## Treatment\n\nDo some stretches and strengthen your hamstrings every day.\n")
        #expect(both.contains("patellofemoral-pain-syndrome treatment stretching"))
    }
}
