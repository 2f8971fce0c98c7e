import Foundation
import Testing
@testable import KneeBase

/// A held-out set and the floors its scores must stay above. Each set was written before
/// the rules or the lexicon were looked at and scored once with the rules of the time (the
/// honest held-out estimate, in its folder's README or below); general rules were added
/// afterwards, and the floors sit a little under the tuned scores so that regressions show.
/// `Scripts/eval-claims --articles Tests/KneeBaseTests/Fixtures/NAME/articles --gold Tests/KneeBaseTests/Fixtures/NAME/gold`
/// prints the same figures with the missed and extra claims.
struct HeldoutFloors: Sendable, CustomTestStringConvertible {
    let name: String
    let set: HeldoutSet
    let minimumGold: Int
    let f1: Double, precision: Double, recall: Double
    let articles: [(id: String, f1: Double)]

    var testDescription: String { name }

    /// g01–g04 (Fixtures/heldout: a clinic page saved as whole HTML, a magazine listicle with
    /// front matter, a forum thread, an evidence summary): 0.503 honest, 0.877 after tuning.
    static let g = HeldoutFloors(name: "g-set", set: HeldoutSet(fixtures: "heldout", ids: ["g01", "g02", "g03", "g04"]),
                                 minimumGold: 20, f1: 0.85, precision: 0.82, recall: 0.82,
                                 articles: [("g01", 0.85), ("g02", 0.72), ("g03", 0.78), ("g04", 0.85)])
    /// k01–k04 (Fixtures/heldout2: an ITBS clinic page saved whole, a runner's knee magazine
    /// piece, a plain-text patellar tendinopathy leaflet, a knee valgus explainer with a table):
    /// 0.570 honest, 0.739 after general rules.
    static let k = HeldoutFloors(name: "k-set", set: HeldoutSet(fixtures: "heldout2", ids: ["k01", "k02", "k03", "k04"]),
                                 minimumGold: 25, f1: 0.70, precision: 0.68, recall: 0.68,
                                 articles: [("k01", 0.75), ("k02", 0.70), ("k03", 0.60), ("k04", 0.72)])
    /// m01–m04 (Fixtures/heldout3: a physio's patellar tendinopathy blog post in Markdown, a
    /// hospital's patellofemoral pain page saved whole, a coach's IT band syndrome newsletter as
    /// text, a knee valgus health-news article quoting experts): 0.664 honest, 0.819 after general rules.
    static let m = HeldoutFloors(name: "m-set", set: HeldoutSet(fixtures: "heldout3", ids: ["m01", "m02", "m03", "m04"]),
                                 minimumGold: 25, f1: 0.78, precision: 0.83, recall: 0.72,
                                 articles: [("m01", 0.80), ("m02", 0.82), ("m03", 0.74), ("m04", 0.74)])

    /// n01–n05 (Fixtures/heldout4: a clinic's runner's knee FAQ saved whole, a forum thread on
    /// knee valgus in squats, an IT band listicle with ad slots, a plain-text patellar tendinopathy
    /// leaflet, a knee brace and insole review): 0.607 honest, 0.801 after general rules.
    static let n = HeldoutFloors(name: "n-set", set: HeldoutSet(fixtures: "heldout4", ids: ["n01", "n02", "n03", "n04", "n05"]),
                                 minimumGold: 19, f1: 0.77, precision: 0.84, recall: 0.71,
                                 articles: [("n01", 0.82), ("n02", 0.70), ("n03", 0.72), ("n04", 0.79), ("n05", 0.66)])

    /// p01–p05 (Fixtures/heldout5: a hospital's kneecap pain page with "Do"/"Don't" lists, a coach's
    /// knee valgus and cadence blog post, an "Ask the physio" column on cycling as text, an IT band
    /// myths-vs-facts explainer with a table, a return-to-running plan after patellar tendinopathy):
    /// 0.467 honest, 0.596 after general rules.
    static let p = HeldoutFloors(name: "p-set", set: HeldoutSet(fixtures: "heldout5", ids: ["p01", "p02", "p03", "p04", "p05"]),
                                 minimumGold: 25, f1: 0.58, precision: 0.67, recall: 0.51,
                                 articles: [("p01", 0.64), ("p02", 0.68), ("p03", 0.50), ("p04", 0.60), ("p05", 0.43)])

    /// q01–q05 (Fixtures/heldout6: a page-builder clinic FAQ on jumper's knee with `&bull;` lines, a
    /// phpBB runners' thread on outside-knee pain, a "7 exercises for runner's knee" listicle, an
    /// Osgood–Schlatter leaflet as text, a taping and brace evidence blog post with references):
    /// 0.403 honest, 0.598 after general rules.
    static let q = HeldoutFloors(name: "q-set", set: HeldoutSet(fixtures: "heldout6", ids: ["q01", "q02", "q03", "q04", "q05"]),
                                 minimumGold: 20, f1: 0.57, precision: 0.66, recall: 0.50,
                                 articles: [("q01", 0.70), ("q02", 0.45), ("q03", 0.56), ("q04", 0.56), ("q05", 0.50)])

    /// r01–r05 (Fixtures/heldout7: a wiki encyclopedia page on patellofemoral pain with an infobox
    /// and citation marks, a health portal's jumper's knee page with hidden tab panels, a clinic blog
    /// post on knee valgus in female runners, an "Ask the sports doc" column as text, a coach's IT band
    /// newsletter with bold lead-ins): 0.471 honest, 0.618 after general rules.
    static let r = HeldoutFloors(name: "r-set", set: HeldoutSet(fixtures: "heldout7", ids: ["r01", "r02", "r03", "r04", "r05"]),
                                 minimumGold: 25, f1: 0.60, precision: 0.61, recall: 0.59,
                                 articles: [("r01", 0.67), ("r02", 0.56), ("r03", 0.60), ("r04", 0.49), ("r05", 0.62)])

    /// s01–s05 (Fixtures/heldout8: a bibliographic database's abstract page on exercise for
    /// patellofemoral pain, a how-to steps page on knee valgus with Tips and Warnings, a physio's
    /// patellar tendinopathy programme with exercise tables, an IT band podcast transcript with a
    /// disagreeing guest, a runner's knee handout extracted from a PDF as text): 0.583 honest,
    /// 0.685 after general rules.
    static let s = HeldoutFloors(name: "s-set", set: HeldoutSet(fixtures: "heldout8", ids: ["s01", "s02", "s03", "s04", "s05"]),
                                 minimumGold: 24, f1: 0.66, precision: 0.66, recall: 0.66,
                                 articles: [("s01", 0.68), ("s02", 0.54), ("s03", 0.67), ("s04", 0.72), ("s05", 0.67)])

    /// t01–t05 (Fixtures/heldout9: a sports-medicine textbook excerpt on patellofemoral pain with
    /// a differential-diagnosis list and tables, a patellar tendon strap product page with reviews,
    /// a newspaper report of a knee valgus study with a sceptical expert, a Reddit thread on IT band
    /// pain exported to Markdown, a runner's knee clinic page machine-translated from Italian):
    /// 0.594 honest, 0.622 after general rules.
    static let t = HeldoutFloors(name: "t-set", set: HeldoutSet(fixtures: "heldout9", ids: ["t01", "t02", "t03", "t04", "t05"]),
                                 minimumGold: 20, f1: 0.60, precision: 0.64, recall: 0.56,
                                 articles: [("t01", 0.70), ("t02", 0.74), ("t03", 0.45), ("t04", 0.47), ("t05", 0.50)])

    /// u01–u05 (Fixtures/heldout10: a patellar tendinopathy CPD slide deck with speaker notes in
    /// Markdown, a runner's knee vs IT band syndrome comparison page, a physio's social-media thread
    /// on knee valgus as plain text, a runner's IT band injury diary, a video page with transcript
    /// and comments): 0.601 honest (once a crash on u02 was fixed), 0.642 after general rules.
    static let u = HeldoutFloors(name: "u-set", set: HeldoutSet(fixtures: "heldout10", ids: ["u01", "u02", "u03", "u04", "u05"]),
                                 minimumGold: 25, f1: 0.62, precision: 0.67, recall: 0.58,
                                 articles: [("u01", 0.66), ("u02", 0.63), ("u03", 0.46), ("u04", 0.53), ("u05", 0.72)])

    /// v01–v05 (Fixtures/heldout11: an IT band syndrome explainer on a news site's AMP page, a
    /// patellar tendinopathy case report in Markdown, a runner's knee quiz, a knee valgus A–Z
    /// glossary as a definition list, a physio's discharge letter on IT band syndrome as plain
    /// text): 0.601 honest, 0.651 after general rules.
    static let v = HeldoutFloors(name: "v-set", set: HeldoutSet(fixtures: "heldout11", ids: ["v01", "v02", "v03", "v04", "v05"]),
                                 minimumGold: 25, f1: 0.63, precision: 0.70, recall: 0.57,
                                 articles: [("v01", 0.68), ("v02", 0.57), ("v03", 0.69), ("v04", 0.57), ("v05", 0.58)])

    static let all = [g, k, m, n, p, q, r, s, t, u, v]
}

@Suite("Extraction on the held-out sets")
struct HeldoutSetTests {
    @Test("every article is read and gives claims", arguments: HeldoutFloors.all)
    func articlesRead(_ floors: HeldoutFloors) {
        #expect(floors.set.unread.isEmpty, "\(floors.name): no claims from \(floors.set.unread)")
    }

    @Test("micro F1, precision and recall stay at or above the set's floors", arguments: HeldoutFloors.all)
    func micro(_ floors: HeldoutFloors) throws {
        let total = try floors.set.micro(minimumGold: floors.minimumGold)
        #expect(total.f1 >= floors.f1, "\(floors.name): micro F1 \(total.f1): gold \(total.gold) extracted \(total.extracted) matched \(total.matched)")
        #expect(total.precision >= floors.precision && total.recall >= floors.recall, "\(floors.name): P \(total.precision) R \(total.recall)")
    }

    @Test("each article's F1 stays above its floor", arguments: HeldoutFloors.all)
    func perArticle(_ floors: HeldoutFloors) throws {
        #expect(floors.articles.map(\.id) == floors.set.ids, "\(floors.name): a floor for every article")
        for (id, floor) in floors.articles {
            let c = try floors.set.counts(id, minimumGold: floors.minimumGold)
            #expect(c.f1 >= floor, "\(id): F1 \(c.f1) (P \(c.precision) R \(c.recall))")
        }
    }

    @Test("the scorer matches score.py's normalisation")
    func scorerNormalisation() {
        #expect(GoldScorer.tokens("Weak glutes") == ["weaknes", "gluteu"])
        #expect(GoldScorer.tokens("foam rolling the IT band") == ["foam", "roll", "iliotibial", "band"])
        #expect(GoldScorer.tokenF1("knee valgus", "valgus knee") == 1)
        #expect(GoldScorer.tokenF1("complete rest", "relative rest") == 0.5)
    }
}
