import Foundation
import Testing
@testable import KneeBase

/// End-to-end: the built `kneebase` binary's search, conditions and why commands.
@Suite("Search commands (binary)", .enabled(if: SearchCLI.binary != nil, "the kneebase binary is not built"))
struct SearchCLITests {
    @Test("search prints entities, then passages with source:line, without colour when piped")
    func search() throws {
        let r = try SearchCLI.run(["search", "--kb", SearchFixtures.mini.path, "runner's", "knee"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("Entities\n  patellofemoral pain syndrome  condition"))
        #expect(r.stdout.contains("\nPassages\n"))
        #expect(r.stdout.contains("b.md:10"))
        #expect(!r.stdout.contains("\u{1B}["))
    }

    @Test("a typo is corrected and said so")
    func corrected() throws {
        let r = try SearchCLI.run(["search", "--kb", SearchFixtures.mini.path, "swellng"])
        #expect(r.stdout.hasPrefix("Showing results for swelling\n"))
    }

    @Test("--json has the stable schema")
    func json() throws {
        let r = try SearchCLI.run(["search", "--kb", SearchFixtures.mini.path, "--json", "--limit", "3", "knee"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["query", "corrected", "results"])
        #expect((object["results"] as? [Any])?.count == 3)
    }

    @Test("--kind keeps one kind")
    func kind() throws {
        let r = try SearchCLI.run(["search", "--kb", SearchFixtures.mini.path, "--kind", "passage", "--json", "knee"])
        let results = try #require((try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])?["results"] as? [[String: Any]])
        #expect(!results.isEmpty && results.allSatisfy { $0["kind"] as? String == "passage" })
    }

    @Test("a malformed query exits 2 with the problem marked")
    func malformed() throws {
        let r = try SearchCLI.run(["search", "--kb", SearchFixtures.mini.path, "\"runner's knee"])
        #expect(r.status == 2)
        #expect(r.stderr == "error: unclosed quote; add the closing \"\n  \"runner's knee\n  ^\n")
        #expect(r.stdout.isEmpty)
    }

    @Test("conditions ranks with a plain disclaimer, and as JSON")
    func conditions() throws {
        let r = try SearchCLI.run(["conditions", "--kb", SearchFixtures.real.path, "--symptom", "pain when squatting"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("This is a reference to what the sources say, not a diagnosis."))
        #expect(r.stdout.contains("1. patellar valgus"))
        #expect(r.stdout.contains("score: for each symptom given"), "the score is explained")
        #expect(!r.stdout.contains("No source gives"), "squatting pain is itself a symptom in the sources")
        // No condition in content/ has lateral knee pain itself: said before the broader matches.
        let lateral = try SearchCLI.run(["conditions", "--kb", SearchFixtures.real.path, "--symptom", "outer knee pain"])
        #expect(lateral.stdout.contains("No source gives pain on the outside of the knee as a symptom of any condition"), "\(lateral.stdout)")
        let j = try SearchCLI.run(["conditions", "--kb", SearchFixtures.real.path, "--symptom", "swelling", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(j.stdout.utf8)) as? [String: Any])
        #expect(object["conditions"] is [[String: Any]])
    }

    @Test("show with a name no entity has suggests the entities a search finds; a question with no such claims says so")
    func suggestions() throws {
        let r = try SearchCLI.run(["show", "--kb", SearchFixtures.real.path, "pain"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("no entity named 'pain'; did you mean ‘"), "\(r.stderr)")
        let none = try SearchCLI.run(["show", "--kb", SearchFixtures.real.path, "qwxzvq"])
        #expect(none.stderr.contains("(try `kneebase search qwxzvq`)"), "\(none.stderr)")
        let filters = try SearchCLI.run(["search", "--kb", SearchFixtures.real.path, "kind:source"])
        #expect(filters.stdout.contains("A kind filter narrows a search: give words with it"), "\(filters.stdout)")
        #expect(try SearchCLI.run(["--version"]).stdout.hasPrefix("kneebase "))
        let question = try SearchCLI.run(["search", "--kb", SearchFixtures.real.path, "symptoms of jumpers knee"])
        #expect(question.stdout.contains("the sources give no symptoms of patellar tendinopathy"), "\(question.stdout)")
    }

    @Test("why shows the evidence with polarity, certainty and source:line")
    func why() throws {
        let r = try SearchCLI.run(["why", "--kb", SearchFixtures.real.path, "runner's knee", "knee pain"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("patellofemoral pain syndrome —symptom→ knee pain"))
        #expect(r.stdout.contains("asserted · plain · the article"), "evidence without attribution is the article's own")
        #expect(r.stdout.range(of: #"content/articles/\S+:\d+:\d+"#, options: .regularExpression) != nil)
        let j = try SearchCLI.run(["why", "--kb", SearchFixtures.real.path, "--json", "pfps", "knee pain"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(j.stdout.utf8)) as? [String: Any])
        #expect(object["subject"] as? String == "patellofemoral-pain-syndrome")
        #expect(((object["claims"] as? [Any])?.count ?? 0) >= 1)
        let unknown = try SearchCLI.run(["why", "--kb", SearchFixtures.real.path, "qwxzv", "knee pain"])
        #expect(unknown.status == 1 && unknown.stderr.contains("no entity named 'qwxzv'"))
        let same = try SearchCLI.run(["why", "--kb", SearchFixtures.real.path, "PFPS", "runner's knee"])
        #expect(same.status == 1 && same.stderr.contains("are the same entity (patellofemoral-pain-syndrome)"), "\(same.stderr)")
    }

    @Test("evidence marks read plainly, and a long quote keeps the words of the entity it backs")
    func evidenceMarks() throws {
        let audit = try SearchCLI.run(["audit", "--kb", SearchFixtures.real.path, "--claim", "pfps", "mini squats", "--all"])
        #expect(audit.status == 0)
        #expect(audit.stdout.contains("1 personal experience)"), "a reader's story counts as personal experience: \(audit.stdout)")
        #expect(audit.stdout.contains("(hedged, reader's personal experience)"), "\(audit.stdout)")
        #expect(!audit.stdout.contains("(personal experience))"))
        // "pain on stairs" comes from a 190-character sentence that ends "… going up and down stairs."
        let show = try SearchCLI.run(["show", "--kb", SearchFixtures.real.path, "pfps"])
        let lines = show.stdout.split(separator: "\n")
        let header = try #require(lines.firstIndex { $0.contains("pain on stairs — ") })
        #expect(lines[header + 1].contains("going up and down stairs.”"), "\(lines[header + 1])")
        #expect(lines[header + 1].contains("“…"), "the quote says it starts inside the sentence")
    }

    @Test("empty names, a folder that cannot be written and an option for another format get plain messages")
    func plainMessages() throws {
        let kb = SearchFixtures.real.path
        let show = try SearchCLI.run(["show", "--kb", kb, ""])
        #expect(show.status == 1 && show.stderr.contains("the entity name is empty"), "\(show.stderr)")
        let why = try SearchCLI.run(["why", "--kb", kb, " ", "pfps"])
        #expect(why.status == 1 && why.stderr.contains("the entity name is empty"), "\(why.stderr)")
        let symptom = try SearchCLI.run(["conditions", "--kb", kb, "--symptom", ""])
        #expect(symptom.status != 0 && symptom.stderr.contains("a --symptom is empty"), "\(symptom.stderr)")
        let csv = try SearchCLI.run(["export", "--kb", kb, "--format", "csv", "--output-dir", "/dev/null/csv"])
        #expect(csv.status == 1)
        #expect(csv.stderr.contains("cannot write the CSV files into '/dev/null/csv': /dev/null is a file, not a folder"), "\(csv.stderr)")
        #expect(!csv.stderr.contains("NSCocoaErrorDomain"))
        let dot = try SearchCLI.run(["export", "--kb", kb, "--format", "dot", "--output-dir", "x"])
        #expect(dot.status != 0 && dot.stderr.contains("--output-dir is for --format csv"), "\(dot.stderr)")
    }

    @Test("show and why count copies of one text as what they are")
    func copiesCounted() throws {
        try withTemporaryDirectory { dir in
            let content = dir.appendingPathComponent("content")
            try FileManager.default.createDirectory(at: content.appendingPathComponent("articles"), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: Repo.content.appendingPathComponent("lexicon"), to: content.appendingPathComponent("lexicon"))
            let article = try String(contentsOf: Repo.articles.appendingPathComponent("000-patellar-valgus.md"), encoding: .utf8)
            try content.write(article, to: "articles/a.md")
            try content.write(article.replacingOccurrences(of: "publisher:", with: "publisher: Copied,"), to: "articles/b.md")
            let output = dir.appendingPathComponent("public")
            _ = try Builder.build(BuildOptions(content: content, output: output))
            let kb = output.appendingPathComponent("data/kb.sqlite").path
            let show = try SearchCLI.run(["show", "--kb", kb, "patellar-valgus"])
            #expect(show.stdout.contains("— 2 sources, copies of one text"), "\(show.stdout.prefix(600))")
            #expect(!show.stdout.contains("— 2 sources\n"))
            let why = try SearchCLI.run(["why", "--kb", kb, "patellar-valgus", "strength training"])
            #expect(why.stdout.contains("(2 sources, copies of one text)"), "\(why.stdout.prefix(600))")
        }
    }

    @Test("a plain search command line (read without ArgumentParser) prints what ArgumentParser's reading does")
    func quickPath() throws {
        let kb = SearchFixtures.mini.path
        // `--option=value` is left to ArgumentParser; `--option value` is read directly.
        let quick = try SearchCLI.run(["search", "runner's", "--kb", kb, "--kind", "passage", "--json", "--limit", "2", "knee"])
        let parsed = try SearchCLI.run(["search", "runner's", "--kb=\(kb)", "--kind=passage", "--json", "--limit=2", "knee"])
        #expect(quick.status == 0 && parsed.status == 0)
        #expect(quick.stdout == parsed.stdout)
        let results = try #require((try JSONSerialization.jsonObject(with: Data(quick.stdout.utf8)) as? [String: Any])?["results"] as? [[String: Any]])
        #expect(results.count == 2 && results.allSatisfy { $0["kind"] as? String == "passage" })
        // What ArgumentParser rejects is still rejected by it, with its message and status.
        let noQuery = try SearchCLI.run(["search", "--kb", kb])
        #expect(noQuery.status == 2 && noQuery.stderr.contains("give a query"))
        let blank = try SearchCLI.run(["search", "--kb", kb, "  "])
        #expect(blank.status == 2 && blank.stderr.contains("give a query"), "\(blank.stderr)")
        let badLimit = try SearchCLI.run(["search", "--kb", kb, "--limit", "0", "knee"])
        #expect(badLimit.status == 2 && badLimit.stderr.contains("--limit must be at least 1"))
        // Several kinds in one --kind, as in the query's kind:symptom,cause.
        let joined = try SearchCLI.run(["search", "--kb", kb, "--json", "--kind", "symptom,treatment", "knee"])
        let repeated = try SearchCLI.run(["search", "--kb", kb, "--json", "--kind", "symptom", "--kind", "treatment", "knee"])
        #expect(joined.status == 0 && joined.stdout == repeated.stdout, "\(joined.stderr)")
        let badKind = try SearchCLI.run(["search", "--kb", kb, "--kind", "rumour", "knee"])
        #expect(badKind.status == 2 && badKind.stderr.contains("rumour"))
    }

    @Test("a word starting with '-' anywhere is a query word; a misspelt option and a negative limit are named")
    func dashWords() throws {
        let kb = SearchFixtures.mini.path
        let minus = try SearchCLI.run(["search", "--kb", kb, "--json", "knee", "-surgery"])
        let quoted = try SearchCLI.run(["search", "--kb", kb, "--json", "--", "knee -surgery"])
        #expect(minus.status == 0, "\(minus.stderr)")
        #expect(minus.stdout == quoted.stdout)
        let query = (try JSONSerialization.jsonObject(with: Data(minus.stdout.utf8)) as? [String: Any])?["query"] as? String
        #expect(query == "knee -surgery")
        let misspelt = try SearchCLI.run(["search", "--kb", kb, "--limt", "3", "knee"])
        #expect(misspelt.status == 2 && misspelt.stderr.contains("unknown option '--limt'"), "\(misspelt.stderr)")
        let negative = try SearchCLI.run(["search", "--kb", kb, "--limit", "-1", "knee"])
        #expect(negative.status == 2 && negative.stderr.contains("--limit must be at least 1"), "\(negative.stderr)")
        let blank = try SearchCLI.run(["search", "--kb", kb, " "])
        #expect(blank.status != 0 && !blank.stderr.contains("^"), "\(blank.stderr)")
    }

    @Test("--help has examples and mentions completions", arguments: ["search", "conditions", "why"])
    func help(_ command: String) throws {
        let r = try SearchCLI.run([command, "--help"])
        #expect(r.stdout.contains("Examples:"))
        #expect(r.stdout.contains("kneebase \(command) "))
        if command == "search" { #expect(r.stdout.contains("--generate-completion-script")) }
    }
}

/// Runs the built binary.
enum SearchCLI {
    /// `kneebase` next to the test bundle, if built.
    static let binary: URL? = {
        let dir = Bundle.main.bundleURL
        let candidates = [dir.appendingPathComponent("kneebase"), dir.deletingLastPathComponent().appendingPathComponent("kneebase")]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String]) throws -> Result {
        let process = Process()
        guard let binary else { throw CocoaError(.fileNoSuchFile) }
        process.executableURL = binary
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }
}
