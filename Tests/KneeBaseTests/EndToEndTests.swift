import Foundation
import Testing
@testable import KneeBase

/// Runs the built `kneebase` binary on temporary content folders and checks what it
/// prints, what it writes and how it exits.
@Suite("End to end: the kneebase binary")
struct EndToEndTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
        /// The process did not finish in time and was killed.
        var timedOut = false
    }

    /// The `kneebase` executable in the build products folder this test bundle was built into.
    static let binary: URL? = {
        // The resource bundle sits in the products folder (e.g. `.build/x86_64-unknown-linux-gnu/debug/`).
        var candidates = [Bundle.module.bundleURL.deletingLastPathComponent()]
        candidates.append(Bundle.main.bundleURL)
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
        for dir in candidates {
            let url = dir.appendingPathComponent("kneebase")
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue,
               FileManager.default.isExecutableFile(atPath: url.path) {
                return url
            }
        }
        return nil
    }()

    static func run(_ arguments: [String], in directory: URL, environment: [String: String] = ["NO_COLOR": "1"],
                    timeout: Double = 300) throws -> Run {
        let binary = try #require(binary, "no kneebase binary beside \(Bundle.module.bundleURL.path); run `swift build` first")
        let out = directory.appendingPathComponent(".stdout-\(UUID().uuidString)")
        let err = directory.appendingPathComponent(".stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: err)
        }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "NO_COLOR")
        env.merge(environment) { $1 }
        process.environment = env
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        var timedOut = false
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            kill(process.processIdentifier, SIGKILL)
            finished.wait()
        }
        return Run(status: process.terminationStatus,
                   stdout: try String(contentsOf: out, encoding: .utf8),
                   stderr: try String(contentsOf: err, encoding: .utf8), timedOut: timedOut)
    }

    /// A temporary folder holding a copy of the fixture content in `content/`.
    static func withFixtureContent(_ body: (URL) throws -> Void) throws {
        try withTemporaryDirectory { dir in
            try FileManager.default.copyItem(at: Repo.fixture("content"), to: dir.appendingPathComponent("content"))
            try body(dir)
        }
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "not a JSON object: \(text.prefix(200))")
    }

    @Test("show lists what an entity is to others, read from its side, with the quoted evidence")
    func showIncomingRelations() throws {
        try withTemporaryDirectory { dir in
            try FileManager.default.copyItem(at: Repo.content, to: dir.appendingPathComponent("content"))
            let build = try Self.run(["build", "--content", "content", "--output", "public"], in: dir)
            try #require(build.status == 0, "\(build.stderr)")
            let show = try Self.run(["show", "glute max", "--kb", "public/data/kb.sqlite"], in: dir)
            #expect(show.status == 0, "\(show.stderr)")
            #expect(show.stdout.hasPrefix("gluteus maximus  anatomy"), "\(show.stdout)")
            #expect(show.stdout.contains("• worked on by squats — 1 source"), "\(show.stdout)")
            #expect(show.stdout.contains("content/articles/004-repair-runners-knee.txt:161 “Squats and lunges are going to work the glute maximus"), "\(show.stdout)")
            // Lexicon neighbours: a structure is part of its parent and worked by the exercises targeting it;
            // an entity without claims says where to look instead.
            let band = try Self.run(["show", "IT band", "--kb", "public/data/kb.sqlite"], in: dir)
            #expect(band.stdout.contains("\npart of: thigh\n"), "\(band.stdout)")
            #expect(band.stdout.contains("\nworked by: foam rolling the IT band\n"), "\(band.stdout)")
            #expect(band.stdout.contains("No source makes a claim about it yet; `kneebase search \"iliotibial band\"`"), "\(band.stdout)")
            let clam = try Self.run(["show", "clamshell", "--kb", "public/data/kb.sqlite"], in: dir)
            #expect(clam.stdout.contains("\na kind of: gluteus medius strengthening\n") && clam.stdout.contains("\nworks on: gluteus medius"), "\(clam.stdout)")
            // --json is the same card: the entity itself, then its claims as the claims export writes them.
            let json = try Self.run(["show", "glute max", "--kb", "public/data/kb.sqlite", "--json"], in: dir)
            let card = try Self.json(json.stdout)
            let entity = try #require(card["entity"] as? [String: Any])
            #expect(entity["id"] as? String == "gluteus-maximus")
            #expect(entity["kind"] as? String == "anatomy")
            #expect((entity["description"] as? String)?.isEmpty == false)
            let claims = try #require(card["claims"] as? [[String: Any]])
            #expect(claims.contains { ($0["subject"] as? [String: Any])?["id"] as? String == "squats" && $0["relation"] as? String == "targets" },
                    "\(json.stdout.prefix(400))")
        }
    }

    @Test("build: exit 0, a summary on stdout, nothing on stderr")
    func buildSummary() throws {
        try Self.withFixtureContent { dir in
            let run = try Self.run(["build", "--content", "content", "--output", "out"], in: dir)
            #expect(run.status == 0, "stderr: \(run.stderr)")
            #expect(run.stderr.isEmpty, "\(run.stderr)")
            // Later pipeline stages may add to the summary; ingest's part is fixed.
            let lines = run.stdout.split(separator: "\n").map(String.init)
            #expect(lines.count == 3, "\(run.stdout)")
            #expect(lines.first?.hasPrefix("Built out/ from 3 sources (0.00 MB): 9 blocks, 12 sentences") == true, "\(run.stdout)")
            #expect(lines.dropFirst().first?.hasPrefix("Diagnostics: 0 errors, 0 warnings") == true, "\(run.stdout)")
            #expect(lines.last?.hasPrefix("Done in ") == true)
            #expect(lines.last?.contains("ingest") == true)
            #expect(!(run.stdout + run.stderr).contains("\u{1B}["), "colour codes on a pipe")
        }
    }

    @Test("build writes OUTPUT/data/documents.json: source, metadata, sentences with text/line/column/headingPath")
    func documentsJSONSchema() throws {
        try Self.withFixtureContent { dir in
            let run = try Self.run(["build", "--content", "content", "--output", "out"], in: dir)
            #expect(run.status == 0, "stderr: \(run.stderr)")
            let text = try String(contentsOf: dir.appendingPathComponent("out/data/documents.json"), encoding: .utf8)
            let root = try Self.json(text)
            let documents = try #require(root["documents"] as? [[String: Any]])
            #expect(documents.compactMap { $0["source"] as? String } == [
                "content/articles/hips.html", "content/articles/knee.md", "content/articles/stairs.txt",
            ])
            for document in documents {
                let source = try #require(document["source"] as? String)
                #expect(document["metadata"] is [String: Any], "\(source): metadata")
                #expect(["markdown", "html", "text"].contains(document["format"] as? String ?? ""), "\(source): format")
                let sentences = try #require(document["sentences"] as? [[String: Any]], "\(source): sentences")
                #expect(!sentences.isEmpty)
                let file = SourceText([UInt8](try Data(contentsOf: dir.appendingPathComponent(source))))
                for sentence in sentences {
                    let text = try #require(sentence["text"] as? String)
                    let line = try #require(sentence["line"] as? Int)
                    let column = try #require(sentence["column"] as? Int)
                    let path = try #require(sentence["headingPath"] as? [String], "\(source): headingPath of “\(text)”")
                    #expect(path.allSatisfy { !$0.isEmpty })
                    // The sentence is found at its line and column.
                    let there = try #require(file.text(fromLine: line, column: column), "\(source):\(line):\(column)")
                    let firstWord = String(text.prefix { $0 != " " })
                    #expect(there.hasPrefix(firstWord), "\(source):\(line):\(column) reads “\(there.prefix(30))”, not “\(text)”")
                }
            }
            let knee = try #require(documents.first { ($0["source"] as? String)?.hasSuffix("knee.md") == true })
            let metadata = try #require(knee["metadata"] as? [String: Any])
            #expect(metadata["title"] as? String == "Runner's knee in brief")
            #expect(metadata["author"] as? String == "A. Runner")
            #expect(metadata["kind"] as? String == "blog")
            let sentences = try #require(knee["sentences"] as? [[String: Any]])
            #expect(sentences.compactMap { $0["text"] as? String } == [
                "Runner's knee", "Runner's knee is pain around the kneecap.", "Dr. Li says it is common.",
                "Treatment", "Strengthen the hips", "Reduce mileage for 2–3 weeks",
            ])
            let dr = sentences[2]
            #expect(dr["line"] as? Int == 9)
            #expect(dr["column"] as? Int == 43)
            #expect(dr["headingPath"] as? [String] == ["Runner's knee"])
            #expect(sentences[5]["headingPath"] as? [String] == ["Runner's knee", "Treatment"])
        }
    }

    @Test("build with errors in the content: exit 1, compiler-style diagnostics, every article read, the previous output kept")
    func buildWithContentErrors() throws {
        try Self.withFixtureContent { dir in
            #expect(try Self.run(["build", "--content", "content", "--output", "out"], in: dir).status == 0)
            let before = try Data(contentsOf: dir.appendingPathComponent("out/data/documents.json"))
            try dir.write([0x00, 0x01, 0x02, 0x03, 0xFF] + [UInt8](repeating: 0, count: 200), to: "content/articles/photo.md")
            let run = try Self.run(["build", "--content", "content", "--output", "out"], in: dir)
            #expect(run.status == 1)
            #expect(run.stderr.contains("content/articles/photo.md:1:1: error: "), "\(run.stderr)")
            #expect(run.stderr.contains("[ingest.binary]"))
            #expect(run.stdout.contains("Not published: the content has 1 error; out/ was left as it was (read 3 sources"), "\(run.stdout)")
            #expect(run.stdout.contains("Diagnostics: 1 error, 0 warnings"), "\(run.stdout)")
            #expect(try Data(contentsOf: dir.appendingPathComponent("out/data/documents.json")) == before)
            // Without a previous output, nothing is written at all.
            #expect(try Self.run(["build", "--content", "content", "--output", "fresh"], in: dir).status == 1)
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("fresh").path))
        }
    }

    @Test("a file's many warnings of one kind show five and a count (all with --verbose); errors are repeated after a long list")
    func repeatedWarningsFolded() throws {
        try Self.withFixtureContent { dir in
            // Twelve repeats of one paragraph between different ones: eleven duplicate-block warnings.
            var text = "# Repeats\n\n"
            for i in 0..<12 { text += "The same paragraph about knees comes back again.\n\nA different paragraph number \(i) follows it.\n\n" }
            try dir.write(text, to: "content/articles/repeats.md")
            let run = try Self.run(["build", "--content", "content", "--output", "out"], in: dir)
            #expect(run.status == 0)
            let lines = run.stderr.split(separator: "\n").filter { $0.contains("repeats.md") && $0.contains("[ingest.duplicate-block]") }
            #expect(lines.count == 6, "\(run.stderr)")
            #expect(run.stderr.contains("… and 6 more like this [ingest.duplicate-block] in content/articles/repeats.md (all shown with --verbose)"), "\(run.stderr)")
            let verbose = try Self.run(["build", "--content", "content", "--output", "out", "--verbose"], in: dir)
            #expect(verbose.stderr.split(separator: "\n").filter { $0.contains("repeats.md") && $0.contains("[ingest.duplicate-block]") }.count == 11)
        }
    }

    @Test("sources are named from the content folder's parent wherever the build runs: no local path is published")
    func sourcePathsAreRelative() throws {
        try Self.withFixtureContent { dir in
            let elsewhere = dir.appendingPathComponent("elsewhere")
            try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
            let content = dir.appendingPathComponent("content").path
            let run = try Self.run(["build", "--content", content, "--output", "out"], in: elsewhere)
            #expect(run.status == 0, "\(run.stderr)")
            let graph = try String(contentsOf: elsewhere.appendingPathComponent("out/data/graph.json"), encoding: .utf8)
            #expect(graph.contains("\"source\":\"content/articles/"))
            #expect(!graph.contains(dir.path), "the build folder's absolute path is not in the output")
            let sources = try String(contentsOf: elsewhere.appendingPathComponent("out/sources/index.html"), encoding: .utf8)
            #expect(!sources.contains(dir.path))
        }
    }

    @Test("warnings alone keep exit status 0")
    func warningsOnly() throws {
        try Self.withFixtureContent { dir in
            try dir.write("", to: "content/articles/empty.md")
            let run = try Self.run(["build", "--content", "content", "--output", "out"], in: dir)
            #expect(run.status == 0)
            #expect(run.stderr.contains("content/articles/empty.md:1:1: warning: "), "\(run.stderr)")
            #expect(run.stdout.contains("Diagnostics: 0 errors, 1 warning,"), "\(run.stdout)")
        }
    }

    @Test("a named pipe among the articles (unreadable, even for root) does not hang the build")
    func namedPipe() throws {
        try Self.withFixtureContent { dir in
            #expect(mkfifo(dir.appendingPathComponent("content/articles/pipe.md").path, 0o644) == 0)
            let run = try Self.run(["build", "--content", "content", "--output", "out"], in: dir, timeout: 120)
            #expect(!run.timedOut, "kneebase build hung on a named pipe")
            #expect(run.status == 1)
            let lines = run.stderr.split(separator: "\n").filter { $0.contains("pipe.md") }
            #expect(lines.count == 1, "\(run.stderr)")
            #expect(lines.first?.hasPrefix("content/articles/pipe.md:1:1: error: ") == true)
            #expect(lines.first?.hasSuffix("[ingest.unreadable]") == true)
            #expect(run.stdout.contains("read 3 sources"), "\(run.stdout)")
        }
    }

    @Test("usage errors exit with status 2", arguments: [
        ["build", "--frobnicate"], ["build", "--content"], ["check", "extra-argument"], ["frobnicate"],
        ["build", "--base-url", "example.org/kb"], ["build", "--base-url", "ftp://example.org/"], ["build", "--base-url", "https://"],
    ])
    func usageErrors(_ arguments: [String]) throws {
        try withTemporaryDirectory { dir in
            let run = try Self.run(arguments, in: dir)
            #expect(run.status == 2, "\(arguments): status \(run.status), stderr: \(run.stderr)")
            #expect(!run.stderr.isEmpty)
            #expect(run.stderr.lowercased().contains("usage"), "\(run.stderr)")
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("public").path))
        }
    }

    @Test("--help exits 0")
    func help() throws {
        try withTemporaryDirectory { dir in
            let run = try Self.run(["build", "--help"], in: dir)
            #expect(run.status == 0)
            #expect(run.stdout.contains("--content"))
        }
    }

    @Test("a content folder that does not exist: exit 1 and an error naming it; the previous output stays")
    func missingContent() throws {
        try Self.withFixtureContent { dir in
            #expect(try Self.run(["build", "--content", "content", "--output", "out"], in: dir).status == 0)
            let before = try Data(contentsOf: dir.appendingPathComponent("out/data/documents.json"))
            let run = try Self.run(["build", "--content", "no-such-folder", "--output", "out"], in: dir)
            #expect(run.status == 1)
            #expect(run.stderr.contains("no-such-folder: error: content folder does not exist"), "\(run.stderr)")
            #expect(try Data(contentsOf: dir.appendingPathComponent("out/data/documents.json")) == before)
        }
    }

    @Test("check --json on clean content: exit 0, an empty diagnostics list, nothing written")
    func checkJSONClean() throws {
        try Self.withFixtureContent { dir in
            let run = try Self.run(["check", "--content", "content", "--json"], in: dir)
            #expect(run.status == 0, "\(run.stderr)")
            let diagnostics = try #require(try Self.json(run.stdout)["diagnostics"] as? [[String: Any]])
            #expect(diagnostics.isEmpty, "\(run.stdout)")
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("public").path))
            let plain = try Self.run(["check", "--content", "content"], in: dir)
            #expect(plain.status == 0)
            #expect(plain.stdout == "No problems found.\n")
        }
    }

    @Test("check --json on bad content: exit 1 and one object per diagnostic, sorted by file")
    func checkJSONErrors() throws {
        try Self.withFixtureContent { dir in
            try dir.write("---\ntitle: a: b\n---\nBody text.\n", to: "content/articles/bad-front.md")
            try dir.write("x", to: "content/articles/notes.docx")
            let run = try Self.run(["check", "--content", "content", "--json"], in: dir)
            #expect(run.status == 1)
            let all = try #require(try Self.json(run.stdout)["diagnostics"] as? [[String: Any]])
            let diagnostics = all.filter { ($0["id"] as? String)?.hasPrefix("ingest.") == true }
            #expect(diagnostics.count == 2, "\(run.stdout)")
            #expect(diagnostics.compactMap { $0["file"] as? String } == ["content/articles/bad-front.md", "content/articles/notes.docx"])
            #expect(diagnostics.compactMap { $0["id"] as? String } == ["ingest.front-matter.invalid-yaml", "ingest.unknown-extension"])
            #expect(diagnostics.compactMap { $0["severity"] as? String } == ["error", "warning"])
            #expect(diagnostics.first?["line"] as? Int == 2)
            for d in diagnostics {
                #expect(d["column"] is Int)
                #expect((d["message"] as? String)?.isEmpty == false)
            }
            let plain = try Self.run(["check", "--content", "content"], in: dir)
            #expect(plain.status == 1)
            #expect(plain.stdout.hasPrefix("content/articles/bad-front.md:2:"), "\(plain.stdout)")
            #expect(plain.stdout.contains("error: "))
        }
    }

    @Test("check validates the lexicon as build does: a duplicate id and an unknown parent, named by file and line")
    func checkLexicon() throws {
        try Self.withFixtureContent { dir in
            try dir.write("kind: condition\nentities:\n  - id: knee-thing\n    name: Knee thing\n  - id: knee-thing\n    name: Knee thing again\n"
                          + "  - id: other-thing\n    name: Other thing\n    parents: [no-such-parent]\n", to: "content/lexicon/extra.yml")
            let run = try Self.run(["check", "--content", "content", "--json"], in: dir)
            #expect(run.status == 1)
            let all = try #require(try Self.json(run.stdout)["diagnostics"] as? [[String: Any]])
            let lexicon = all.filter { ($0["file"] as? String) == "content/lexicon/extra.yml" }
            #expect(lexicon.contains { $0["id"] as? String == "lexicon.duplicate-id" && $0["severity"] as? String == "error" && $0["line"] as? Int == 5 },
                    "\(run.stdout)")
            #expect(lexicon.contains { ($0["message"] as? String)?.contains("no-such-parent") == true }, "\(run.stdout)")
        }
    }

    @Test("check on the real corpus: no errors; the repeated Q&A of 001 reported")
    func checkCorpus() throws {
        try withTemporaryDirectory { dir in
            let run = try Self.run(["check", "--content", Repo.content.path, "--json"], in: dir)
            #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
            let diagnostics = try #require(try Self.json(run.stdout)["diagnostics"] as? [[String: Any]])
            #expect(!diagnostics.contains { $0["severity"] as? String == "error" })
            let repeats = diagnostics.filter { $0["id"] as? String == "ingest.duplicate-block" }
            #expect(repeats.count == 3)
            #expect(repeats.allSatisfy { ($0["file"] as? String)?.hasSuffix("001-ask-a-pro-running-knee-pain.html") == true })
        }
    }

    @Test("build on the real corpus publishes all five articles")
    func buildCorpus() throws {
        try withTemporaryDirectory { dir in
            let run = try Self.run(["build", "--content", Repo.content.path, "--output", "site"], in: dir)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.hasPrefix("Built site/ from 5 sources"), "\(run.stdout)")
            let documents = try #require(try Self.json(String(contentsOf: dir.appendingPathComponent("site/data/documents.json"), encoding: .utf8))["documents"] as? [[String: Any]])
            #expect(documents.count == 5)
            #expect(documents.allSatisfy { (($0["sentences"] as? [Any])?.count ?? 0) > 10 })
        }
    }
}
