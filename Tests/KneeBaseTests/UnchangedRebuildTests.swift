import Foundation
import Testing
@testable import KneeBase

/// A rebuild with nothing changed keeps the output as it is (the build manifest's fast
/// path), and anything that could change the output makes it a real build again.
@Suite(.serialized) struct UnchangedRebuildTests {
    /// Device, inode and change time of a folder: a real build publishes a new one.
    static func identity(_ url: URL) -> String? { BuildManifest.outputIdentity(url) }

    static func options(_ dir: URL, content: URL, theme: URL? = nil) -> BuildOptions {
        let output = dir.appendingPathComponent("public")
        return BuildOptions(content: content, output: output, theme: theme, cache: BuildOptions.defaultCache(for: output))
    }

    @Test func nothingChangedKeepsTheOutputAndTheReport() throws {
        try withTemporaryDirectory { dir in
            let content = try IncrementalBuildTests.makeContent(dir)
            // An article with a warning, so the kept report must carry diagnostics.
            try content.write("", to: "articles/z.md")
            let options = Self.options(dir, content: content)
            let first = try Builder.build(options)
            #expect(!first.unchanged)
            #expect(!first.diagnostics.isEmpty)
            let folder = Self.identity(options.output)
            let again = try Builder.build(options)
            #expect(again.unchanged)
            #expect(Self.identity(options.output) == folder, "the output folder is kept, not rebuilt")
            #expect(again.diagnostics == first.diagnostics)
            func counts(_ r: BuildReport) -> [Int] { [r.sources, r.bytes, r.blocks, r.sentences, r.entities, r.claims] }
            #expect(counts(again) == counts(first))
            #expect(again.cacheHits == first.sources)

            try content.write(IncrementalBuildTests.article("Knee pain", "Patellar tendinopathy causes pain below the kneecap."), to: "articles/a.md")
            let edited = try IncrementalBuildTests.expectSameAsClean(dir, content: content)
            #expect(!edited.unchanged)
            #expect(Self.identity(options.output) != folder)
        }
    }

    @Test func anythingThatShapesTheOutputMakesARealBuild() throws {
        try withTemporaryDirectory { dir in
            let content = try IncrementalBuildTests.makeContent(dir)
            let theme = dir.appendingPathComponent("theme")
            try theme.write("body { color: #123456; }\n", to: "assets/style.css")
            var options = Self.options(dir, content: content, theme: theme)
            _ = try Builder.build(options)
            #expect(try Builder.build(options).unchanged)

            // The output removed, or replaced by a build that did not use the cache.
            try FileManager.default.removeItem(at: options.output)
            #expect(try !Builder.build(options).unchanged)
            #expect(FileManager.default.fileExists(atPath: options.output.appendingPathComponent("index.html").path))
            // The output swapped for a copy of an older build (a folder removed and made again
            // at once often gets the same inode number back): the copy is not trusted.
            let copy = dir.appendingPathComponent("copy-of-public")
            try FileManager.default.copyItem(at: options.output, to: copy)
            try FileManager.default.removeItem(at: options.output)
            try FileManager.default.createDirectory(at: options.output, withIntermediateDirectories: false)
            for name in try FileManager.default.contentsOfDirectory(atPath: copy.path) {
                try FileManager.default.copyItem(at: copy.appendingPathComponent(name), to: options.output.appendingPathComponent(name))
            }
            #expect(try !Builder.build(options).unchanged, "a restored copy of the output took the fast path")
            #expect(try Builder.build(options).unchanged)
            var uncached = options
            uncached.cache = nil
            _ = try Builder.build(uncached)
            #expect(try !Builder.build(options).unchanged)
            #expect(try Builder.build(options).unchanged)

            // A theme file, a lexicon comment, an option, an added or removed article.
            try theme.write("body { color: #654321; }\n", to: "assets/style.css")
            #expect(try !Builder.build(options).unchanged)
            let css = try String(contentsOf: options.output.appendingPathComponent("assets/style.css"), encoding: .utf8)
            #expect(css.contains("#654321"))
            let lexicon = content.appendingPathComponent("lexicon/symptoms.yml")
            try (try String(contentsOf: lexicon, encoding: .utf8) + "\n# a comment\n").write(to: lexicon, atomically: true, encoding: .utf8)
            let relexed = try Builder.build(options)
            #expect(!relexed.unchanged && relexed.cacheHits == relexed.sources)
            options.baseURL = "https://example.org/kb/"
            #expect(try !Builder.build(options).unchanged)
            #expect(try Builder.build(options).unchanged)
            try content.write("Ice\n\nIce eases knee swelling.\n", to: "articles/e.txt")
            #expect(try Builder.build(options).sources == 5)
            try FileManager.default.removeItem(at: content.appendingPathComponent("articles/e.txt"))
            let removed = try Builder.build(options)
            #expect(!removed.unchanged && removed.sources == 4)
            #expect(try Builder.build(options).unchanged)
        }
    }

    @Test func aDamagedManifestOrCacheEntryIsNotTrusted() throws {
        try withTemporaryDirectory { dir in
            let content = try IncrementalBuildTests.makeContent(dir)
            let options = Self.options(dir, content: content)
            _ = try Builder.build(options)
            let cache = BuildCache(folder: options.cache!)
            try Data("KBMANIFEST1\ngarbage".utf8).write(to: cache.manifestURL)
            #expect(try !Builder.build(options).unchanged)
            #expect(try Builder.build(options).unchanged)
            // A cache entry removed: the next build is a real one and stores it again.
            let entries = cache.manifestURL.deletingLastPathComponent().appendingPathComponent("documents")
            let name = try #require(try FileManager.default.contentsOfDirectory(atPath: entries.path).sorted().first)
            try FileManager.default.removeItem(at: entries.appendingPathComponent(name))
            let rebuilt = try Builder.build(options)
            #expect(!rebuilt.unchanged && rebuilt.cacheHits == 3)
            #expect(try Builder.build(options).unchanged)
        }
    }
}
