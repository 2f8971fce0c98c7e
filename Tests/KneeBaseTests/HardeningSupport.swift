import Foundation
import Testing
@testable import KneeBase

/// Sizes for the tests that scale an input up until a quadratic path would time out.
enum Scale {
    /// Set by `Scripts/sanitize`: the code runs 5–20× slower, so inputs are made 5× smaller.
    static let underSanitizer = ProcessInfo.processInfo.environment["KNEEBASE_SANITIZER"] != nil

    /// `n`, or a fifth of it under a sanitizer.
    static func of(_ n: Int) -> Int { underSanitizer ? n / 5 : n }
}

/// Runs the built `kneebase` binary (the one `EndToEndTests` finds) and reports how
/// it ended: a crash is a signal, not an exit status.
enum KneeBaseBinary {
    struct Run {
        var status: Int32
        /// True when the process ended by a signal (a crash, or our SIGKILL).
        var signaled: Bool
        var stdout: String
        var stderr: String
    }

    static func url() throws -> URL {
        try #require(EndToEndTests.binary, "no kneebase binary beside the test bundle; run `swift build` first")
    }

    /// A process that runs `kneebase arguments…` in `directory` (under `taskset -c CPUS` when given).
    static func process(_ arguments: [String], in directory: URL, environment: [String: String] = [:], cpus: String? = nil,
                        output: URL? = nil) throws -> Process {
        let binary = try url()
        let process = Process()
        if let cpus {
            process.executableURL = URL(fileURLWithPath: taskset!)
            process.arguments = ["-c", cpus, binary.path] + arguments
        } else {
            process.executableURL = binary
            process.arguments = arguments
        }
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env.merge(environment) { $1 }
        process.environment = env
        process.standardInput = FileHandle.nullDevice
        if let output {
            _ = FileManager.default.createFile(atPath: output.path, contents: nil)
            let handle = try FileHandle(forWritingTo: output)
            process.standardOutput = handle
            process.standardError = handle
        } else {
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
        }
        return process
    }

    /// Runs `kneebase arguments…` to the end and collects its output.
    static func run(_ arguments: [String], in directory: URL, environment: [String: String] = [:], cpus: String? = nil) throws -> Run {
        let out = directory.appendingPathComponent(".stdout-\(UUID().uuidString)")
        let err = directory.appendingPathComponent(".stderr-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: err)
        }
        let process = try process(arguments, in: directory, environment: environment, cpus: cpus, output: out)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, signaled: process.terminationReason == .uncaughtSignal,
                   stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "", stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }

    /// `/usr/bin/taskset` (or wherever it is), nil when the system has none.
    static let taskset: String? = ["/usr/bin/taskset", "/bin/taskset", "/usr/local/bin/taskset"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// `sqlite3`, nil when the system has none.
    static let sqlite3: String? = ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3", "/bin/sqlite3"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }
}

/// A folder's files: relative path → bytes.
struct FileTree: Equatable {
    var files: [String: [UInt8]]

    init(_ root: URL) {
        files = [:]
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return }
        let base = root.standardizedFileURL.resolvingSymlinksInPath().path
        for case let url as URL in walker {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let path = url.standardizedFileURL.resolvingSymlinksInPath().path
            let relative = path.hasPrefix(base + "/") ? String(path.dropFirst(base.count + 1)) : path
            files[relative] = [UInt8]((try? Data(contentsOf: url)) ?? Data())
        }
    }

    /// The paths whose bytes differ (or that only one side has), sorted. With
    /// `databasesByContent`, SQLite files count as equal when their SQL dumps are.
    func differences(from other: FileTree, databasesByContent: Bool = false) -> [String] {
        Set(files.keys).union(other.files.keys).filter { path in
            guard let a = files[path], let b = other.files[path] else { return true }
            if a == b { return false }
            guard databasesByContent, path.hasSuffix(".sqlite") else { return true }
            return KnowledgeBaseCheck.dump(a) == nil || KnowledgeBaseCheck.dump(a) != KnowledgeBaseCheck.dump(b)
        }.sorted()
    }
}

/// Opens a knowledge base the way a user would: `sqlite3` when installed, else GRDB.
enum KnowledgeBaseCheck {
    /// The `.dump` of a database held in memory (needs `sqlite3`).
    static func dump(_ bytes: [UInt8]) -> String? {
        guard let sqlite3 = KneeBaseBinary.sqlite3 else { return nil }
        let path = NSTemporaryDirectory() + "kneebase-dump-\(UUID().uuidString).sqlite"
        defer { unlink(path) }
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: sqlite3)
        process.arguments = ["-readonly", path, ".dump"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
    }

    /// `PRAGMA integrity_check` and the number of claims; nil when it cannot be opened.
    static func inspect(_ kb: URL) -> (integrity: String, claims: Int)? {
        if let sqlite3 = KneeBaseBinary.sqlite3 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: sqlite3)
            process.arguments = ["-readonly", kb.path, "PRAGMA integrity_check; SELECT count(*) FROM claims;"]
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = FileHandle.nullDevice
            guard (try? process.run()) != nil else { return nil }
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
            guard process.terminationStatus == 0, lines.count == 2, let claims = Int(lines[1]) else { return nil }
            return (lines[0], claims)
        }
        guard let reader = try? KnowledgeBaseReader(url: kb), let claims = try? reader.claims() else { return nil }
        return ("ok", claims.count)
    }
}

/// Writes a corpus of generated articles that mention the lexicon's entities, so a
/// build of it has real claims, pages and an index to write.
enum GeneratedCorpus {
    /// Writes `count` articles (Markdown, HTML and text in turn) and the repository's lexicon under `content`.
    static func write(_ count: Int, to content: URL, seed: Int = 0) throws {
        try FileManager.default.createDirectory(at: content.appendingPathComponent("articles"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Repo.content.appendingPathComponent("lexicon"), to: content.appendingPathComponent("lexicon"))
        for i in 0..<count {
            try write(article: i + seed, to: content.appendingPathComponent("articles"))
        }
    }

    static let conditions = ["runner's knee", "IT band syndrome", "patellar tendinopathy", "chondromalacia patellae", "pes anserine bursitis"]
    static let causes = ["weak hips", "overtraining", "overpronation", "tight quadriceps", "a sudden increase in mileage"]
    static let symptoms = ["pain around the kneecap", "pain when climbing stairs", "swelling", "a grinding sensation", "pain after sitting"]
    static let treatments = ["clamshells", "foam rolling", "rest", "ice", "squats", "hip strengthening", "a knee brace"]

    static func write(article i: Int, to folder: URL) throws {
        func pick(_ list: [String], _ k: Int) -> String { list[(i * 7 + k * 3) % list.count] }
        let sentences = (0..<12).map { k -> String in
            switch k % 4 {
            case 0: "\(pick(conditions, k).capitalizedFirst) is often caused by \(pick(causes, k)) (case \(i)-\(k))."
            case 1: "A common symptom of \(pick(conditions, k)) is \(pick(symptoms, k))."
            case 2: "\(pick(treatments, k).capitalizedFirst) may help \(pick(conditions, k)), says Dr. Li."
            default: "Do not rely on \(pick(treatments, k + 1)) alone for \(pick(conditions, k + 2)); article \(i) explains why."
            }
        }
        let title = "Knee notes \(i): \(pick(conditions, 0))"
        switch i % 3 {
        case 0:
            let body = stride(from: 0, to: sentences.count, by: 3).map { sentences[$0..<min($0 + 3, sentences.count)].joined(separator: " ") }
            try folder.write("---\ntitle: \"\(title)\"\nauthor: Writer \(i % 17)\ndate: 2024-01-\(String(format: "%02d", i % 28 + 1))\n---\n\n# \(title)\n\n"
                             + body.joined(separator: "\n\n") + "\n", to: String(format: "%04d-notes.md", i))
        case 1:
            let paragraphs = sentences.map { "<p>\($0.replacingOccurrences(of: "'", with: "&#8217;"))</p>" }.joined(separator: "\n")
            try folder.write("<html><head><title>\(title)</title></head><body><nav>Home</nav><article><h1>\(title)</h1>\n\(paragraphs)\n</article>"
                             + "<footer>© Site</footer></body></html>\n", to: String(format: "%04d-page.html", i))
        default:
            try folder.write("\(title)\n\n" + sentences.joined(separator: " ") + "\n", to: String(format: "%04d-plain.txt", i))
        }
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
