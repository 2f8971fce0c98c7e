import Synchronization
import Foundation
import Testing
@testable import KneeBase

/// Places the tests read from: the repository's real corpus and the bundled fixtures.
enum Repo {
    /// The repository root, three levels above this file (`Tests/KneeBaseTests/TestSupport.swift`).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let content = root.appendingPathComponent("content")
    static let articles = content.appendingPathComponent("articles")

    /// File names of the corpus articles, sorted.
    static let articleNames: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: articles.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }()

    /// The corpus article whose name starts with `prefix` (e.g. `"001"`).
    static func article(_ prefix: String) throws -> URL {
        let name = try #require(articleNames.first { $0.hasPrefix(prefix) }, "no article \(prefix)-… in content/articles")
        return articles.appendingPathComponent(name)
    }

    /// The bundled `Fixtures` folder.
    static var fixtures: URL {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
    }

    static func fixture(_ path: String) -> URL {
        fixtures.appendingPathComponent(path)
    }
}

/// Runs a script to completion with stdout and stderr together in a log file (a pipe
/// could fill and stall a chatty child), and returns its exit status and output.
enum ScriptRun {
    static func run(_ executable: URL, _ arguments: [String] = [], environment: [String: String]? = nil,
                    in directory: URL? = nil) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let directory { process.currentDirectoryURL = directory }
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("kneebase-script-\(getpid())-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try handle.close()
        return (process.terminationStatus, (try? String(contentsOf: log, encoding: .utf8)) ?? "")
    }
}

/// The result of ingesting one input.
struct Ingested {
    var document: Document?
    var diagnostics: [Diagnostic]

    /// The ingested document; records an issue when there is none.
    func requireDocument(sourceLocation: SourceLocation = #_sourceLocation) throws -> Document {
        try #require(document, "no document; diagnostics: \(diagnostics.map(\.formatted))", sourceLocation: sourceLocation)
    }

    var sentences: [String] { document?.sentences.map(\.text) ?? [] }
    var ids: [String] { diagnostics.map(\.id) }
}

enum Ingest {
    /// Ingests in-memory text of a given format, named `name` in diagnostics.
    static func text(_ text: String, format: Document.Format, name: String = "test", proseCheck: ProseCheck = ProseCheck()) -> Ingested {
        bytes(Array(text.utf8), format: format, name: name, proseCheck: proseCheck)
    }

    /// `proseCheck` replaces the one that leaves out long blocks that are no prose (`ProseCheck.never` keeps them).
    static func bytes(_ bytes: [UInt8], format: Document.Format, name: String = "test", proseCheck: ProseCheck = ProseCheck()) -> Ingested {
        var diagnostics: [Diagnostic] = []
        var ingester = ArticleIngester()
        ingester.assembler.cleaner.proseCheck = proseCheck
        let document = ingester.ingest(bytes: bytes, format: format, displayPath: name, diagnostics: &diagnostics)
        return Ingested(document: document, diagnostics: diagnostics)
    }

    /// Ingests a file, named by its path.
    static func file(_ url: URL) -> Ingested {
        var diagnostics: [Diagnostic] = []
        let document = ArticleIngester().ingest(url: url, displayPath: url.path, diagnostics: &diagnostics)
        return Ingested(document: document, diagnostics: diagnostics)
    }
}

/// An original file's bytes, with a way to turn 1-based line/column (in Unicode
/// scalars) into byte offsets, computed independently of the code under test.
struct SourceText {
    let bytes: [UInt8]
    private let lineStarts: [Int]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        for (i, b) in bytes.enumerated() where b == 0x0A { starts.append(i + 1) }
        lineStarts = starts
    }

    init(contentsOf url: URL) throws {
        self.init([UInt8](try Data(contentsOf: url)))
    }

    /// Byte offset of `line`:`column`, or nil when the line is too short or absent.
    func offset(line: Int, column: Int) -> Int? {
        guard line >= 1, line <= lineStarts.count, column >= 1 else { return nil }
        let lineEnd = line < lineStarts.count ? lineStarts[line] : bytes.count
        var i = lineStarts[line - 1]
        var scalars = 1
        while scalars < column {
            guard i < lineEnd else { return nil }
            i += 1
            while i < lineEnd && bytes[i] & 0xC0 == 0x80 { i += 1 }
            scalars += 1
        }
        return i
    }

    /// The source text from `line`:`column` to the end of the file.
    func text(fromLine line: Int, column: Int) -> String? {
        offset(line: line, column: column).map { String(decoding: bytes[$0...], as: UTF8.self) }
    }

    /// The bytes `range`, decoded as UTF-8.
    func slice(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }
}

enum TextNormal {
    /// Collapses runs of ASCII white space to one space and trims the ends — exactly
    /// what the readers do to a block's text (no-break spaces are text, and stay).
    static func collapsed(_ s: String) -> String {
        var out = ""
        var pendingSpace = false
        for scalar in s.unicodeScalars {
            if scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" || scalar == "\u{0C}" {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Removes HTML tags and decodes the entities found in our inputs.
    static func strippingMarkup(_ html: String) -> String {
        var out = ""
        var inTag = false
        for ch in html {
            if inTag { if ch == ">" { inTag = false }; continue }
            if ch == "<" { inTag = true; continue }
            out.append(ch)
        }
        return decodingEntities(out)
    }

    static let namedEntities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "copy": "©",
        "mdash": "—", "ndash": "–", "rsquo": "’", "lsquo": "‘", "rdquo": "”", "ldquo": "“", "hellip": "…", "bull": "•",
    ]

    static func decodingEntities(_ s: String) -> String {
        var out = ""
        var rest = Substring(s)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semi = after.firstIndex(of: ";"), after.distance(from: after.startIndex, to: semi) <= 10 {
                let name = String(after[..<semi])
                var decoded: String? = namedEntities[name]
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    decoded = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                } else if name.hasPrefix("#") {
                    decoded = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                }
                if let decoded {
                    out += decoded
                    rest = after[after.index(after: semi)...]
                    continue
                }
            }
            out += "&"
            rest = after
        }
        return out + rest
    }
}

/// Folders that fixtures shared by many tests build into (they live as long as the test
/// process), removed when the process exits.
enum SharedFixtureFolders {
    private static let folders = Mutex<[String]>([])

    /// A new folder under the temporary directory named `prefix-UUID`, removed at exit.
    static func make(_ prefix: String) -> URL {
        let url = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("\(prefix)-\(UUID().uuidString)", isDirectory: true)
        let first = folders.withLock { list in
            list.append(url.path)
            return list.count == 1
        }
        if first { atexit { SharedFixtureFolders.removeAll() } }
        return url
    }

    private static func removeAll() {
        for path in folders.withLock({ $0 }) { try? FileManager.default.removeItem(atPath: path) }
    }
}

/// Runs `body` with a fresh temporary folder, removed afterwards (permissions restored first).
func withTemporaryDirectory<T>(_ body: (URL) throws -> T) throws -> T {
    let url = URL(fileURLWithPath: NSTemporaryDirectory())
        .appendingPathComponent("kneebase-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    defer {
        if let walker = FileManager.default.enumerator(atPath: url.path) {
            chmod(url.path, 0o755)
            for case let relative as String in walker {
                let path = url.appendingPathComponent(relative).path
                var st = stat()
                if lstat(path, &st) == 0 && (st.st_mode & S_IFMT) != S_IFLNK { chmod(path, 0o755) }
            }
        }
        try? FileManager.default.removeItem(at: url)
    }
    return try body(url)
}

extension URL {
    /// Writes `text` (UTF-8) to `relativePath` below this folder, creating folders as needed.
    @discardableResult
    func write(_ text: String, to relativePath: String) throws -> URL {
        try write(Array(text.utf8), to: relativePath)
    }

    @discardableResult
    func write(_ bytes: [UInt8], to relativePath: String) throws -> URL {
        let url = appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
        return url
    }
}

/// Whether this process can read files whose permissions forbid it (root with CAP_DAC_OVERRIDE).
let ignoresFilePermissions: Bool = {
    let path = NSTemporaryDirectory() + "kneebase-perm-probe-\(UUID().uuidString)"
    guard FileManager.default.createFile(atPath: path, contents: Data("x".utf8)) else { return false }
    defer { unlink(path) }
    chmod(path, 0)
    let fd = open(path, O_RDONLY)
    if fd >= 0 { close(fd); return true }
    return false
}()

/// A small, clean article used beside bad inputs to show the good ones are still read.
let goodArticle = """
---
title: Good article
kind: blog
---

# Knee care

Runner's knee is pain around the kneecap. Strengthening the hips often helps.
"""

let goodArticleSentences = ["Knee care", "Runner's knee is pain around the kneecap.", "Strengthening the hips often helps."]
