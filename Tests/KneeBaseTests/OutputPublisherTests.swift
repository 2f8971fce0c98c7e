import Foundation
import Testing
@testable import KneeBase

/// The output is published atomically: a successful build replaces it as a whole, a
/// failed or killed build leaves the previous one as it was.
@Suite("Atomic output")
struct OutputPublisherTests {
    /// A content folder with one article, and an output folder holding a previous build.
    static func withPreviousBuild(_ body: (_ content: URL, _ output: URL, _ previous: [UInt8]) throws -> Void) throws {
        try withTemporaryDirectory { dir in
            let content = dir.appendingPathComponent("content")
            let output = dir.appendingPathComponent("site/public")
            try content.write(goodArticle, to: "articles/good.md")
            _ = try Builder.build(BuildOptions(content: content, output: output))
            try output.write("from the previous build", to: "marker.txt")
            let previous = [UInt8](try Data(contentsOf: output.appendingPathComponent("data/documents.json")))
            try body(content, output, previous)
        }
    }

    static func contents(_ url: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
    }

    @Test("a successful build replaces the previous output as a whole")
    func successReplaces() throws {
        try Self.withPreviousBuild { content, output, previous in
            try content.write("A second article arrives.", to: "articles/second.txt")
            let report = try Builder.build(BuildOptions(content: content, output: output))
            #expect(report.sources == 2)
            #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("marker.txt").path))
            let now = [UInt8](try Data(contentsOf: output.appendingPathComponent("data/documents.json")))
            #expect(now != previous)
            #expect(String(decoding: now, as: UTF8.self).contains("A second article arrives."))
            // No staging or backup folders are left beside the output.
            #expect(Self.contents(output.deletingLastPathComponent()) == ["public"])
        }
    }

    @Test("a build whose content folder has vanished fails and leaves the previous output intact")
    func vanishedContent() throws {
        try Self.withPreviousBuild { content, output, previous in
            try FileManager.default.removeItem(at: content)
            #expect(throws: BuildFailure.self) {
                _ = try Builder.build(BuildOptions(content: content, output: output))
            }
            #expect(try Data(contentsOf: output.appendingPathComponent("data/documents.json")) == Data(previous))
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("marker.txt").path))
            #expect(Self.contents(output.deletingLastPathComponent()) == ["public"])
        }
    }

    @Test("an error in the content is reported and leaves the previous output intact",
          arguments: ["articles/broken.md", "lexicon/broken.yml"])
    func contentErrorKeepsOutput(_ broken: String) throws {
        try Self.withPreviousBuild { content, output, previous in
            let text = broken.hasSuffix(".md") ? "---\ntitle: Never closed\n\nThe body.\n" : "- id: x\n  name: [unclosed\n"
            try content.write(text, to: broken)
            let report = try Builder.build(BuildOptions(content: content, output: output))
            #expect(!report.published)
            let errors = report.diagnostics.filter { $0.severity == .error }
            #expect(errors.count == 1, "\(report.diagnostics.map(\.formatted))")
            #expect(errors.first?.file.hasSuffix(broken) == true)
            #expect(try Data(contentsOf: output.appendingPathComponent("data/documents.json")) == Data(previous))
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("marker.txt").path))
            #expect(Self.contents(output.deletingLastPathComponent()) == ["public"])
        }
    }

    @Test("with a cache, a build with errors changes nothing, and the build after the fix equals a clean one")
    func contentErrorWithCache() throws {
        try withTemporaryDirectory { dir in
            let content = dir.appendingPathComponent("content")
            let output = dir.appendingPathComponent("public")
            let options = BuildOptions(content: content, output: output, cache: dir.appendingPathComponent("cache"))
            try content.write(goodArticle, to: "articles/good.md")
            try content.write("Runners often feel pain around the kneecap.", to: "articles/second.txt")
            #expect(try Builder.build(options).published)
            let before = try IncrementalBuildTests.tree(output)
            try content.write("---\ntitle: [\n---\nText.\n", to: "articles/second.txt")
            try FileManager.default.moveItem(at: content.appendingPathComponent("articles/second.txt"),
                                             to: content.appendingPathComponent("articles/second.md"))
            let failed = try Builder.build(options)
            #expect(!failed.published)
            #expect(try IncrementalBuildTests.tree(output) == before, "the failed build changed the output")
            try content.write("Runners often feel pain below the kneecap.", to: "articles/second.md")
            #expect(try Builder.build(options).published)
            let clean = dir.appendingPathComponent("clean")
            _ = try Builder.build(BuildOptions(content: content, output: clean))
            #expect(try IncrementalBuildTests.tree(output) == IncrementalBuildTests.tree(clean))
        }
    }

    @Test("a build that cannot write beside the output fails and leaves the previous output intact")
    func unwritableParent() throws {
        try Self.withPreviousBuild { content, output, previous in
            let parent = output.deletingLastPathComponent()
            chmod(parent.path, 0o555)
            defer { chmod(parent.path, 0o755) }
            if ignoresFilePermissions {
                // Root writes into a read-only folder anyway; the build succeeds, which is right.
                _ = try Builder.build(BuildOptions(content: content, output: output))
                return
            }
            #expect(throws: BuildFailure.self) {
                _ = try Builder.build(BuildOptions(content: content, output: output))
            }
            #expect(try Data(contentsOf: output.appendingPathComponent("data/documents.json")) == Data(previous))
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("marker.txt").path))
        }
    }

    @Test("an output whose parent is a file fails with a build error naming the output, even for root")
    func parentIsAFile() throws {
        try withTemporaryDirectory { dir in
            let content = dir.appendingPathComponent("content")
            try content.write(goodArticle, to: "articles/good.md")
            try dir.write("a file, not a folder", to: "blocker")
            let output = dir.appendingPathComponent("blocker/public")
            let failure = #expect(throws: BuildFailure.self) {
                _ = try Builder.build(BuildOptions(content: content, output: output))
            }
            #expect(failure?.description.contains("blocker/public") == true)
            #expect(try String(contentsOf: dir.appendingPathComponent("blocker"), encoding: .utf8) == "a file, not a folder")
        }
    }

    @Test("a killed build's staging folder leaves the output intact and is cleared by the next build")
    func killedBuild() throws {
        try Self.withPreviousBuild { content, output, previous in
            // What a build killed half-way leaves behind: a staging folder of a process that no longer runs.
            let parent = output.deletingLastPathComponent()
            let stale = parent.appendingPathComponent(".public.staging-2147483646-7")
            try stale.write("half written", to: "data/documents.json")
            #expect(try Data(contentsOf: output.appendingPathComponent("data/documents.json")) == Data(previous))

            _ = try Builder.build(BuildOptions(content: content, output: output))
            #expect(!FileManager.default.fileExists(atPath: stale.path))
            #expect(Self.contents(parent) == ["public"])
            let json = try String(contentsOf: output.appendingPathComponent("data/documents.json"), encoding: .utf8)
            #expect(json.contains("Runner's knee is pain around the kneecap."))
        }
    }

    @Test("the first build creates the output and its parents")
    func firstBuild() throws {
        try withTemporaryDirectory { dir in
            let content = dir.appendingPathComponent("content")
            try content.write(goodArticle, to: "articles/good.md")
            let output = dir.appendingPathComponent("deep/er/public")
            let report = try Builder.build(BuildOptions(content: content, output: output))
            #expect(report.sources == 1)
            #expect(report.sentences == goodArticleSentences.count)
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("data/documents.json").path))
        }
    }
}
