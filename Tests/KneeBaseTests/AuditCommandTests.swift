import Foundation
import GRDB
import Testing
@testable import KneeBase

/// The `kneebase audit` command, run as a built binary on the fixture corpus; and the
/// findings tables of `kb.sqlite`.
@Suite("Audit · command and store")
struct AuditCommandTests {
    /// The `kneebase` binary built beside the tests, if it was built.
    static let binary: URL? = {
        let dir = Bundle.module.bundleURL.deletingLastPathComponent()
        let url = dir.appendingPathComponent("kneebase")
        return FileManager.default.isExecutableFile(atPath: url.path) ? url : nil
    }()

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], in dir: URL) throws -> Run {
        let p = Process()
        guard let binary else { throw CocoaError(.fileNoSuchFile) }
        p.executableURL = binary
        p.arguments = arguments
        p.currentDirectoryURL = dir
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Run(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    /// Builds `articles` (names from the fixture corpus) with the fixture lexicon into a temporary folder.
    static func withBuiltKB<T>(_ articles: [String], _ body: (URL, String) throws -> T) throws -> T {
        try withTemporaryDirectory { dir in
            let fm = FileManager.default
            try fm.createDirectory(at: dir.appendingPathComponent("content/articles"), withIntermediateDirectories: true)
            try fm.copyItem(at: AuditFixture.content.appendingPathComponent("lexicon"), to: dir.appendingPathComponent("content/lexicon"))
            for a in articles {
                try fm.copyItem(at: AuditFixture.content.appendingPathComponent("articles/\(a)"), to: dir.appendingPathComponent("content/articles/\(a)"))
            }
            let build = try run(["build", "--content", "content", "--output", "out"], in: dir)
            #expect(build.status == 0, "\(build.stderr)")
            return try body(dir, "out/data/kb.sqlite")
        }
    }

    @Test("--source keeps the findings of the matching sources; one that matches no source is an error",
          .enabled(if: binary != nil, "build the kneebase binary first"))
    func sourceFilter() throws {
        try Self.withBuiltKB(["disagree-a.md", "disagree-b.md", "rewritten.txt"]) { dir, kb in
            let kept = try Self.run(["audit", "--kb", kb, "--json", "--source", "rewritten"], in: dir)
            #expect(kept.status == 0, "\(kept.stderr)")
            let json = try JSONSerialization.jsonObject(with: Data(kept.stdout.utf8)) as? [String: Any]
            let findings = try #require(json?["findings"] as? [[String: Any]])
            #expect(!findings.isEmpty)
            #expect(findings.allSatisfy { (($0["sources"] as? [String]) ?? []).contains { $0.contains("rewritten") } })
            let none = try Self.run(["audit", "--kb", kb, "--source", "no-such-article"], in: dir)
            #expect(none.status == 1)
            #expect(none.stderr.contains("no source's path contains 'no-such-article'"), "\(none.stderr)")
            #expect(none.stdout.isEmpty)
        }
    }

    @Test("--json has exactly the documented shape", .enabled(if: binary != nil, "build the kneebase binary first"))
    func jsonSchema() throws {
        try Self.withBuiltKB(["disagree-a.md", "disagree-b.md", "rewritten.txt"]) { dir, kb in
            let r = try Self.run(["audit", "--kb", kb, "--json"], in: dir)
            #expect(r.status == 0)
            let root = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
            #expect(Array(root.keys) == ["findings"])
            let findings = try #require(root["findings"] as? [[String: Any]])
            #expect(!findings.isEmpty)
            for f in findings {
                for key in ["id", "severity", "message"] { #expect(f[key] is String, "\(key) in \(f)") }
                #expect(["error", "warning", "note"].contains(f["severity"] as? String ?? ""))
                #expect(f["claims"] is [String])
                #expect(f["sources"] is [String])
                let evidence = try #require(f["evidence"] as? [[String: Any]])
                for ev in evidence {
                    #expect(ev["source"] is String)
                    #expect(ev["line"] is Int)
                    #expect(ev["text"] is String)
                }
            }
            let ids = findings.compactMap { $0["id"] as? String }
            #expect(ids.contains("quality:machine-rewritten:content/articles/rewritten.txt"))
            #expect(Set(ids).count == ids.count, "ids are unique")
        }
    }

    @Test("--fail-on exit codes", .enabled(if: binary != nil, "build the kneebase binary first"))
    func failOn() throws {
        // The rewritten source makes an error.
        try Self.withBuiltKB(["rewritten.txt", "agree-a.md"]) { dir, kb in
            let statuses = try [
                ["--fail-on", "error"], ["--fail-on", "warning"], [], ["--fail-on", "error", "--kind", "lexicon"], ["--fail-on", "fatal"],
            ].map { try Self.run(["audit", "--kb", kb] + $0, in: dir).status }
            #expect(statuses == [1, 1, 0, 0, 2])
        }
        // Two clean sources that agree: notes only.
        try Self.withBuiltKB(["agree-a.md", "agree-b.md"]) { dir, kb in
            let r = try Self.run(["audit", "--kb", kb, "--fail-on", "warning", "--kind", "support", "--kind", "contradiction", "--kind", "quality"], in: dir)
            #expect(r.status == 0, "\(r.stdout)")
        }
    }

    @Test("the text report groups by severity and kind and quotes source:line; Markdown too",
          .enabled(if: binary != nil, "build the kneebase binary first"))
    func reports() throws {
        try Self.withBuiltKB(["disagree-a.md", "disagree-b.md", "repeats.md"]) { dir, kb in
            let text = try Self.run(["audit", "--kb", kb], in: dir).stdout
            #expect(text.hasPrefix("Audit: "))
            #expect(text.contains("WARNINGS ("))
            #expect(text.contains("  contradiction ("))
            #expect(text.contains("content/articles/repeats.md:13 “Q: My knee hurts on stairs after long runs, what should I do?”"))
            let md = try Self.run(["audit", "--kb", kb, "--format", "markdown"], in: dir).stdout
            #expect(md.hasPrefix("# KneeBase audit\n"))
            #expect(md.contains("| kind | errors | warnings | notes |"))
            #expect(md.contains("`content/articles/repeats.md:13`"))
        }
    }

    @Test("--claim SUBJECT OBJECT shows one claim's support, sentences and findings",
          .enabled(if: binary != nil, "build the kneebase binary first"))
    func claim() throws {
        try Self.withBuiltKB(["disagree-a.md", "disagree-b.md"]) { dir, kb in
            let r = try Self.run(["audit", "--kb", kb, "--claim", "runner's knee", "squats"], in: dir)
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout.contains("patellofemoral-pain-syndrome|treatment|squats"))
            #expect(r.stdout.contains("content/articles/disagree-a.md:"))
            #expect(r.stdout.contains("contradiction:treatment:squats"))
            let json = try Self.run(["audit", "--kb", kb, "--claim", "runner's knee", "squats", "--json"], in: dir)
            #expect(json.stdout.contains("\"contradiction:treatment:squats\""))
            let oneValue = try Self.run(["audit", "--kb", kb, "--claim", "squats"], in: dir)
            #expect(oneValue.status == 2)
            let unknown = try Self.run(["audit", "--kb", kb, "--claim", "runner's knee", "no such thing"], in: dir)
            #expect(unknown.status == 1)
        }
    }

    @Test("findings survive the round trip through kb.sqlite")
    func storeRoundTrip() throws {
        let (graph, findings) = AuditFixture.audited
        try withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("kb.sqlite")
            try KnowledgeBaseWriter.write(graph, findings: findings, to: url)
            let read = try KnowledgeBaseReader(url: url).findings()
            #expect(read == findings)
        }
    }

    @Test("findings about sources the database does not hold, and odd claim keys, read back as written")
    func storeRoundTripUnknownSources() throws {
        let (graph, findings) = AuditFixture.audited
        let odd = Finding(id: "lexicon:odd", kind: .lexicon, code: "unused", severity: .note, message: "odd",
                          claims: ["no-separator", "a|b|c|d"], sources: ["elsewhere/not-built.md", graph.documents[0].source],
                          evidence: [FindingEvidence(source: "elsewhere/not-built.md", line: 3, text: "t", note: "n", claim: "a|b|c|d")])
        try withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("kb.sqlite")
            try KnowledgeBaseWriter.write(graph, findings: findings + [odd], to: url)
            let read = try KnowledgeBaseReader(url: url).findings()
            #expect(read == findings + [odd])
            // Known sources are stored by id, not by path.
            let queue = try DatabaseQueue(path: url.path)
            let paths = try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM findings f, json_each(f.sources) j WHERE j.type = 'text'") }
            #expect(paths == 1)
        }
    }

    @Test("findings are sorted errors first, then by id, and their ids are unique")
    func order() {
        let f = AuditFixture.audited.findings
        #expect(f == Auditor.sorted(f))
        #expect(Set(f.map(\.id)).count == f.count)
        #expect(f.first?.severity == .error)
    }
}
