import Foundation
import Testing
@testable import KneeBase

/// A build killed with SIGKILL at any moment, or one that fails, leaves the previous
/// `public/` — and its `kb.sqlite` — exactly as it was and readable; the next build
/// clears what the killed one left behind.
@Suite("Crash safety", .serialized)
struct CrashSafetyTests {
    static let articles = 300

    /// When to kill a build: after a delay (a fraction of a full build's time), or as
    /// soon as something shows up in its staging folder.
    enum Moment: CustomStringConvertible {
        case fraction(Double)
        case stagingCreated
        case databaseStaged
        case pagesStaged(Int)

        var description: String {
            switch self {
            case .fraction(let f): "at \(Int(f * 100))% of a build"
            case .stagingCreated: "when the staging folder appears"
            case .databaseStaged: "when kb.sqlite appears in staging"
            case .pagesStaged(let n): "after \(n) staged pages"
            }
        }
    }

    /// Staging folders beside `public` (`.public.staging-PID-…`).
    static func staging(_ parent: URL) -> [URL] {
        ((try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? [])
            .filter { $0.hasPrefix(".public.staging-") }.map { parent.appendingPathComponent($0) }
    }

    static func stagedPages(_ parent: URL) -> Int {
        staging(parent).reduce(0) { count, folder in
            let walker = FileManager.default.enumerator(atPath: folder.path)
            var n = 0
            while let path = walker?.nextObject() as? String { if path.hasSuffix(".html") { n += 1 } }
            return count + n
        }
    }

    /// Starts `kneebase build`, kills it with SIGKILL at `moment`; true when it was still running then.
    static func killBuild(in dir: URL, at moment: Moment, fullBuild: Double) throws -> Bool {
        let process = try KneeBaseBinary.process(["build", "--content", "content", "--output", "public"], in: dir)
        let clock = ContinuousClock()
        let started = clock.now
        try process.run()
        let deadline = started + .seconds(max(60, fullBuild * 4))
        while process.isRunning && clock.now < deadline {
            let fired: Bool = switch moment {
            case .fraction(let f): (clock.now - started).seconds >= f * fullBuild
            case .stagingCreated: !staging(dir).isEmpty
            case .databaseStaged: staging(dir).contains { FileManager.default.fileExists(atPath: $0.appendingPathComponent("data/kb.sqlite").path) }
            case .pagesStaged(let n): stagedPages(dir) >= n
            }
            if fired { break }
            usleep(2_000)
        }
        let wasRunning = process.isRunning
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return wasRunning
    }

    static func build(_ dir: URL, arguments: [String] = []) throws -> KneeBaseBinary.Run {
        try KneeBaseBinary.run(["build", "--content", "content", "--output", "public"] + arguments, in: dir)
    }

    @Test("SIGKILL at many moments of a 300-article build: public/ stays the previous build or becomes the new one, never a mix",
          .timeLimit(.minutes(20)))
    func killedBuilds() throws {
        try withTemporaryDirectory { dir in
            let content = dir.appendingPathComponent("content")
            try GeneratedCorpus.write(Self.articles, to: content)
            let first = try Self.build(dir)
            try #require(first.status == 0, "\(first.stderr)")
            let previous = FileTree(dir.appendingPathComponent("public"))
            let previousKB = try #require(KnowledgeBaseCheck.inspect(dir.appendingPathComponent("public/data/kb.sqlite")))
            #expect(previousKB.integrity == "ok")
            #expect(previousKB.claims > 0)

            // The next version of the content, and what a complete build of it gives (built elsewhere, then compared).
            try GeneratedCorpus.write(article: Self.articles, to: content.appendingPathComponent("articles"))
            try content.write("# Edited\n\nRunner's knee is often caused by weak hips, the edit says.\n", to: "articles/0000-notes.md")
            let reference = dir.appendingPathComponent("reference")
            try FileManager.default.createDirectory(at: reference, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(at: reference.appendingPathComponent("content"), withDestinationURL: content)
            let clock = ContinuousClock()
            let start = clock.now
            let next = try Self.build(reference)
            let fullBuild = (clock.now - start).seconds
            try #require(next.status == 0, "\(next.stderr)")
            let updated = FileTree(reference.appendingPathComponent("public"))
            try #require(updated != previous)

            let moments: [Moment] = [.stagingCreated, .databaseStaged, .pagesStaged(1), .pagesStaged(100), .pagesStaged(400),
                                     .fraction(0.05), .fraction(0.2), .fraction(0.35), .fraction(0.5), .fraction(0.65),
                                     .fraction(0.8), .fraction(0.9), .fraction(0.97), .fraction(1.0)]
            var killedMidway = 0
            for moment in moments {
                let wasRunning = try Self.killBuild(in: dir, at: moment, fullBuild: fullBuild)
                let now = FileTree(dir.appendingPathComponent("public"))
                let kb = KnowledgeBaseCheck.inspect(dir.appendingPathComponent("public/data/kb.sqlite"))
                #expect(kb?.integrity == "ok", "kb.sqlite unreadable after a kill \(moment)")
                if now == previous {
                    #expect(kb?.claims == previousKB.claims)
                    if wasRunning { killedMidway += 1 }
                } else {
                    let differences = now.differences(from: updated, databasesByContent: true)
                    #expect(differences.isEmpty, "after a kill \(moment), public/ is neither build: \(differences.prefix(5)) differ from the new one")
                    // The new build is in place; go back to the previous content state for the next kill.
                    try FileManager.default.removeItem(at: dir.appendingPathComponent("public"))
                    try FileManager.default.createDirectory(at: dir.appendingPathComponent("public"), withIntermediateDirectories: true)
                    for (path, bytes) in previous.files { try dir.appendingPathComponent("public").write(bytes, to: path) }
                }
            }
            #expect(killedMidway >= 5, "only \(killedMidway) kills landed while the build was running")

            // The next build clears the staging folders the killed builds left, and publishes the new content.
            let last = try Self.build(dir)
            #expect(last.status == 0, "\(last.stderr)")
            #expect(Self.staging(dir).isEmpty)
            #expect(FileTree(dir.appendingPathComponent("public")).differences(from: updated, databasesByContent: true).isEmpty)
        }
    }

    @Test("a build that fails late (a theme template that does not parse) leaves public/ and kb.sqlite as they were")
    func failingBuild() throws {
        try withTemporaryDirectory { dir in
            try GeneratedCorpus.write(20, to: dir.appendingPathComponent("content"))
            let first = try Self.build(dir)
            try #require(first.status == 0, "\(first.stderr)")
            let previous = FileTree(dir.appendingPathComponent("public"))
            try GeneratedCorpus.write(article: 20, to: dir.appendingPathComponent("content/articles"))
            try dir.write("{{#unclosed}} never closed", to: "theme/templates/entity.mustache")
            let failed = try Self.build(dir, arguments: ["--theme", "theme"])
            #expect(failed.status != 0)
            #expect(!failed.signaled)
            #expect(failed.stderr.contains("error"), "\(failed.stderr)")
            #expect(FileTree(dir.appendingPathComponent("public")).differences(from: previous).isEmpty)
            #expect(KnowledgeBaseCheck.inspect(dir.appendingPathComponent("public/data/kb.sqlite"))?.integrity == "ok")
            #expect(Self.staging(dir).isEmpty, "the failed build left its staging folder")
        }
    }
}
