import Foundation
import Testing
@testable import KneeBase

/// The built-in theme, theme folders, and the browser search's match with the build's
/// tokenizer and stemmer.
@Suite struct SiteThemeTests {
    static let siteFolder = Repo.root.appendingPathComponent("site")

    /// The theme compiled into the binary is exactly `site/` (run `Scripts/embed-theme` after editing it).
    @Test func embeddedThemeMatchesSiteFolder() throws {
        var onDisk: [String: String] = [:]
        let base = Self.siteFolder.standardizedFileURL.path
        for case let url as URL in FileManager.default.enumerator(at: Self.siteFolder, includingPropertiesForKeys: nil) ?? FileManager.DirectoryEnumerator() {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue else { continue }
            let rel = String(url.standardizedFileURL.path.dropFirst(base.count + 1))
            if rel == "README.md" || rel.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            onDisk[rel] = try String(contentsOf: url, encoding: .utf8)
        }
        #expect(Set(onDisk.keys) == Set(BuiltinTheme.files.keys), "run Scripts/embed-theme")
        for (path, text) in onDisk { #expect(BuiltinTheme.files[path] == text, "\(path) differs from the embedded copy: run Scripts/embed-theme") }
    }

    @Test func themeFolderOverridesBuiltinFiles() throws {
        try withTemporaryDirectory { dir in
            let theme = dir.appendingPathComponent("theme")
            try theme.write("body { color: red } /* custom */\n", to: "assets/style.css")
            try theme.write("extra\n", to: "assets/extra.txt")
            try theme.write("{{>_head}}<main id=\"main\"><h1>Custom {{pageTitle}}</h1></main>{{>_foot}}", to: "templates/404.mustache")
            let site = try BuiltSite.build(try SiteHostileContentTests.hostileContent(dir), theme: theme)
            #expect(site.read("assets/style.css").contains("/* custom */"))
            #expect(site.read("assets/extra.txt") == "extra\n")
            #expect(site.read("404.html").contains("<h1>Custom Page not found</h1>"))
            #expect(site.read("index.html").contains("Browse by kind"))
        }
    }

    @Test func brokenTemplateStopsTheBuildAndKeepsTheOldOutput() throws {
        try withTemporaryDirectory { dir in
            let theme = dir.appendingPathComponent("theme")
            try theme.write("{{#unclosed}}", to: "templates/home.mustache")
            let content = try SiteHostileContentTests.hostileContent(dir)
            let out = dir.appendingPathComponent("public")
            _ = try Builder.build(BuildOptions(content: content, output: out))
            #expect(throws: BuildFailure.self) { try Builder.build(BuildOptions(content: content, output: out, theme: theme)) }
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("index.html").path))
            #expect(throws: SiteError.self) { try SiteTheme.load(dir.appendingPathComponent("no-such-theme")) }
        }
    }

    /// `assets/search.js` tokenizes and stems exactly as the build does (run with node when installed).
    @Test func browserTokenizerAndStemmerMatchTheBuild() throws {
        guard let node = ["/usr/bin/node", "/usr/local/bin/node"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return }
        var words = Set<String>()
        for name in Repo.articleNames {
            let text = try String(contentsOf: Repo.articles.appendingPathComponent(name), encoding: .utf8)
            for w in text.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "'" && $0 != "’" }) where w.count < 30 { words.insert(String(w)) }
        }
        words.formUnion(["squats", "squatting", "squat", "Runner's", "runners’", "IT-band", "generously", "universal", "skies", "dying",
                         "hopping", "hoping", "succeeding", "knees", "VMO", "café", "patellofemoral", "tendinopathy", "tendinitis"])
        let list = words.sorted()
        try withTemporaryDirectory { dir in
            let input = try dir.write(list.joined(separator: "\n"), to: "words.txt")
            let script = """
            const k = require(\(String(reflecting: Self.siteFolder.appendingPathComponent("assets/search.js").path)));
            const words = require('fs').readFileSync(\(String(reflecting: input.path)), 'utf8').split('\\n');
            process.stdout.write(words.map(w => k.tokens(w).map(t => t.norm + '/' + t.stem).join(' ')).join('\\n'));
            """
            let p = Process()
            p.executableURL = URL(fileURLWithPath: node)
            p.arguments = ["-e", script]
            let pipe = Pipe()
            p.standardOutput = pipe
            try p.run()
            let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            let js = out.components(separatedBy: "\n")
            let tokenizer = Tokenizer(stemmer: Stemmer())
            #expect(js.count == list.count)
            var mismatches: [String] = []
            for (w, j) in zip(list, js) {
                let swift = tokenizer.tokens(w).map { "\($0.norm)/\($0.stem)" }.joined(separator: " ")
                if swift != j { mismatches.append("\(w): swift \(swift), js \(j)") }
            }
            #expect(list.count > 1000)
            #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
        }
    }
}
