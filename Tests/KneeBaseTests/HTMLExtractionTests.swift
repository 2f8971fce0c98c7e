import Foundation
import Testing
@testable import KneeBase

/// Main-text extraction from whole HTML pages: exactly the article's blocks, none of
/// the page furniture.
@Suite("HTML main-text extraction")
struct HTMLExtractionTests {
    struct ExpectedBlock: Equatable, CustomStringConvertible {
        var kind: Block.Kind
        var text: String
        var description: String { "\(kind.rawValue): \(text)" }
    }

    static func blocks(of document: Document) -> [ExpectedBlock] {
        document.blocks.map { ExpectedBlock(kind: $0.kind, text: $0.text) }
    }

    static let question = "I’m training for my first marathon this year and have started to experience some knee problems with my increased training volume. The pain is on the inside of my right knee, which becomes very tender and swollen after running. The therapists I have seen told me it was Patellofemoral Pain Syndrome and gave me mini-squat exercises and some stretches to strengthen the inside of my thigh, but they only seem to make it worse."

    static let answer = "Knee pain is a common and debilitating condition for recreational and elite runners. Patellofemoral Pain Syndrome (PFPS) is an umbrella term referring to general knee pain and dysfunction around the knee cap. Chronic inflammatory conditions like this can be present unilaterally (on one side of the body) or bilaterally (on both sides of the body). Since many of the muscles and tendons attaching to the knee originate from the hip and pelvis, it is important to assess the pelvis when evaluating these injuries. Pelvic misalignment and associated muscle imbalances can cause changes in mechanics at the knee, resulting in increased wear and tear of the knee, such as behind the patella or at the knee tendon attachments (pes anserine attachment). There is also logical reason as to why the mini squat exercises are exacerbating your knee pain. The exercise is meant to strengthen the Vastus Medialis muscle which in theory is suppose to \"fix\" how the knee cap tracks which should reduce the friction that the knee cap is experiencing. New studies have shown that the vastus medialis is not fascially attached to the knee cap and actually does not change how it tracks. The exercise may in turn create more pressure onto the knee cap and the surrounding bursa. At Evolution Sport Therapy, we tackle this issue via multiple fronts. Neutral pelvic alignment must be achieved , then active release technique and myofascial release where the Quad (front Thigh muscle) attaches onto the knee cap to relieve the pressure on the knee cap. Then strengthening the glut med and hamstring muscles to help stabilize the pelvis and knee to make sure your body can withstand the rigours of running."

    @Test("001: the Ask-a-Pro page yields exactly its Q&A, once")
    func askAProBlocks() throws {
        let document = try Ingest.file(try Repo.article("001")).requireDocument()
        #expect(document.format == .html)
        let expected: [ExpectedBlock] = [
            .init(kind: .paragraph, text: "Ask A Pro, Get Answers"),
            .init(kind: .heading, text: "Running Knee Pain"),
            .init(kind: .paragraph, text: "Q:"),
            .init(kind: .paragraph, text: Self.question),
            .init(kind: .paragraph, text: "A:"),
            .init(kind: .paragraph, text: Self.answer),
            .init(kind: .paragraph, text: "Jonathan Sun BPE, CAT(C)"),
            .init(kind: .paragraph, text: "Certified Athletic Therapist"),
        ]
        #expect(Self.blocks(of: document) == expected)
        #expect(document.blocks[1].level == 1)
        #expect(document.blocks.map(\.range.line) == [54, 55, 58, 59, 60, 61, 63, 64])
        #expect(document.metadata.title == "Running Knee Pain")
        #expect(document.metadata.language == "en")
        #expect(document.metadata.url == "https://www.evolutionsporttherapy.com/ask-a-pro/running-knee-pain")
        // Every sentence after the heading sits under it.
        for sentence in document.sentences.dropFirst(2) {
            #expect(document.headingPath(of: sentence) == ["Running Knee Pain"])
        }
    }

    @Test("002: the Webnode blog page yields exactly its article")
    func hipStrengtheningBlocks() throws {
        let document = try Ingest.file(try Repo.article("002")).requireDocument()
        let expected: [ExpectedBlock] = [
            .init(kind: .heading, text: "Hip Strengthening for Knee Pain in Runners"),
            .init(kind: .paragraph, text: "This is the headline for the latest patellofemoral (knee) pain research study published in the Journal of Sports Physical Therapy (JOSPT). In this recent randomized clinical trial, the authors concluded that initial hip strengthening may allow an earlier dissipation of pain than exercises focused on the quadriceps (thigh muscle). In recent years, physical therapy research has demonstrated that control of the femur (thighbone) from the hips has a greater effect on knee pain than the quadriceps at the actual knee joint."),
            .init(kind: .heading, text: "Knee pain in Runners"),
            .init(kind: .paragraph, text: "Knee pain in runners is often a result of weakness in the gluteus medius and maximus muscles Landing on one leg requires eccentric control of these muscles, against approximately 2.5 times one's body weight...for each step! If the hip musculature is weak, it is unable to decelerate the femur from internally rotating and adducting (coming in towards midline). Thus, the femur becomes misaligned under the patella (kneecap) and rubs the contact surfaces of the bones. The wearing causes inflammation and pain."),
            .init(kind: .heading, text: "Patella Femoral Syndrome in Runners Correct Incorrect"),
            .init(kind: .paragraph, text: "The patella is the kneecap. The femur is the thighbone, and the rubbing of the two undersides of the bones is what is referred to as patellofemoral syndrome, or Runner's Knee. Pain is commonly felt under the kneecap and as an ache about the front of the knee."),
            .init(kind: .heading, text: "Hip Strengthening for Runners"),
            .init(kind: .paragraph, text: "As mentioned in the above study, results showed that performing hip strengthening exercises prior to quadriceps (or knee specific) strengthening exercises was more effective for solving knee pain quicker. So strengthen your hips, to align your legs properly, then move on to the knees!"),
            .init(kind: .paragraph, text: "So if you need a consultation or to request more information about foot injury - call 804-396-6753 or email info@rvaphysicaltherapy.com. Link to their website is here."),
        ]
        #expect(Self.blocks(of: document) == expected)
        #expect(document.blocks.map(\.level) == [1, 0, 2, 0, 2, 0, 2, 0, 0])
        #expect(document.blocks.map(\.range.line) == [57, 59, 60, 61, 65, 66, 67, 68, 69])
        #expect(document.sentences.map(\.text).suffix(3) == [
            "So strengthen your hips, to align your legs properly, then move on to the knees!",
            "So if you need a consultation or to request more information about foot injury - call 804-396-6753 or email info@rvaphysicaltherapy.com.",
            "Link to their website is here.",
        ])
        #expect(document.metadata.title == "Hip Strengthening for Knee Pain in Runners")
        #expect(document.metadata.kind == "article")
        let wearing = try #require(document.sentences.first { $0.text == "The wearing causes inflammation and pain." })
        #expect(document.headingPath(of: wearing) == ["Hip Strengthening for Knee Pain in Runners", "Knee pain in Runners"])
    }

    /// Words and lines of page furniture that must never become sentences.
    static let furniture = [
        "newsletter", "sign up", "subscribe", "cookie", "©", "copyright", "all rights reserved", "powered by",
        "create your website", "get started", "create your own", "email address", "webnode",
    ]
    static let navigation: Set<String> = [
        "Home", "About Us", "Services & Rates", "Ask A Pro", "Book Online", "Contact", "Blog", "Health & Fitness",
        "Evolution Sport Therapy", "Peter Banx blog", "Newsletter Signup", "Email",
    ]

    @Test("no boilerplate among the sentences of the HTML articles", arguments: ["001", "002"])
    func noBoilerplate(_ prefix: String) throws {
        let document = try Ingest.file(try Repo.article(prefix)).requireDocument()
        for sentence in document.sentences {
            let lower = sentence.text.lowercased()
            for phrase in Self.furniture {
                #expect(!lower.contains(phrase), "boilerplate “\(phrase)” in sentence “\(sentence.text.prefix(60))”")
            }
            #expect(!Self.navigation.contains(sentence.text), "navigation “\(sentence.text)” taken as a sentence")
        }
        // Nothing from before the article's first line or after its last.
        let lines = document.sentences.map(\.range.line)
        #expect(lines.min() ?? 0 >= (prefix == "001" ? 54 : 57))
        #expect(lines.max() ?? 0 <= (prefix == "001" ? 64 : 69))
    }

    @Test("a wiki heading's [edit] link is furniture: headings read 'Causes', 'References' (so the reference list is known as one)")
    func wikiEditLinks() throws {
        let html = """
            <html><body><main><h1>Runner's knee</h1>
            <h2><span class="mw-headline" id="Causes">Causes</span><span class="mw-editsection"><span class="mw-editsection-bracket">[</span><a href="/w/index.php?action=edit">edit</a><span class="mw-editsection-bracket">]</span></span></h2>
            <p>Weak glutes are a cause.</p>
            <h2><span class="mw-headline" id="References">References</span><span class="mw-editsection">[<a href="/w/index.php?action=edit">edit</a>]</span></h2>
            <ol class="references"><li>Smith J (2018). "Weak glutes and knee pain: a review". Sports Review.</li></ol>
            </main></body></html>
            """
        let document = try Ingest.text(html, format: .html).requireDocument()
        #expect(document.blocks.filter { $0.kind == .heading }.map(\.text) == ["Runner's knee", "Causes", "References"])
    }

    @Test("the copyright line inside <main> is reported as boilerplate")
    func boilerplateIsReported() throws {
        let ingested = Ingest.file(try Repo.article("001"))
        let document = try ingested.requireDocument()
        let boilerplate = document.excluded.filter { $0.reason == .boilerplate }
        #expect(boilerplate.map(\.text) == ["© Copyright Evolution Sport Therapy 2022."])
        #expect(boilerplate.first?.range.line == 117)
        let notes = ingested.diagnostics.filter { $0.id == "ingest.boilerplate" }
        #expect(notes.count == 1)
        #expect(notes.first?.severity == .note)
        #expect(notes.first?.line == 117)
    }

    @Test("a page without <main> loses its cookie banner, nav, share bar, newsletter, related posts, comments, aside and footer")
    func furniturePage() throws {
        let document = try Ingest.file(Repo.fixture("html/furniture.html")).requireDocument()
        let expected: [ExpectedBlock] = [
            .init(kind: .heading, text: "IT Band Pain"),
            .init(kind: .paragraph, text: "IT band syndrome causes pain on the outside of the knee. It is common in runners."),
            .init(kind: .heading, text: "Exercises"),
            .init(kind: .listItem, text: "Clamshells, 3 sets of 15"),
            .init(kind: .listItem, text: "Side planks"),
            .init(kind: .tableCell, text: "Exercise"),
            .init(kind: .tableCell, text: "Sets"),
            .init(kind: .tableCell, text: "Hip hikes"),
            .init(kind: .tableCell, text: "3"),
            .init(kind: .quote, text: "Strong hips make happy knees."),
        ]
        #expect(Self.blocks(of: document) == expected)
        #expect(document.metadata.title == "IT Band Pain")
        #expect(document.metadata.author == "A. Physio")
        #expect(document.metadata.publisher == "Knee Clinic")
        #expect(document.metadata.date == "2023-04-01")
        #expect(document.metadata.url == "https://knee.example/it-band")
        #expect(document.metadata.language == "en-GB")
        let hikes = try #require(document.sentences.first { $0.text == "Hip hikes" })
        #expect(document.headingPath(of: hikes) == ["IT Band Pain", "Exercises"])
    }

    @Test("a page builder's `elementor-widget-container` wrappers hold the article; a sidebar's `widget` is furniture")
    func pageBuilderWidgets() throws {
        let document = try Ingest.file(Repo.fixture("html/page-builder.html")).requireDocument()
        let expected: [ExpectedBlock] = [
            .init(kind: .heading, text: "Jumper's knee"),
            .init(kind: .paragraph, text: "Pain just below the kneecap is the main sign."),
        ]
        #expect(Self.blocks(of: document) == expected)
    }

    @Test("lines after <br> that open with a bullet are list items; the line after the last starts a paragraph")
    func breakBullets() throws {
        let url = Repo.fixture("html/br-bullets.html")
        let document = try Ingest.file(url).requireDocument()
        let expected: [ExpectedBlock] = [
            .init(kind: .heading, text: "Jumper's knee"),
            .init(kind: .paragraph, text: "Other things people tell us:"),
            .init(kind: .listItem, text: "• pain when squatting"),
            .init(kind: .listItem, text: "• stiffness in the morning"),
            .init(kind: .paragraph, text: "What I'd do:"),
            .init(kind: .listItem, text: "- rest for a week"),
            .init(kind: .listItem, text: "- ice after runs"),
            .init(kind: .paragraph, text: "Six weeks is tight – but doable."),
        ]
        #expect(Self.blocks(of: document) == expected)
        let source = try SourceText(contentsOf: url)
        for sentence in document.sentences {
            PositionCheck.verify(sentence.text, at: sentence.range, in: source, format: .html, what: "sentence")
        }
    }

    @Test("an HTML fragment (no <html>, no <body>) is read")
    func fragment() throws {
        let url = Repo.fixture("html/fragment.html")
        let document = try Ingest.file(url).requireDocument()
        let expected: [ExpectedBlock] = [
            .init(kind: .heading, text: "Patellar taping"),
            .init(kind: .paragraph, text: "Taping can reduce pain in the short term. It is not a cure."),
            .init(kind: .listItem, text: "Clean the skin"),
            .init(kind: .listItem, text: "Apply the tape"),
            .init(kind: .listItem, text: "McConnell taping"),
            .init(kind: .listItem, text: "Pulls the kneecap inwards."),
        ]
        #expect(Self.blocks(of: document) == expected)
        #expect(document.metadata.title == "Patellar taping")
        let source = try SourceText(contentsOf: url)
        for sentence in document.sentences {
            PositionCheck.verify(sentence.text, at: sentence.range, in: source, format: .html, what: "sentence")
        }
    }

    @Test("a byline or signature names the author when no <meta> does; the innermost one, not a biography")
    func bylines() throws {
        let signature = """
            <html><body><article><h1>Knee pain</h1><p>Ice helps.</p>
            <div class="signature"><p class="signature-name">Jonathan Sun BPE, CAT(C)</p><p class="signature-title">Certified Athletic Therapist</p></div>
            </article></body></html>
            """
        #expect(Ingest.text(signature, format: .html).document?.metadata.author == "Jonathan Sun BPE, CAT(C)")
        // The signature's text stays in the article.
        #expect(Ingest.text(signature, format: .html).sentences.contains("Jonathan Sun BPE, CAT(C)"))
        let by = "<html><body><p class=\"byline\">By <a rel=\"author\" href=\"/jo\">Jo Park</a></p><p>Rest helps.</p></body></html>"
        #expect(Ingest.text(by, format: .html).document?.metadata.author == "Jo Park")
        let meta = "<html><head><meta name=\"author\" content=\"A. Physio\"></head><body><p class=\"byline\">By Jo Park</p><p>Rest helps.</p></body></html>"
        #expect(Ingest.text(meta, format: .html).document?.metadata.author == "A. Physio")
        let bio = "<html><body><p>Rest helps.</p><div class=\"author\">Jo Park has coached runners for twenty years and writes about knees, hips and the odd marathon.</div></body></html>"
        #expect(Ingest.text(bio, format: .html).document?.metadata.author == nil)
    }

    @Test("entities are decoded")
    func entities() throws {
        let html = "<p>Ice &amp; rest&nbsp;&mdash; don&#8217;t &#x201C;run&#x201D; &lt;3 &eacute;t&eacute;.</p>"
        let ingested = Ingest.text(html, format: .html)
        #expect(ingested.sentences == ["Ice & rest\u{A0}— don’t “run” <3 été."])
        let sentence = try #require(ingested.document?.sentences.first)
        #expect(sentence.range.start == 3 && sentence.range.end == html.utf8.count - 4)
    }

    @Test("a declared charset is honoured and positions stay in the original bytes",
          arguments: [("iso-8859-1", [UInt8]([0xE9]), "é"), ("windows-1252", [0x93, 0x94], "“”")])
    func declaredCharset(_ charset: String, _ encoded: [UInt8], _ decoded: String) throws {
        var bytes = Array("<html><head><meta charset=\"\(charset)\"></head><body><p>Caf".utf8)
        bytes += encoded
        bytes += Array(" time. Then the knee ".utf8) + encoded + Array(" hurt.</p></body></html>".utf8)
        let document = try Ingest.bytes(bytes, format: .html).requireDocument()
        #expect(document.sentences.map(\.text) == ["Caf\(decoded) time.", "Then the knee \(decoded) hurt."])
        let second = document.sentences[1]
        let expectedStart = try #require(bytes.indices.first { bytes[$0...].starts(with: Array("Then".utf8)) })
        #expect(second.range.start == expectedStart)
        #expect(second.range.end == expectedStart + "Then the knee ".utf8.count + encoded.count + " hurt.".utf8.count)
    }

    @Test("a UTF-8 byte-order mark is skipped")
    func byteOrderMark() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("<p>Knee pain is common.</p>".utf8)
        let document = try Ingest.bytes(bytes, format: .html).requireDocument()
        #expect(document.sentences.map(\.text) == ["Knee pain is common."])
        #expect(document.sentences.first?.range.start == 6)
    }

    @Test("a page with no article text gets a warning, not a crash")
    func noMainContent() {
        let ingested = Ingest.text("<html><body><nav><a href=/>Home</a></nav><script>x()</script></body></html>", format: .html)
        #expect(ingested.ids.contains("ingest.html.no-main-content"))
        #expect(ingested.sentences.isEmpty)
    }

    @Test("furniture attributes are read in any case, in ASCII values and others")
    func furnitureAttributes() throws {
        let html = """
        <html lang="en"><head><link rel="CANONICAL" href="https://knee.example/a"><meta name="Author" content="Ana Ruiz"></head><body>
        <div role="MAIN">
        <p>Kept one.</p>
        <p aria-hidden="true">Hidden by aria.</p>
        <p aria-hidden="false">Kept two.</p>
        <div role="Navigation"><p>Navigation text.</p></div>
        <div style="Display : None"><p>Styled away.</p></div>
        <div class="Site-Newsletter box"><p>Newsletter text.</p></div>
        <div class="newsletter-ü"><p>Newsletter text again.</p></div>
        <div id="café-sidebar"><p>Sidebar text.</p></div>
        <div class="café"><p>Kept three.</p></div>
        </div>
        <p>Outside main.</p>
        </body></html>
        """
        let document = try Ingest.text(html, format: .html).requireDocument()
        #expect(document.blocks.map(\.text) == ["Kept one.", "Kept two.", "Kept three."])
        #expect(document.metadata.url == "https://knee.example/a")
        #expect(document.metadata.author == "Ana Ruiz")
        #expect(document.metadata.language == "en")
    }

    @Test("a tab panel hidden until its tab is chosen is read; other hidden parts are not")
    func hiddenTabPanels() throws {
        let html = """
        <html><body><main>
        <ul role="tablist"><li><a role="tab" href="#a">Overview</a></li></ul>
        <section role="tabpanel" id="a"><p>Shown panel.</p></section>
        <section role="TabPanel" id="b" hidden><h2>Symptoms</h2><p>Hidden panel.</p></section>
        <section role="tabpanel" id="c" style="display: none"><p>Styled panel.</p></section>
        <div hidden><p>Hidden box.</p></div>
        <div class="modal" aria-hidden="true"><p>Hidden modal.</p></div>
        </main></body></html>
        """
        let document = try Ingest.text(html, format: .html).requireDocument()
        #expect(document.blocks.map(\.text) == ["Overview", "Shown panel.", "Symptoms", "Hidden panel.", "Styled panel."])
    }
}
