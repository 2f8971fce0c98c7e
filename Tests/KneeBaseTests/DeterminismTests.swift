import Foundation
import Testing
@testable import KneeBase

/// The same content gives byte-identical output — every file of `public/`, the
/// database included — whatever the order the file system lists it in, the number
/// of cores the build runs on, the time, the time zone and the files' dates.
@Suite("Determinism", .serialized)
struct DeterminismTests {
    /// The repository's articles plus generated ones, as (relative path, bytes), in name order.
    static let sources: [(String, [UInt8])] = {
        var out: [(String, [UInt8])] = []
        let fm = FileManager.default
        for name in Repo.articleNames {
            out.append(("articles/" + name, [UInt8]((try? Data(contentsOf: Repo.articles.appendingPathComponent(name))) ?? Data())))
        }
        let lexicon = Repo.content.appendingPathComponent("lexicon")
        for name in ((try? fm.contentsOfDirectory(atPath: lexicon.path)) ?? []).sorted() {
            out.append(("lexicon/" + name, [UInt8]((try? Data(contentsOf: lexicon.appendingPathComponent(name))) ?? Data())))
        }
        return out
    }()

    /// Writes the content under `dir/content` in the given order of files, through a
    /// scratch folder renamed into place so the directory's own order differs too.
    static func writeContent(in dir: URL, order: [Int], extraArticles: ClosedRange<Int> = 0...11) throws -> URL {
        let content = dir.appendingPathComponent("content")
        let scratch = dir.appendingPathComponent("scratch")
        try FileManager.default.createDirectory(at: scratch.appendingPathComponent("articles/more"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: scratch.appendingPathComponent("lexicon"), withIntermediateDirectories: true)
        for i in order {
            try scratch.write(sources[i].1, to: sources[i].0)
        }
        let extra = order.first == 0 ? Array(extraArticles) : extraArticles.reversed()
        for i in extra {
            try GeneratedCorpus.write(article: i, to: scratch.appendingPathComponent("articles/more"))
        }
        try FileManager.default.moveItem(at: scratch, to: content)
        return content
    }

    static func build(_ dir: URL, environment: [String: String] = [:], cpus: String? = nil) throws -> FileTree {
        let run = try KneeBaseBinary.run(["build", "--content", "content", "--output", "public"], in: dir, environment: environment, cpus: cpus)
        try #require(run.status == 0 && !run.signaled, "build failed: \(run.stderr)")
        let tree = FileTree(dir.appendingPathComponent("public"))
        try #require(tree.files.count > 20, "the build wrote only \(tree.files.count) files")
        try #require(tree.files["data/kb.sqlite"] != nil)
        return tree
    }

    static func expectSame(_ a: FileTree, _ b: FileTree, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let differences = a.differences(from: b, databasesByContent: true)
        #expect(differences.isEmpty, "\(what): \(differences.count) files differ, e.g. \(differences.prefix(8))", sourceLocation: sourceLocation)
        // Byte for byte, the database too.
        let identical = a.files["data/kb.sqlite"] == b.files["data/kb.sqlite"]
        #expect(identical, "\(what): data/kb.sqlite differs byte for byte", sourceLocation: sourceLocation)
    }

    @Test("the order files were created in (and so listed in) does not change a byte")
    func fileSystemOrder() throws {
        try withTemporaryDirectory { dir in
            let a = dir.appendingPathComponent("a"), b = dir.appendingPathComponent("b")
            _ = try Self.writeContent(in: a, order: Array(Self.sources.indices))
            _ = try Self.writeContent(in: b, order: Array(Self.sources.indices.reversed()))
            // The two folders really list differently (when the file system keeps creation order at all).
            let listA = try FileManager.default.contentsOfDirectory(atPath: a.appendingPathComponent("content/articles/more").path)
            let listB = try FileManager.default.contentsOfDirectory(atPath: b.appendingPathComponent("content/articles/more").path)
            #expect(Set(listA) == Set(listB))
            Self.expectSame(try Self.build(a), try Self.build(b), "content created in reverse order")
        }
    }

    @Test("one core or all cores: the same bytes")
    func coreCount() throws {
        guard KneeBaseBinary.taskset != nil else {
            print("taskset is not installed; skipping the one-core build")
            return
        }
        try withTemporaryDirectory { dir in
            _ = try Self.writeContent(in: dir, order: Array(Self.sources.indices))
            let allCores = try Self.build(dir)
            let oneCore = try Self.build(dir, cpus: "0")
            Self.expectSame(allCores, oneCore, "taskset -c 0")
        }
    }

    @Test("the time, the time zone, the locale and the files' dates leave no trace in the output")
    func timeAndDates() throws {
        try withTemporaryDirectory { dir in
            let content = try Self.writeContent(in: dir, order: Array(Self.sources.indices))
            func setDates(_ date: Date) throws {
                let walker = try #require(FileManager.default.enumerator(atPath: content.path))
                for case let relative as String in walker {
                    try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: content.appendingPathComponent(relative).path)
                }
            }
            try setDates(Date(timeIntervalSince1970: 978_307_200))  // 2001-01-01
            let first = try Self.build(dir, environment: ["TZ": "UTC", "LC_ALL": "C", "LANG": "C"])
            Thread.sleep(forTimeInterval: 1.2)
            try setDates(Date(timeIntervalSince1970: 2_114_380_800))  // 2037-01-01
            let second = try Self.build(dir, environment: ["TZ": "Pacific/Kiritimati", "LC_ALL": "de_DE.UTF-8", "LANG": "de_DE.UTF-8"])
            Self.expectSame(first, second, "another time, time zone, locale and file dates")

            // No timestamp of the build itself: today's date appears in no file (the content's own dates are from 2024).
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            var stamps: Set<String> = []
            for zone in ["UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago"] {
                formatter.timeZone = TimeZone(identifier: zone)
                for format in ["yyyy-MM-dd", "yyyy/MM/dd", "dd MMM yyyy", "MMM d, yyyy", "EEE, dd MMM yyyy"] {
                    formatter.dateFormat = format
                    stamps.insert(formatter.string(from: Date()))
                }
            }
            for (path, bytes) in second.files {
                let text = String(decoding: bytes, as: UTF8.self)
                for stamp in stamps where text.contains(stamp) {
                    Issue.record("\(path) holds today's date '\(stamp)'")
                }
            }
        }
    }
}
