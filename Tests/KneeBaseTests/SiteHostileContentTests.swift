import Foundation
import Testing
@testable import KneeBase

/// Scripts, event handlers, `javascript:`/`data:` URLs and iframes in articles, front
/// matter and the lexicon never reach a page as markup.
@Suite struct SiteHostileContentTests {
    static let payloads = [
        "<script>alert('x')</script>", "<img src=x onerror=alert(1)>", "<iframe src=\"javascript:alert(2)\"></iframe>",
        "<svg onload=alert(3)><script>alert(4)</script></svg>", "<a href=\"javascript:alert(5)\">click</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCg2KTwvc2NyaXB0Pg==\">data</a>", "</script><script>alert(7)</script>",
        "\" onmouseover=\"alert(8)", "<object data=\"x.swf\"></object>", "<embed src=\"x\">", "<style>body{display:none}</style>",
    ]

    static func hostileContent(_ dir: URL) throws -> URL {
        let content = dir.appendingPathComponent("content")
        let all = payloads.joined(separator: " ")
        try content.write("""
        ---
        title: "Runner's knee <script>alert('title')</script>"
        author: "<img src=x onerror=alert('author')>"
        publisher: "</script><script>alert('pub')</script>"
        url: "javascript:alert('url')"
        kind: blog
        ---

        # Runner's knee and squats <script>alert('h1')</script>

        Squatting can cause runner's knee. \(all)

        <script>alert('block')</script>

        <iframe src="https://evil.example/"></iframe>

        [Click me](javascript:alert('md-link')) and ![img](data:text/html,<script>alert(1)</script>) and <a href="data:text/html,x" onclick="alert(1)">x</a>.

        - Foam rolling helps runner's knee. <b onmouseover="alert(1)">bold</b>
        - Strengthening the hips helps runner's knee \u{202E}txt.exe

        > Quoted <script>alert('quote')</script> text.
        """, to: "articles/evil.md")
        try content.write("""
        <html><head><title>Evil page <script>alert('t')</script></title>
        <meta name="author" content="&lt;script&gt;alert(1)&lt;/script&gt;">
        <script>alert('head')</script></head>
        <body onload="alert('body')"><article>
        <h1 onclick="alert(1)">Knee pain <img src=x onerror=alert(1)></h1>
        <p>Runner's knee is often caused by overtraining. <script>alert('p')</script><iframe src="javascript:alert(1)"></iframe></p>
        <p><a href="javascript:alert('a')">Squats</a> may help runner's knee. <svg><script>alert('svg')</script></svg></p>
        <p style="background:url(javascript:alert(1))">Rest helps. &lt;script&gt;alert('escaped')&lt;/script&gt;</p>
        </article></body></html>
        """, to: "articles/evil.html")
        try content.write("""
        kind: condition
        entities:
          - id: ../../../escaped-condition
            name: "runner's knee </script><script>alert('lexicon')</script>"
            aliases: [runner's knee, "<img src=x onerror=alert('alias')>"]
            description: "Pain <script>alert('desc')</script> around the kneecap."
        """, to: "lexicon/conditions.yml")
        try content.write("""
        kind: treatment
        entities:
          - id: squats
            name: squats
            aliases: [squat, squatting]
            description: A leg exercise.
          - id: foam-rolling
            name: foam rolling
            description: "javascript:alert('x')"
        """, to: "lexicon/treatments.yml")
        try content.write("kind: cause\nentities:\n  - id: overtraining\n    name: overtraining\n", to: "lexicon/causes.yml")
        return content
    }

    @Test func noContentBecomesMarkup() throws {
        try withTemporaryDirectory { dir in
            let site = try BuiltSite.build(try Self.hostileContent(dir))
            let pages = site.files(suffix: ".html")
            #expect(pages.count > 10)
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("escaped-condition.html").path))
            #expect(site.files().allSatisfy { !$0.contains("..") })
            var sawPayloadText = false
            for page in pages {
                let html = site.read(page)
                if html.contains("alert(") { sawPayloadText = true }
                for tag in HTMLScan.tags(html) {
                    #expect(!["iframe", "object", "embed", "img", "style", "frame", "base", "form"].contains(tag.name) || (tag.name == "form" && tag.attribute("action")?.hasSuffix("search/index.html") == true) || (tag.name == "form" && tag.attribute("action") == "index.html"),
                            "\(page): <\(tag.name)>")
                    if tag.name == "script" {
                        let ok = tag.attribute("type") == "application/ld+json" || (tag.attribute("src")?.hasSuffix("assets/search.js") == true && tag.attributes.count == 2)
                        #expect(ok, "\(page): script \(tag.attributes)")
                    }
                    for (name, value) in tag.attributes {
                        #expect(!name.hasPrefix("on"), "\(page): <\(tag.name) \(name)=…>")
                        #expect(name != "style", "\(page): style attribute")
                        let v = value.lowercased().trimmingCharacters(in: .whitespaces)
                        if ["href", "src", "action", "cite", "xlink:href"].contains(name) {
                            #expect(!v.hasPrefix("javascript:") && !v.hasPrefix("data:") && !v.hasPrefix("vbscript:"), "\(page): \(name)=\(value)")
                        }
                    }
                }
                // JSON-LD never closes its script early.
                for block in html.components(separatedBy: "<script type=\"application/ld+json\">").dropFirst() {
                    let body = block.components(separatedBy: "</script>")[0]
                    #expect(!body.contains("<") && !body.contains(">"), "\(page): JSON-LD with markup characters")
                    #expect((try? JSONSerialization.jsonObject(with: Data(body.utf8))) != nil, "\(page): JSON-LD does not parse")
                }
            }
            #expect(sawPayloadText, "the hostile text should still be shown, as text")
            // The hostile URL is shown as text, not as a link.
            let source = site.read("sources/evil.html") + site.read("sources/evil-2.html")
            #expect(source.contains("javascript:alert(&#39;url&#39;)"))
        }
    }

    @Test(arguments: [("../../x", "x"), ("a/../../b", "a-b"), ("Runner’s Knee!", "runner-s-knee"), ("", "item"), ("...", "item"), ("page-2", "page-2")])
    func slugsStayInsideTheirFolder(_ input: String, _ expected: String) {
        #expect(SitePaths.slug(input) == expected)
    }

    @Test func reservedAndCollidingSlugsAreRenamed() {
        let entities = [Entity(id: "index", kind: .condition, name: "i"), Entity(id: "Index", kind: .condition, name: "j"),
                        Entity(id: "page-2", kind: .condition, name: "p")]
        let paths = SitePaths(entities: entities, documents: [])
        let all = entities.compactMap { paths.entity($0.id) }
        #expect(Set(all).count == 3)
        #expect(!all.contains("conditions/index.html") && !all.contains("conditions/page-2.html"))
    }

    @Test(arguments: ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "vbscript:x", "//evil.example", "http://a b", "https://x\u{0}y"])
    func unsafeURLsAreNotLinked(_ url: String) {
        #expect(HTML.safeExternalURL(url) == nil)
    }

    @Test func webURLsAreLinked() {
        #expect(HTML.safeExternalURL(" https://example.org/a?b=c ") == "https://example.org/a?b=c")
        #expect(HTML.escape("<a href=\"x\" title='y'>&</a>") == "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;")
    }
}
