import Foundation
import Testing
@testable import KneeBase

/// Incremental builds keep the previous copy of an entity or source page whose inputs did
/// not change (`PageDigest`) instead of rendering it again, and still give a clean build's bytes.
@Suite(.serialized) struct PageReuseTests {
    static func inode(_ url: URL) -> UInt64? {
        var st = stat()
        return stat(url.path, &st) == 0 ? UInt64(st.st_ino) : nil
    }

    @Test func unchangedPagesAreKeptAndChangedOnesRendered() throws {
        try withTemporaryDirectory { dir in
            let content = try IncrementalBuildTests.makeContent(dir)
            try IncrementalBuildTests.expectSameAsClean(dir, content: content)
            let output = dir.appendingPathComponent("public")
            let cache = BuildCache(folder: BuildOptions.defaultCache(for: output))
            let digests = PageMemoRecord.load(cache, output: output)
            #expect(digests["sources/c.html"] != nil, "the first build records its pages' digests")
            #expect(digests.keys.contains { $0.hasPrefix("conditions/") })
            let untouched = output.appendingPathComponent("sources/c.html")
            let edited = output.appendingPathComponent("sources/a.html")
            let before = (Self.inode(untouched), Self.inode(edited))

            try content.write(IncrementalBuildTests.article("Knee pain", "Runner's knee is pain around the kneecap. Clamshells strengthen the gluteus medius."),
                              to: "articles/a.md")
            try IncrementalBuildTests.expectSameAsClean(dir, content: content)
            #expect(Self.inode(untouched) == before.0, "an unchanged source page is the previous file")
            #expect(Self.inode(edited) != before.1, "the edited article's page is rendered again")
            let after = PageMemoRecord.load(cache, output: output)
            #expect(after["sources/a.html"] != digests["sources/a.html"])
            #expect(after["sources/c.html"] == digests["sources/c.html"])
        }
    }

    @Test func digestsOfAnotherOutputAreNotTrusted() throws {
        try withTemporaryDirectory { dir in
            let content = try IncrementalBuildTests.makeContent(dir)
            try IncrementalBuildTests.expectSameAsClean(dir, content: content)
            let output = dir.appendingPathComponent("public")
            // A restored copy of the output, with a page changed by hand: its digests no longer describe it.
            let copy = dir.appendingPathComponent("copy")
            try FileManager.default.copyItem(at: output, to: copy)
            try FileManager.default.removeItem(at: output)
            try FileManager.default.moveItem(at: copy, to: output)
            try Data("tampered".utf8).write(to: output.appendingPathComponent("sources/c.html"))
            #expect(PageMemoRecord.load(BuildCache(folder: BuildOptions.defaultCache(for: output)), output: output).isEmpty)
            try content.write(IncrementalBuildTests.article("Knee pain", "Runner's knee is pain around the kneecap. Squats may help."), to: "articles/a.md")
            try IncrementalBuildTests.expectSameAsClean(dir, content: content)
        }
    }

    @Test func auditResultsAreReusedPerDocument() throws {
        try withTemporaryDirectory { dir in
            let content = try IncrementalBuildTests.makeContent(dir)
            try IncrementalBuildTests.expectSameAsClean(dir, content: content)
            let cache = BuildCache(folder: BuildOptions.defaultCache(for: dir.appendingPathComponent("public")))
            let first = AuditMemoRecord.load(cache)
            #expect(first.count == 4, "one result per article")
            try content.write(IncrementalBuildTests.article("Knee pain", "Runner's knee is pain around the kneecap. Squats may help."), to: "articles/a.md")
            try IncrementalBuildTests.expectSameAsClean(dir, content: content)
            let second = AuditMemoRecord.load(cache)
            #expect(second.count == 4)
            #expect(Set(first.keys).intersection(second.keys).count == 3, "the three unchanged articles keep their keys")
        }
    }
}
