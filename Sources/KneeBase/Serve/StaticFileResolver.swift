import Foundation

/// Maps the target of an HTTP request to a file inside the served folder, and never to
/// anything outside it: `..` segments (plain or percent-encoded) are refused, hidden
/// files are not served, and the real path of what is found (symbolic links resolved)
/// must lie below the folder's real path.
public struct StaticFileResolver: Sendable {
    /// What a request target resolves to.
    public enum Resolution: Equatable, Sendable {
        /// A regular file below the root.
        case file(URL)
        /// A folder asked for without its trailing slash: redirect to this path.
        case redirect(String)
        /// Nothing to serve there.
        case notFound
        /// A target that tries to leave the root (or is not a path at all).
        case forbidden
    }

    public let root: URL

    public init(root: URL) {
        self.root = root
    }

    /// Resolves `target` (the request line's path, with an optional query).
    public func resolve(_ target: String) -> Resolution {
        guard target.hasPrefix("/") else { return .forbidden }  // absolute-form or garbage
        let path = target.prefix { $0 != "?" && $0 != "#" }
        guard let decoded = Self.percentDecode(Array(path.utf8)), !decoded.contains(0) else { return .forbidden }
        var segments: [String] = []
        for part in decoded.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true) {
            let segment = String(decoding: part, as: UTF8.self)
            if segment == "." { continue }
            if segment == ".." || segment.contains("\\") { return .forbidden }
            if segment.hasPrefix(".") { return .notFound }
            segments.append(segment)
        }
        guard let realRoot = Self.realPath(root.path) else { return .notFound }
        var candidate = realRoot
        for s in segments { candidate += "/" + s }
        guard let real = Self.realPath(candidate) else { return .notFound }
        guard real == realRoot || real.hasPrefix(realRoot + "/") else { return .forbidden }
        var st = stat()
        guard stat(real, &st) == 0 else { return .notFound }
        if (st.st_mode & S_IFMT) == S_IFDIR {
            if !path.hasSuffix("/") { return .redirect(String(path) + "/") }
            let index = real + "/index.html"
            guard let realIndex = Self.realPath(index), realIndex.hasPrefix(realRoot + "/"),
                  stat(realIndex, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return .notFound }
            return .file(URL(fileURLWithPath: realIndex))
        }
        guard (st.st_mode & S_IFMT) == S_IFREG else { return .notFound }
        return .file(URL(fileURLWithPath: real))
    }

    /// `%XX` sequences decoded; nil when one is malformed.
    static func percentDecode(_ bytes: [UInt8]) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "%") {
                guard i + 2 < bytes.count, let hi = hex(bytes[i + 1]), let lo = hex(bytes[i + 2]) else { return nil }
                out.append(hi << 4 | lo)
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return out
    }

    private static func hex(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): b - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The `Content-Type` of a file, by extension.
    public static func contentType(of url: URL) -> String {
        switch url.pathExtension.lowercased() {
        case "html", "htm": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js", "mjs": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "jsonld": "application/ld+json"
        case "xml": "application/xml"
        case "svg": "image/svg+xml"
        case "txt", "md": "text/plain; charset=utf-8"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "webp": "image/webp"
        case "ico": "image/x-icon"
        case "woff2": "font/woff2"
        case "woff": "font/woff"
        case "webmanifest": "application/manifest+json"
        case "sqlite": "application/vnd.sqlite3"
        default: "application/octet-stream"
        }
    }
}
