import Foundation
import Testing
@testable import KneeBase

/// The site built from the repository's content: pages, links, anchors, structure.
@Suite struct SiteRenderTests {
    let site = BuiltSite.content

    @Test func writesEveryKindOfPage() throws {
        for page in ["index.html", "404.html", "sitemap.xml", "search/index.html", "graph/index.html", "audit/index.html",
                     "sources/index.html", "conditions/index.html", "symptoms/index.html", "causes/index.html",
                     "treatments/index.html", "anatomy/index.html", "assets/style.css", "assets/search.js", "search/meta.json",
                     "conditions/patellofemoral-pain-syndrome.html", "sources/000-patellar-valgus.html"] {
            #expect(site.exists(page), "missing \(page)")
        }
        let sources = site.files(suffix: ".html").filter { $0.hasPrefix("sources/") && $0 != "sources/index.html" }
        #expect(sources.count == Repo.articleNames.count)
    }

    /// Every internal link and asset reference resolves to a file, and every `#fragment` to an id on it.
    @Test func noBrokenInternalLinks() throws {
        var ids: [String: Set<String>] = [:]
        var broken: [String] = []
        var checked = 0
        for page in site.files(suffix: ".html") {
            let html = site.read(page)
            let base = URL(fileURLWithPath: "/" + page)
            for tag in HTMLScan.tags(html) {
                for attr in ["href", "src"] {
                    guard let ref = tag.attribute(attr), !ref.isEmpty else { continue }
                    if ref.hasPrefix("http://") || ref.hasPrefix("https://") { continue }
                    #expect(!ref.hasPrefix("/"), "absolute link \(ref) in \(page)")
                    #expect(!ref.contains(":"), "link with a scheme \(ref) in \(page)")
                    let parts = ref.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                    let pathPart = parts[0].split(separator: "?").first.map(String.init) ?? ""
                    let target = pathPart.isEmpty ? page : String(URL(fileURLWithPath: pathPart, relativeTo: base).standardizedFileURL.path.dropFirst())
                    checked += 1
                    guard site.exists(target) else { broken.append("\(page): \(ref)"); continue }
                    if parts.count == 2, !parts[1].isEmpty, target.hasSuffix(".html") {
                        if ids[target] == nil { ids[target] = HTMLScan.ids(site.read(target)) }
                        if !(ids[target]!.contains(parts[1])) { broken.append("\(page): \(ref) (no such anchor)") }
                    }
                }
            }
        }
        #expect(checked > 1000)
        #expect(broken.isEmpty, "broken links: \(broken.prefix(20))")
    }

    /// Quoted evidence links to the very sentence it quotes.
    @Test func evidenceLinksToTheQuotedSentence() throws {
        let page = site.read("conditions/patellofemoral-pain-syndrome.html")
        let quotes = page.components(separatedBy: "<blockquote cite=\"").dropFirst()
        #expect(quotes.count >= 10)
        for q in quotes.prefix(40) {
            let href = String(q.prefix { $0 != "\"" })
            let text = TextNormal.decodingEntities(String(q.components(separatedBy: "<p>")[1].prefix { $0 != "<" }))
            let parts = href.split(separator: "#").map(String.init)
            let target = String(URL(fileURLWithPath: parts[0], relativeTo: URL(fileURLWithPath: "/conditions/x.html")).standardizedFileURL.path.dropFirst())
            let source = site.read(target)
            let start = try #require(source.range(of: "id=\"\(parts[1])\">"), "no anchor \(href)")
            let end = try #require(source.range(of: "</", range: start.upperBound..<source.endIndex))
            let sentence = TextNormal.strippingMarkup(String(source[start.upperBound..<end.lowerBound]))
            #expect(text.hasPrefix(sentence) || sentence == text, "\(href): “\(sentence)” is not “\(text)”")
        }
    }

    @Test func everyPageHasOneH1LandmarksAndCSP() throws {
        for page in site.files(suffix: ".html") {
            let tags = HTMLScan.tags(site.read(page))
            #expect(tags.filter { $0.name == "h1" }.count == 1, "\(page) has \(tags.filter { $0.name == "h1" }.count) h1")
            #expect(tags.contains { $0.name == "main" && $0.attribute("id") == "main" }, "\(page) has no main")
            #expect(tags.contains { $0.name == "nav" }, "\(page) has no nav")
            #expect(tags.contains { $0.name == "html" && $0.attribute("lang") == "en" })
            let csp = try #require(tags.first { $0.attribute("http-equiv") == "Content-Security-Policy" }?.attribute("content"), "\(page) has no CSP")
            #expect(csp.contains("default-src 'none'") && csp.contains("script-src 'self'") && !csp.contains("unsafe"))
            // Headings never skip a level.
            var last = 1
            for t in tags where t.name.count == 2 && t.name.hasPrefix("h") {
                guard let level = Int(t.name.dropFirst()) else { continue }
                #expect(level <= last + 1, "\(page): h\(level) after h\(last)")
                last = level
            }
        }
    }

    @Test func conditionPageHasRelationsEvidenceGraphAndJSONLD() throws {
        let page = site.read("conditions/patellofemoral-pain-syndrome.html")
        for section in ["id=\"symptom\"", "id=\"cause\"", "id=\"treatment\"", "class=\"neighbourhood\"", "<svg", "role=\"group\""] {
            #expect(page.contains(section), "no \(section)")
        }
        let json = try #require(page.components(separatedBy: "<script type=\"application/ld+json\">").dropFirst().first?.components(separatedBy: "</script>").first)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["@context"] as? String == "https://schema.org")
        #expect(object["@type"] as? String == "MedicalCondition")
        #expect(object["name"] as? String == "patellofemoral pain syndrome")
        #expect((object["alternateName"] as? [String])?.contains("runner's knee") == true)
        let treatments = try #require(object["possibleTreatment"] as? [[String: Any]])
        #expect(!treatments.isEmpty)
        #expect(treatments.allSatisfy { $0["name"] is String && $0["@type"] is String })
        #expect(object["signOrSymptom"] is [[String: Any]])
        // The page's node is the one of data/graph.jsonld, and so are the related nodes.
        #expect(object["@id"] as? String == "../data/graph.jsonld#patellofemoral-pain-syndrome")
        #expect(treatments.allSatisfy { ($0["@id"] as? String)?.hasPrefix("../data/graph.jsonld#") == true })
    }

    @Test func sourcePageHighlightsClaimSentencesAndLinksEntities() throws {
        let page = site.read("sources/000-patellar-valgus.html")
        let marks = page.components(separatedBy: "<mark class=\"claim\" id=\"s").count - 1
        #expect(marks >= 10)
        #expect(page.contains("href=\"../conditions/patellar-valgus.html\""))
        #expect(page.contains("<dt>Publisher</dt><dd>healthorn</dd>"))
        // Sentences are numbered from 0 and every sentence has its anchor.
        for i in 0..<20 { #expect(page.contains("id=\"s\(i)\""), "no anchor s\(i)") }
    }

    @Test func sitemapListsEveryPageRelatively() throws {
        let xml = site.read("sitemap.xml")
        #expect(xml.hasPrefix("<?xml"))
        let locs = xml.components(separatedBy: "<loc>").dropFirst().map { String($0.prefix { $0 != "<" }) }
        let pages = site.files(suffix: ".html").filter { $0 != "404.html" }
        #expect(Set(locs) == Set(pages))
    }

    @Test func sitemapWithABaseURLListsAbsoluteLocations() throws {
        let pages = ["index.html", "conditions/a&b.html"]
        let xml = String(decoding: Sitemap.xml(pages, baseURL: "https://example.org/kb"), as: UTF8.self)
        #expect(xml.contains("<loc>https://example.org/kb/index.html</loc>"))
        #expect(xml.contains("<loc>https://example.org/kb/conditions/a&amp;b.html</loc>"))
        #expect(Sitemap.problem(withBaseURL: "https://example.org/kb/") == nil)
        #expect(Sitemap.problem(withBaseURL: "http://localhost:8080/") == nil)
        for bad in ["example.org/kb", "ftp://example.org/", "https://", "https://example.org/?q=1", "javascript:alert(1)"] {
            #expect(Sitemap.problem(withBaseURL: bad) != nil, "\(bad) accepted")
        }
    }

    @Test func searchIndexIsShardedWithAliasesAndFragments() throws {
        let meta = try #require(try JSONSerialization.jsonObject(with: Data(site.read("search/meta.json").utf8)) as? [String: Any])
        let shards = try #require(meta["shards"] as? [String])
        let docs = try #require(meta["docs"] as? Int)
        // Question words map (by stem, as search.js stems a query) to the section they ask for.
        let asks = try #require(meta["asks"] as? [String: String])
        let tokenizer = Tokenizer(stemmer: Stemmer())
        for (word, section) in [("exercises", "treatment"), ("symptoms", "symptom"), ("avoid", "not-recommended"), ("risk", "risk-factor")] {
            let stem = try #require(tokenizer.tokens(word).first?.stem)
            #expect(asks[stem] == section, "\(word) → \(asks[stem] ?? "nothing")")
        }
        #expect(shards.first == "" && shards == shards.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        #expect(site.files(suffix: ".bin").count == shards.count)
        #expect(site.files(suffix: ".json").filter { $0.hasPrefix("search/f/") }.count == docs)
        // The shard holding "squat" has its postings, and the alias "runner knee".
        let squat = SearchIndexWriter.shard(of: "squat", shards)
        let bytes = [UInt8](try Data(contentsOf: site.root.appendingPathComponent("search/i/\(squat).bin")))
        #expect(String(decoding: bytes, as: UTF8.self).contains("squat"))
        let runner = SearchIndexWriter.shard(of: "runner", shards)
        let aliasShard = String(decoding: try Data(contentsOf: site.root.appendingPathComponent("search/i/\(runner).bin")), as: UTF8.self)
        #expect(aliasShard.contains("runner") && aliasShard.contains("knee"))
        // Every shard stays small enough for a first query to be cheap (one term may exceed it).
        for f in site.files(suffix: ".bin") {
            let size = (try FileManager.default.attributesOfItem(atPath: site.root.appendingPathComponent(f).path)[.size] as? Int) ?? 0
            #expect(size < 64 * 1024, "\(f) is \(size) bytes")
        }
    }

    @Test("a condition's search fragment lists the first entries of each section, most sources first, as its page does")
    func conditionFragmentsCarryTheirSectionsFirstEntries() throws {
        let meta = try #require(try JSONSerialization.jsonObject(with: Data(site.read("search/meta.json").utf8)) as? [String: Any])
        // "causes" asks for the causes and also answers with the risk factors.
        let also = try #require(meta["also"] as? [String: [String]])
        let causeStem = try #require(Tokenizer(stemmer: Stemmer()).tokens("causes").first?.stem)
        #expect(also[causeStem] == ["risk-factor"])
        var conditions = 0
        for file in site.files(suffix: ".json") where file.hasPrefix("search/f/") {
            let fragment = try #require(try JSONSerialization.jsonObject(with: Data(site.read(file).utf8)) as? [String: Any])
            let answers = fragment["r"] as? [String: [String: Any]]
            guard fragment["k"] as? String == "condition" else {
                #expect(answers == nil, "\(file) is no condition but has answers")
                continue
            }
            guard let answers, let path = fragment["u"] as? String else { continue }
            conditions += 1
            let page = site.read(path)
            for (anchor, answer) in answers {
                let total = try #require(answer["n"] as? Int)
                let items = try #require(answer["i"] as? [[String]])
                #expect(!items.isEmpty && items.count <= min(total, 5), "\(path)#\(anchor)")
                #expect(page.contains("id=\"\(anchor)\""), "\(path) has no section \(anchor)")
                // Each entry is an entity page of the site, and sources never rise down the list.
                let counts = items.map { Int($0[2].prefix { $0.isNumber }) ?? 0 }
                #expect(counts == counts.sorted(by: >), "\(path)#\(anchor): \(counts)")
                for item in items { #expect(site.exists(item[1]), "\(item[1]) missing") }
            }
        }
        #expect(conditions >= 3)
        let pfps = try #require(site.files(suffix: ".json").first { site.read($0).contains("\"u\":\"conditions/patellofemoral-pain-syndrome.html\"") })
        let fragment = try #require(try JSONSerialization.jsonObject(with: Data(site.read(pfps).utf8)) as? [String: Any])
        let causes = try #require((fragment["r"] as? [String: [String: Any]])?["cause"]?["i"] as? [[String]])
        #expect(causes.map { $0[0] }.contains("weak hip abductors"), "\(causes)")
    }

    @Test("an anatomy page says what the structure is part of and which exercises work it; 'other' is no subtype to show")
    func anatomyPagesShowPartsAndExercises() throws {
        let band = site.read("anatomy/iliotibial-band.html")
        #expect(band.contains("<dt>Part of</dt>") && !band.contains("<dt>A kind of</dt>"))
        #expect(band.contains("<dt>Worked by</dt><dd><a href=\"../treatments/foam-rolling-it-band.html\">foam rolling the IT band</a>"))
        #expect(!band.contains(" · other<"))
        let quads = site.read("anatomy/quadriceps.html")
        #expect(quads.contains("<dt>Parts</dt>") && quads.contains(">vastus medialis</a>"))
        let clamshell = site.read("treatments/clamshell.html")
        #expect(clamshell.contains("<dt>A kind of</dt>") && clamshell.contains("<dt>Works on</dt>"))
    }

    @Test func emptyAuditPageSaysSo() throws {
        let model = SiteModel(graph: KnowledgeGraph(entities: [], claims: [], documents: []), findings: [])
        let ctx = AuditPage(model: model).context()
        #expect((ctx["groups"] as? [[String: Any]])?.isEmpty == true)
        let theme = try SiteTheme.load(nil)
        let html = String(decoding: theme.render("audit", ctx), as: UTF8.self)
        #expect(html.contains("class=\"empty\""))
    }

    @Test func auditPageGroupsFindingsAndLinksEvidence() throws {
        let doc = site.read("audit/index.html")
        #expect(doc.contains("<h1>Audit</h1>"))
        let finding = Finding(id: "support:x", kind: .support, code: "single-source", severity: .warning, message: "Only one source <b>says</b> it",
                              claims: ["patellofemoral-pain-syndrome|treatment|squats"], sources: ["content/articles/000-patellar-valgus.md"],
                              evidence: [FindingEvidence(source: "content/articles/000-patellar-valgus.md", line: 24, text: "x")])
        let graph = KnowledgeGraph(entities: [Entity(id: "patellofemoral-pain-syndrome", kind: .condition, name: "PFPS"),
                                              Entity(id: "squats", kind: .treatment, name: "squats")], claims: [], documents: [])
        let theme = try SiteTheme.load(nil)
        let html = String(decoding: theme.render("audit", AuditPage(model: SiteModel(graph: graph, findings: [finding])).context()), as: UTF8.self)
        #expect(html.contains("Thin support"))
        #expect(html.contains("Only one source &lt;b&gt;says&lt;/b&gt; it"))
        #expect(html.contains("href=\"../conditions/patellofemoral-pain-syndrome.html#treatment\""))
    }

    @Test func auditPageLinksAFewSourcesPerFindingAndCountsTheRest() throws {
        let n = AuditPage.linksPerFinding + 30
        let sources = (0..<n).map { "content/articles/s\($0).md" }
        let claims = (0..<n).map { "c\($0)|treatment|squats" }
        let finding = Finding(id: "contradiction:treatment:squats", kind: .contradiction, code: "recommended-and-advised-against",
                              severity: .warning, message: "Sources disagree", claims: claims, sources: sources)
        let graph = KnowledgeGraph(entities: [Entity(id: "squats", kind: .treatment, name: "squats")], claims: [], documents: [])
        let theme = try SiteTheme.load(nil)
        let html = String(decoding: theme.render("audit", AuditPage(model: SiteModel(graph: graph, findings: [finding])).context()), as: UTF8.self)
        #expect(html.contains(">content/articles/s0.md</a>"))
        #expect(html.contains(">content/articles/s\(AuditPage.linksPerFinding - 1).md</a>"))
        #expect(!html.contains(">content/articles/s\(AuditPage.linksPerFinding).md</a>"))
        #expect(html.contains("and 30 more sources"))
        #expect(html.contains("and 30 more claims"))
    }

    @Test func entityPageSaysWhenMostClaimsComeFromOneLowQualitySource() throws {
        var m = ClaimMaker()
        let remedies = ["ice", "squats", "taping", "rest", "clamshell"]
        var claims = remedies.map { Claim(subject: "pfps", relation: .treatment, object: $0, evidence: [m.evidence("content/articles/spun.md", "\($0) helps.")]) }
        claims[0].evidence.append(m.evidence("content/articles/good.md", "Ice helps."))
        let entities = [Entity(id: "pfps", kind: .condition, name: "runner's knee")] + remedies.map { Entity(id: $0, kind: .treatment, name: $0) }
        let documents = [AuditFixture.document("# Spun article\n\nIce helps.\n", name: "content/articles/spun.md"),
                         AuditFixture.document("# Good article\n\nIce helps.\n", name: "content/articles/good.md")]
        let graph = KnowledgeGraph(entities: entities, claims: claims, documents: documents)
        let page = EntityPage(model: SiteModel(graph: graph, findings: []))
        let pfps = try #require(entities.first)
        // Without a quality score, nothing is said; a low score is named.
        #expect(page.dominanceNote(pfps) == nil)
        let low = Finding(id: "quality:score:spun", kind: .quality, code: "score", severity: .error, message: "low",
                          sources: ["content/articles/spun.md"], score: 23)
        let note = EntityPage(model: SiteModel(graph: graph, findings: [low])).dominanceNote(pfps)
        #expect(note == "Most of them (5 of 5) come from one source, Spun article, which the audit rates low (23/100).")
        var fair = low
        fair.score = SourceQuality.lowScore
        #expect(EntityPage(model: SiteModel(graph: graph, findings: [fair])).dominanceNote(pfps) == nil)
    }
}
