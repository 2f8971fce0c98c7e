import Foundation
import Synchronization

/// What `kneebase serve` answers: the files of the output folder (HTML pages get a
/// small reload script added on the way out, never on disk), the site's 404 page for
/// anything else, and under `/__kneebase/` the script and a Server-Sent-Events stream
/// that tells open pages when a rebuild finished or failed.
public final class PreviewServer: Sendable {
    /// The outcome of the latest build, as pages are told about it.
    public struct BuildState: Sendable, Equatable {
        /// Counts build attempts; pages reload when it moves and `published` is true.
        public var generation: Int
        /// True when this attempt replaced the output.
        public var published: Bool
        /// Errors to show over the page (build failure or error diagnostics); empty when none.
        public var errors: String
    }

    static let scriptPath = "/__kneebase/reload.js"
    static let eventsPath = "/__kneebase/events"

    public let resolver: StaticFileResolver
    private let state = Mutex(BuildState(generation: 0, published: false, errors: ""))

    public init(output: URL) {
        resolver = StaticFileResolver(root: output)
    }

    /// The latest build's state.
    public var current: BuildState { state.withLock { $0 } }

    /// Records a build attempt; open pages reload (or show `errors`).
    public func buildFinished(published: Bool, errors: String) {
        state.withLock { $0 = BuildState(generation: $0.generation + 1, published: published, errors: errors) }
    }

    /// Answers one request.
    public func handle(_ request: HTTPServer.Request, _ connection: HTTPServer.Connection) {
        let head = request.method == "HEAD"
        guard request.method == "GET" || head else {
            connection.respond(405, "Method Not Allowed", headers: [("Allow", "GET, HEAD"), ("Content-Type", "text/plain; charset=utf-8")],
                               body: Array("only GET and HEAD\n".utf8))
            return
        }
        let path = request.target.prefix { $0 != "?" }
        if path == Self.scriptPath {
            connection.respond(200, "OK", headers: [("Content-Type", "text/javascript; charset=utf-8")], body: Array(Self.script.utf8), head: head)
            return
        }
        if path == Self.eventsPath {
            return events(connection, head: head)
        }
        switch resolver.resolve(request.target) {
        case .file(let url):
            guard let bytes = try? FileReader.read(url, limit: 1 << 30) else { return notFound(connection, head: head) }
            let type = StaticFileResolver.contentType(of: url)
            connection.respond(200, "OK", headers: [("Content-Type", type)],
                               body: type.hasPrefix("text/html") ? Self.inject(bytes) : bytes, head: head)
        case .redirect(let location):
            connection.respond(301, "Moved Permanently", headers: [("Location", location), ("Content-Type", "text/plain; charset=utf-8")],
                               body: Array("moved to \(location)\n".utf8), head: head)
        case .notFound:
            notFound(connection, head: head)
        case .forbidden:
            connection.respond(403, "Forbidden", headers: [("Content-Type", "text/plain; charset=utf-8")],
                               body: Array("forbidden: outside the served folder\n".utf8), head: head)
        }
    }

    /// The site's own 404 page (with the reload script), or a plain one when there is none yet.
    private func notFound(_ connection: HTTPServer.Connection, head: Bool) {
        if case .file(let url) = resolver.resolve("/404.html"), let bytes = try? FileReader.read(url, limit: 1 << 26) {
            // Served at any depth: its relative links resolve from the site's root.
            connection.respond(404, "Not Found", headers: [("Content-Type", "text/html; charset=utf-8")], body: Self.inject(Self.rooted(bytes)), head: head)
        } else {
            connection.respond(404, "Not Found", headers: [("Content-Type", "text/html; charset=utf-8")],
                               body: Self.inject(Array("<!doctype html><title>Not found</title><p>Not found.</p>\n".utf8)), head: head)
        }
    }

    /// Streams the build state: once now, then whenever it changes, with a comment line
    /// every 15 s so a closed page is noticed.
    private func events(_ connection: HTTPServer.Connection, head: Bool) {
        let headers = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n"
        guard connection.send(Array(headers.utf8)), !head else { return }
        var sent: BuildState? = nil
        var quiet = 0
        while true {
            let now = current
            if now != sent {
                guard connection.send(Array(Self.event(now).utf8)) else { return }
                sent = now
                quiet = 0
            } else if quiet >= 60 {
                guard connection.send(Array(": ping\n\n".utf8)) else { return }
                quiet = 0
            }
            quiet += 1
            usleep(250_000)
        }
    }

    /// One `build` event: `{"generation":…,"published":…,"errors":"…"}`.
    static func event(_ s: BuildState) -> String {
        var json = JSONWriter()
        json.beginObject()
        json.key("generation")
        json.int(s.generation)
        json.key("published")
        json.bool(s.published)
        json.key("errors")
        json.string(s.errors)
        json.endObject()
        return "event: build\ndata: \(String(decoding: json.bytes, as: UTF8.self))\n\n"
    }

    /// `html` with the reload script added before `</head>` (or at the end).
    /// `html` with `<base href="/">` first in its head, unless it has a base already.
    static func rooted(_ html: [UInt8]) -> [UInt8] {
        guard html.firstRange(of: Array("<base ".utf8)) == nil, let r = html.firstRange(of: Array("<head>".utf8)) else { return html }
        return Array(html[..<r.upperBound]) + Array("<base href=\"/\">".utf8) + Array(html[r.upperBound...])
    }

    static func inject(_ html: [UInt8]) -> [UInt8] {
        let tag = Array("<script src=\"\(scriptPath)\"></script>".utf8)
        if let r = html.firstRange(of: Array("</head>".utf8)) {
            return Array(html[..<r.lowerBound]) + tag + Array(html[r.lowerBound...])
        }
        return html + tag
    }

    /// Reloads the page after a published rebuild; shows build errors over the page.
    static let script = """
        // Added by `kneebase serve` (not part of the built site).
        (function () {
          var seen = null, box = null;
          function show(text) {
            if (!text) { if (box) { box.remove(); box = null; } return; }
            if (!box) {
              box = document.createElement('div');
              box.id = 'kneebase-build-errors';
              var s = box.style;
              s.position = 'fixed'; s.left = '0'; s.right = '0'; s.top = '0'; s.maxHeight = '60vh'; s.overflow = 'auto';
              s.zIndex = '2147483647'; s.background = '#2b0b0b'; s.color = '#ffd7d7'; s.padding = '12px 16px';
              s.font = '13px/1.45 ui-monospace, Menlo, Consolas, monospace'; s.whiteSpace = 'pre-wrap';
              s.borderBottom = '3px solid #e5484d';
              document.body.appendChild(box);
            }
            box.textContent = 'kneebase serve: build errors\\n\\n' + text;
          }
          var events = new EventSource('\(eventsPath)');
          events.addEventListener('build', function (e) {
            var m = JSON.parse(e.data);
            if (seen !== null && m.generation !== seen && m.published) { location.reload(); return; }
            seen = m.generation;
            show(m.errors);
          });
        })();

        """
}
