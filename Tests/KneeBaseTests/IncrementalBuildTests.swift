import Foundation
import Testing
@testable import KneeBase

/// Incremental builds (the per-article cache and the reuse of unchanged output files)
/// must give exactly the bytes a clean build gives, whatever changed.
@Suite(.serialized) struct IncrementalBuildTests {
    /// Every file below `root`, by relative path.
    static func tree(_ root: URL) throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        let base = root.standardizedFileURL.resolvingSymlinksInPath().path
        for case let url as URL in FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) ?? FileManager.DirectoryEnumerator() {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue else { continue }
            let path = url.standardizedFileURL.resolvingSymlinksInPath().path
            files[String(path.dropFirst(base.count + 1))] = [UInt8](try Data(contentsOf: url))
        }
        return files
    }

    /// Builds `content` into `dir/public` with the cache, and into a fresh `dir/clean` without; expects the same bytes.
    @discardableResult
    static func expectSameAsClean(_ dir: URL, content: URL, theme: URL? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws -> BuildReport {
        let output = dir.appendingPathComponent("public")
        let report = try Builder.build(BuildOptions(content: content, output: output, theme: theme, cache: BuildOptions.defaultCache(for: output)))
        let clean = dir.appendingPathComponent("clean")
        try? FileManager.default.removeItem(at: clean)
        _ = try Builder.build(BuildOptions(content: content, output: clean, theme: theme))
        let a = try tree(output), b = try tree(clean)
        #expect(a.keys.sorted() == b.keys.sorted(), sourceLocation: sourceLocation)
        let differing = a.keys.filter { b[$0] != nil && a[$0] != b[$0] }.sorted()
        #expect(differing.isEmpty, "files differ from a clean build: \(differing.prefix(5))", sourceLocation: sourceLocation)
        #expect(a["data/kb.sqlite"] != nil, sourceLocation: sourceLocation)
        return report
    }

    static func article(_ title: String, _ body: String) -> String {
        "---\ntitle: \(title)\nkind: blog\n---\n\n# \(title)\n\n\(body)\n"
    }

    /// A small content folder: the repository's lexicon and four articles.
    static func makeContent(_ dir: URL) throws -> URL {
        let content = dir.appendingPathComponent("content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Repo.content.appendingPathComponent("lexicon"), to: content.appendingPathComponent("lexicon"))
        try content.write(article("Knee pain", "Runner's knee is pain around the kneecap. Strengthening the hips often helps."), to: "articles/a.md")
        try content.write(article("IT band", "IT band syndrome causes pain on the outside of the knee. Foam rolling may help."), to: "articles/b.md")
        try content.write("<html><body><article><h1>Squats</h1><p>Squatting can hurt with patellofemoral pain syndrome.</p></article></body></html>",
                          to: "articles/c.html")
        try content.write("Rest\n\nRest and ice reduce knee swelling after running.\n", to: "articles/d.txt")
        return content
    }

    @Test func editAddDeleteAndRenameGiveTheCleanBuild() throws {
        try withTemporaryDirectory { dir in
            let content = try Self.makeContent(dir)
            let first = try Self.expectSameAsClean(dir, content: content)
            #expect(first.cacheHits == 0)
            let noop = try Self.expectSameAsClean(dir, content: content)
            #expect(noop.cacheHits == 4)

            try content.write(Self.article("Knee pain", "Runner's knee is pain around the kneecap. Clamshells strengthen the gluteus medius."), to: "articles/a.md")
            try content.write(Self.article("New", "Patellar tendinopathy causes pain below the kneecap when jumping."), to: "articles/e.md")
            try FileManager.default.removeItem(at: content.appendingPathComponent("articles/d.txt"))
            try FileManager.default.moveItem(at: content.appendingPathComponent("articles/b.md"), to: content.appendingPathComponent("articles/b2.md"))
            let edited = try Self.expectSameAsClean(dir, content: content)
            #expect(edited.sources == 4)
            #expect(edited.cacheHits == 1, "only c.html is unchanged")
            let entries = try FileManager.default.contentsOfDirectory(atPath: BuildOptions.defaultCache(for: dir.appendingPathComponent("public"))
                .appendingPathComponent("documents").path)
            #expect(entries.count == 4, "entries of deleted, renamed and edited articles are pruned")
        }
    }

    @Test("a touched but unchanged article is stale until a build has checked it, not for ever after")
    func touchedContentIsCheckedOnce() throws {
        try withTemporaryDirectory { dir in
            let content = try Self.makeContent(dir)
            let output = dir.appendingPathComponent("public")
            let options = BuildOptions(content: content, output: output, cache: BuildOptions.defaultCache(for: output))
            let kb = output.appendingPathComponent("data/kb.sqlite")
            _ = try Builder.build(options)
            #expect(!Freshness.isStale(kb: kb, content: content, cache: options.cache))
            // `touch`: newer than the knowledge base and the build's stamp (both written before now), same bytes.
            let article = content.appendingPathComponent("articles/a.md")
            let kbTime = try #require(try kb.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate)
            try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(0.5)], ofItemAtPath: article.path)
            #expect(Freshness.isStale(kb: kb, content: content, cache: options.cache))
            Thread.sleep(forTimeInterval: 0.6)
            let again = try Builder.build(options)
            #expect(again.unchanged, "the bytes did not change: the output is kept")
            #expect(try kb.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate == kbTime)
            #expect(!Freshness.isStale(kb: kb, content: content, cache: options.cache), "the build checked the touched file")
            #expect(Freshness.isStale(kb: kb, content: content), "without the cache's stamp the file still looks newer")
        }
    }

    @Test func lexiconChangeRedoesExtraction() throws {
        try withTemporaryDirectory { dir in
            let content = try Self.makeContent(dir)
            try Self.expectSameAsClean(dir, content: content)
            let lexicon = content.appendingPathComponent("lexicon")
            let url = lexicon.appendingPathComponent("symptoms.yml")
            let text = try String(contentsOf: url, encoding: .utf8)
            let entity = "\n  - id: squatting-pain-test\n    name: squatting pain test\n    aliases: [squatting]\n    description: A test entry.\n"
            try (text + entity).write(to: url, atomically: true, encoding: .utf8)
            let report = try Self.expectSameAsClean(dir, content: content)
            #expect(report.cacheHits == 0, "every article is extracted again with the new lexicon")
            // Comments do not change what extraction reads: the cache stays valid.
            try (try String(contentsOf: url, encoding: .utf8) + "\n# a comment\n").write(to: url, atomically: true, encoding: .utf8)
            #expect(try Self.expectSameAsClean(dir, content: content).cacheHits == 4)
        }
    }

    @Test func themeChangeIsRendered() throws {
        try withTemporaryDirectory { dir in
            let content = try Self.makeContent(dir)
            let theme = dir.appendingPathComponent("theme")
            try theme.write("body { color: #123456; }\n", to: "assets/style.css")
            try Self.expectSameAsClean(dir, content: content, theme: theme)
            try theme.write("body { color: #654321; }\n", to: "assets/style.css")
            let report = try Self.expectSameAsClean(dir, content: content, theme: theme)
            #expect(report.cacheHits == 4)
            let css = try String(contentsOf: dir.appendingPathComponent("public/assets/style.css"), encoding: .utf8)
            #expect(css.contains("#654321"))
        }
    }

    @Test func damagedCacheEntriesAreIgnored() throws {
        try withTemporaryDirectory { dir in
            let content = try Self.makeContent(dir)
            try Self.expectSameAsClean(dir, content: content)
            let folder = BuildOptions.defaultCache(for: dir.appendingPathComponent("public")).appendingPathComponent("documents")
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            #expect(names.count == 4)
            let truncated = folder.appendingPathComponent(names[0])
            let bytes = try Data(contentsOf: truncated)
            try bytes.prefix(bytes.count / 2).write(to: truncated)
            try Data("garbage".utf8).write(to: folder.appendingPathComponent(names[1]))
            var flipped = [UInt8](try Data(contentsOf: folder.appendingPathComponent(names[2])))
            for i in stride(from: 12, to: flipped.count, by: 7) { flipped[i] ^= 0x5A }
            try Data(flipped).write(to: folder.appendingPathComponent(names[2]))
            let report = try Self.expectSameAsClean(dir, content: content)
            let notes = report.diagnostics.filter { $0.id == BuildCache.corruptID }
            #expect(notes.count >= 2, "truncated and garbage entries are reported")
            #expect(notes.allSatisfy { $0.severity == .note })
            #expect(report.cacheHits <= 2)
            // Rewritten: the next build reads them all from the cache again.
            #expect(try Self.expectSameAsClean(dir, content: content).cacheHits == 4)
        }
    }

    @Test func unchangedOutputFilesAreReused() throws {
        try withTemporaryDirectory { dir in
            let content = try Self.makeContent(dir)
            let output = dir.appendingPathComponent("public")
            let options = BuildOptions(content: content, output: output, cache: BuildOptions.defaultCache(for: output))
            _ = try Builder.build(options)
            func inode(_ path: String) -> UInt {
                var st = stat()
                return stat(output.appendingPathComponent(path).path, &st) == 0 ? UInt(st.st_ino) : 0
            }
            let before = inode("assets/style.css"), home = inode("index.html")
            // An edit that changes no page but its own source's makes a real build that reuses the rest.
            try content.write("Rest\n\nRest and ice reduce knee swelling after running.\n\n", to: "articles/d.txt")
            #expect(try !Builder.build(options).unchanged)
            #expect(before != 0 && inode("assets/style.css") == before, "an unchanged file is the same file")
            #expect(inode("index.html") == home)
        }
    }

    @Test func binaryCoderRoundTripsDocumentsAndRejectsDamage() throws {
        let ingested = Ingest.text("# Title\n\nRunner's knee hurts. Rest helps.\n", format: .markdown)
        let document = try ingested.requireDocument()
        let bytes = try BinaryCoder.encode(document)
        #expect(try BinaryCoder.decode(Document.self, from: bytes) == document)
        var meta = document
        meta.metadata = SourceMetadata(title: "t", author: nil, date: "2024", extra: ["b": "2", "a": "1"])
        #expect(try BinaryCoder.decode(Document.self, from: try BinaryCoder.encode(meta)) == meta)
        for cut in [0, 1, bytes.count / 3, bytes.count - 1] {
            #expect(throws: (any Error).self) { try BinaryCoder.decode(Document.self, from: Array(bytes.prefix(cut))) }
        }
        #expect(throws: (any Error).self) { try BinaryCoder.decode(Document.self, from: bytes + [0]) }
    }

    @Test func binaryCoderTakesUInt64AndRefusesOtherNumbersInsteadOfRecursing() throws {
        let fingerprints: [UInt64] = [0, 1, 300, .max]
        #expect(try BinaryCoder.decode([UInt64].self, from: try BinaryCoder.encode(fingerprints)) == fingerprints)
        #expect(throws: BinaryCoderError.self) { try BinaryCoder.encode([UInt32(7)]) }
        #expect(throws: BinaryCoderError.self) { try BinaryCoder.encode(Int8(7)) }
        #expect(throws: BinaryCoderError.self) { try BinaryCoder.decode(UInt16.self, from: [7]) }
    }
}
