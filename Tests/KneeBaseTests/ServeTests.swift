import Foundation
import Testing
@testable import KneeBase

/// `kneebase serve`: the path resolver never leaves the served folder, and the
/// running server serves pages, refuses traversal and rebuilds on change.
@Suite struct ServeTests {
    /// A served folder with a page, a folder, a hidden file, and links inside and outside.
    static func makeRoot(_ dir: URL) throws -> URL {
        let root = dir.appendingPathComponent("public")
        try root.write("<html><head></head><body>home</body></html>", to: "index.html")
        try root.write("<html><body>page</body></html>", to: "conditions/index.html")
        try root.write("body{}", to: "assets/style.css")
        try root.write("secret", to: ".hidden")
        try dir.write("outside", to: "secret.txt")
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("leak").path, withDestinationPath: dir.path)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("leak.txt").path,
                                                   withDestinationPath: dir.appendingPathComponent("secret.txt").path)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("style-link.css").path, withDestinationPath: "assets/style.css")
        return root
    }

    @Test func resolverServesFilesInsideTheRoot() throws {
        try withTemporaryDirectory { dir in
            let root = try Self.makeRoot(dir)
            let resolver = StaticFileResolver(root: root)
            let real = root.resolvingSymlinksInPath().path
            #expect(resolver.resolve("/") == .file(URL(fileURLWithPath: real + "/index.html")))
            #expect(resolver.resolve("/index.html?x=1#top") == .file(URL(fileURLWithPath: real + "/index.html")))
            #expect(resolver.resolve("/conditions/") == .file(URL(fileURLWithPath: real + "/conditions/index.html")))
            #expect(resolver.resolve("/conditions") == .redirect("/conditions/"))
            #expect(resolver.resolve("/assets/./style.css") == .file(URL(fileURLWithPath: real + "/assets/style.css")))
            #expect(resolver.resolve("/assets//style%2Ecss") == .file(URL(fileURLWithPath: real + "/assets/style.css")))
            #expect(resolver.resolve("/style-link.css") == .file(URL(fileURLWithPath: real + "/assets/style.css")), "links inside the root are fine")
            #expect(resolver.resolve("/missing.html") == .notFound)
            #expect(resolver.resolve("/.hidden") == .notFound)
        }
    }

    @Test func resolverNeverLeavesTheRoot() throws {
        try withTemporaryDirectory { dir in
            let root = try Self.makeRoot(dir)
            let resolver = StaticFileResolver(root: root)
            let attacks = [
                "/../secret.txt", "/assets/../../secret.txt", "/..", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt",
                "/assets/%2e%2e/%2e%2e/secret.txt", "/%2e%2e%2fsecret.txt", "/..%2fsecret.txt", "/assets/..%5c..%5csecret.txt",
                "/leak/secret.txt", "/leak.txt", "/leak/", "/%00", "/index.html%00.css", "/%zz", "/%2", "secret.txt",
                "http://localhost/../secret.txt", "//etc/passwd", "/../../../../../../etc/passwd",
            ]
            for target in attacks {
                let r = resolver.resolve(target)
                switch r {
                case .file(let url):
                    Issue.record("\(target) resolved to \(url.path)")
                case .redirect(let to):
                    #expect(to.hasPrefix("/") && !to.hasPrefix("//"), "\(target) redirects off-site to \(to)")
                case .notFound, .forbidden:
                    break
                }
            }
            #expect(resolver.resolve("/../secret.txt") == .forbidden)
            #expect(resolver.resolve("/%2e%2e/secret.txt") == .forbidden)
            #expect(resolver.resolve("/leak.txt") == .forbidden)
            #expect(resolver.resolve("/leak/secret.txt") == .forbidden)
        }
    }

    @Test func htmlGetsTheReloadScriptOnTheWayOut() {
        let page = Array("<html><head><title>x</title></head><body></body></html>".utf8)
        let served = String(decoding: PreviewServer.inject(page), as: UTF8.self)
        #expect(served.contains("<script src=\"/__kneebase/reload.js\"></script></head>"))
        #expect(String(decoding: PreviewServer.inject(Array("<p>no head".utf8)), as: UTF8.self).hasSuffix("</script>"))
        let event = PreviewServer.event(.init(generation: 3, published: false, errors: "a \"b\"\nc"))
        #expect(event == "event: build\ndata: {\"generation\":3,\"published\":false,\"errors\":\"a \\\"b\\\"\\nc\"}\n\n")
    }

    @Test func requestLineParsing() {
        #expect(HTTPServer.parse(ArraySlice("GET /a%20b HTTP/1.1\r\nHost: x".utf8))?.target == "/a%20b")
        #expect(HTTPServer.parse(ArraySlice("HEAD / HTTP/1.0".utf8))?.method == "HEAD")
        #expect(HTTPServer.parse(ArraySlice("GET /\r\n".utf8)) == nil)
        #expect(HTTPServer.parse(ArraySlice("garbage".utf8)) == nil)
        #expect(HTTPServer.parse(ArraySlice("GET  / HTTP/1.1".utf8)) == nil)
    }

    // MARK: - End to end

    /// A socket connected to the server, with a receive timeout; -1 on failure.
    static func connectTo(_ port: UInt16, timeout seconds: Int) -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return -1 }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(fd)
            return -1
        }
        return fd
    }

    /// A raw HTTP exchange (so traversal targets reach the server as written).
    static func fetch(_ port: UInt16, _ target: String, method: String = "GET") -> (status: Int, headers: String, body: String)? {
        let fd = connectTo(port, timeout: 20)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        let request = Array("\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8)
        guard request.withUnsafeBytes({ send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }) == request.count else { return nil }
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { break }
            response += buffer[0..<n]
        }
        let text = String(decoding: response, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n"), let status = Int(text.split(separator: " ").dropFirst().first ?? "") else { return nil }
        return (status, String(text[..<split.lowerBound]), String(text[split.upperBound...]))
    }

    /// The first `build` event of the events stream.
    static func firstEvent(_ port: UInt16) -> String? {
        let fd = connectTo(port, timeout: 10)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        let request = Array("GET /__kneebase/events HTTP/1.1\r\n\r\n".utf8)
        _ = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        var text = ""
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !(text.contains("\ndata: ") && text.hasSuffix("\n\n")) {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { return nil }
            text += String(decoding: buffer[0..<n], as: UTF8.self)
            if text.count > 100_000 { return nil }
        }
        return text
    }

    static func waitFor(_ seconds: Double, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            usleep(200_000)
        }
        return condition()
    }

    @Test(.timeLimit(.minutes(10))) func serveBuildsServesAndRebuilds() throws {
        try withTemporaryDirectory { dir in
            let content = try IncrementalBuildTests.makeContent(dir)
            try dir.write("outside the output", to: "secret.txt")
            let log = dir.appendingPathComponent("serve.log")
            let process = try KneeBaseBinary.process(["serve", "--content", "content", "--output", "public", "--port", "0", "--poll", "100"],
                                                     in: dir, output: log)
            try process.run()
            defer {
                // SIGTERM may be blocked in the test runner's children; serve unblocks it, but be certain.
                if process.isRunning { kill(process.processIdentifier, SIGKILL) }
                process.waitUntilExit()
            }
            var port: UInt16 = 0
            let started = Self.waitFor(120) {
                let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
                guard let r = text.range(of: "http://127.0.0.1:") else { return false }
                port = UInt16(text[r.upperBound...].prefix { $0.isNumber }) ?? 0
                return port != 0
            }
            #expect(started, "serve did not start: \((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
            guard started else { return }

            let home = try #require(Self.fetch(port, "/"))
            #expect(home.status == 200)
            #expect(home.headers.contains("Content-Type: text/html; charset=utf-8"))
            #expect(home.body.contains("<script src=\"/__kneebase/reload.js\"></script>"))
            let onDisk = try String(contentsOf: dir.appendingPathComponent("public/index.html"), encoding: .utf8)
            #expect(!onDisk.contains("__kneebase"), "the script is never written into public/")

            let script = try #require(Self.fetch(port, "/__kneebase/reload.js"))
            #expect(script.status == 200 && script.headers.contains("text/javascript") && script.body.contains("EventSource"))
            let css = try #require(Self.fetch(port, "/assets/style.css"))
            #expect(css.status == 200 && css.headers.contains("Content-Type: text/css"))
            let head = try #require(Self.fetch(port, "/", method: "HEAD"))
            #expect(head.status == 200 && head.body.isEmpty && head.headers.contains("Content-Length: \(home.body.utf8.count)"))
            #expect(Self.fetch(port, "/", method: "POST")?.status == 405)
            let missing = try #require(Self.fetch(port, "/no/such/page.html"))
            #expect(missing.status == 404)
            let notFoundPage = try String(contentsOf: dir.appendingPathComponent("public/404.html"), encoding: .utf8)
            #expect(missing.body == String(decoding: PreviewServer.inject(PreviewServer.rooted(Array(notFoundPage.utf8))), as: UTF8.self), "the site's own 404 page")
            #expect(missing.body.contains("<head><base href=\"/\">") || missing.body.contains("<base href=\"/\">"), "its links resolve from the root at /no/such/")

            for target in ["/../secret.txt", "/%2e%2e/secret.txt", "/assets/%2E%2E/%2E%2E/secret.txt", "/..%2fsecret.txt", "/../../../../etc/passwd"] {
                let r = try #require(Self.fetch(port, target))
                #expect(r.status == 403, "\(target) → \(r.status)")
                #expect(!r.body.contains("outside the output") && !r.body.contains("root:"))
            }
            try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("public/leak.txt").path,
                                                       withDestinationPath: dir.appendingPathComponent("secret.txt").path)
            let leak = try #require(Self.fetch(port, "/leak.txt"))
            #expect(leak.status == 403 && !leak.body.contains("outside the output"))

            let event = try #require(Self.firstEvent(port))
            #expect(event.contains("event: build") && event.contains("\"published\":true"))

            // Edit an article: the rebuilt page is served.
            let sources = dir.appendingPathComponent("public/sources")
            let pages = try FileManager.default.contentsOfDirectory(atPath: sources.path).filter { $0.hasSuffix(".html") }
            let page = try #require(pages.first { name in
                ((try? String(contentsOf: sources.appendingPathComponent(name), encoding: .utf8)) ?? "").contains("Foam")
            })
            try content.write(IncrementalBuildTests.article("IT band", "IT band syndrome causes pain on the outside of the knee. Zebra stretches may help."),
                              to: "articles/b.md")
            let rebuilt = Self.waitFor(120) { Self.fetch(port, "/sources/\(page)")?.body.contains("Zebra") == true }
            #expect(rebuilt, "the edited article was not rebuilt: \((try? String(contentsOf: log, encoding: .utf8)) ?? "")")

            #expect(Self.firstEvent(port)?.contains("\"errors\":\"\"") == true)

            // A failed build keeps the previous site, and open pages hear about the error.
            try FileManager.default.moveItem(at: content, to: dir.appendingPathComponent("content-away"))
            let failed = Self.waitFor(60) {
                let e = Self.firstEvent(port) ?? ""
                return e.contains("\"published\":false") && e.contains("content folder does not exist")
            }
            #expect(failed)
            #expect(Self.fetch(port, "/")?.status == 200)
            #expect((try? String(contentsOf: log, encoding: .utf8))?.contains("Build failed") == true)
            #expect(process.isRunning)
        }
    }
}
