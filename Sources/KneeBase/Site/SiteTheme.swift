import Foundation
import Mustache

/// A theme: Mustache templates (`templates/*.mustache`) and static files (`assets/…`).
///
/// The built-in theme is compiled into the binary (see `Scripts/embed-theme`); a theme
/// folder given with `--theme DIR` is laid over it, so a theme may override only the
/// files it changes (say `assets/style.css`).
struct SiteTheme: Sendable {
    struct Asset: Sendable {
        /// Path below the output's `assets/` folder.
        var path: String
        var bytes: [UInt8]
    }

    let library: MustacheLibrary
    let assets: [Asset]
    /// A digest of every template and asset: pages rendered with another theme differ.
    let fingerprint: String
    /// The theme's page templates are the built-in ones `BuiltinPages` writes directly.
    let builtinPages: Bool

    /// Loads the built-in theme, with the files of `folder` (if any) taking precedence.
    static func load(_ folder: URL?) throws -> SiteTheme {
        var files: [String: [UInt8]] = BuiltinTheme.files.mapValues { Array($0.utf8) }
        if let folder {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDir), isDir.boolValue else {
                throw SiteError(message: "\(folder.path): error: theme folder does not exist")
            }
            let base = folder.standardizedFileURL.resolvingSymlinksInPath()
            for case let url as URL in FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey]) ?? FileManager.DirectoryEnumerator() {
                guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
                let rel = String(url.standardizedFileURL.resolvingSymlinksInPath().path.dropFirst(base.path.count + 1))
                guard rel.hasPrefix("templates/") || rel.hasPrefix("assets/"), !rel.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
                files[rel] = [UInt8](try Data(contentsOf: url))
            }
        }
        MustacheContentTypes.register(FastHTMLContentType(), named: FastHTMLContentType.name)
        var library = MustacheLibrary()
        var assets: [Asset] = []
        var digest = PageDigest("theme")
        for (path, bytes) in files.sorted(by: { $0.key < $1.key }) {
            digest.add(path)
            digest.add(ContentHash.hex(bytes))
            if path.hasPrefix("templates/") && path.hasSuffix(".mustache") {
                let name = String(path.dropFirst("templates/".count).dropLast(".mustache".count))
                do {
                    // Same escaping as Mustache's own HTML type (& < > " '), many times faster.
                    try library.register("{{% CONTENT_TYPE: \(FastHTMLContentType.name) }}" + String(decoding: bytes, as: UTF8.self), named: name)
                } catch {
                    throw SiteError(message: "\(folder?.appendingPathComponent(path).path ?? "site/" + path): error: template does not parse: \(error)")
                }
            } else if path.hasPrefix("assets/") {
                assets.append(Asset(path: String(path.dropFirst("assets/".count)), bytes: bytes))
            }
        }
        for required in ["home", "kind", "entity", "source", "sources", "audit", "search", "graph", "404"] where library.getTemplate(named: required) == nil {
            throw SiteError(message: "theme: error: no template templates/\(required).mustache")
        }
        return SiteTheme(library: library, assets: assets, fingerprint: digest.value, builtinPages: BuiltinPages.matches(files))
    }

    /// Renders `template` with `context`, as UTF-8 bytes.
    func render(_ template: String, _ context: [String: Any]) -> [UInt8] {
        Array((library.render(context, withTemplate: template) ?? "").utf8)
    }
}

/// Escapes `{{value}}` in templates with `HTML.escape`, which works on UTF-8 bytes.
struct FastHTMLContentType: MustacheContentType {
    static let name = "KNEEBASEHTML"
    func escapeText(_ text: String) -> String { HTML.escape(text) }
}

/// A failure to render the site (bad theme, unwritable output).
struct SiteError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
