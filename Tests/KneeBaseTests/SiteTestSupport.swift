import Foundation
import Testing
@testable import KneeBase

/// A site built once per test run, and helpers to read it.
struct BuiltSite: Sendable {
    let root: URL

    /// The site for the repository's `content/`, built once and shared by the tests.
    static let content: BuiltSite = {
        let out = SharedFixtureFolders.make("kneebase-site").appendingPathComponent("public")
        _ = try? Builder.build(BuildOptions(content: Repo.content, output: out))
        return BuiltSite(root: out)
    }()

    /// Builds `content` into a fresh folder.
    static func build(_ content: URL, into folder: URL? = nil, theme: URL? = nil) throws -> BuiltSite {
        let out = (folder ?? content.deletingLastPathComponent()).appendingPathComponent("out-\(UUID().uuidString)/public")
        _ = try Builder.build(BuildOptions(content: content, output: out, theme: theme))
        return BuiltSite(root: out)
    }

    /// Paths of all files below the root, relative, sorted.
    func files(suffix: String = "") -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var out: [String] = []
        for case let rel as String in walker where rel.hasSuffix(suffix) {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: root.appendingPathComponent(rel).path, isDirectory: &isDir), !isDir.boolValue { out.append(rel) }
        }
        return out.sorted()
    }

    func read(_ path: String) -> String {
        (try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)) ?? ""
    }

    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path) }
}

/// A rough HTML reader for assertions: the site's own markup is regular (all text is
/// escaped), so every `<` starts a tag.
enum HTMLScan {
    struct Tag {
        var name: String
        var attributes: [(name: String, value: String)]
        func attribute(_ n: String) -> String? { attributes.first { $0.name == n }?.value }
    }

    /// Every start tag, with its attributes (values entity-decoded).
    static func tags(_ html: String) -> [Tag] {
        var out: [Tag] = []
        let scalars = Array(html.unicodeScalars)
        var i = 0
        while i < scalars.count {
            guard scalars[i] == "<", i + 1 < scalars.count, CharacterSet.letters.contains(scalars[i + 1]) else { i += 1; continue }
            var j = i + 1
            var name = ""
            while j < scalars.count, CharacterSet.alphanumerics.contains(scalars[j]) || scalars[j] == "-" { name.unicodeScalars.append(scalars[j]); j += 1 }
            var attrs: [(String, String)] = []
            while j < scalars.count && scalars[j] != ">" {
                if CharacterSet.whitespacesAndNewlines.contains(scalars[j]) || scalars[j] == "/" { j += 1; continue }
                var an = ""
                while j < scalars.count, !CharacterSet.whitespacesAndNewlines.contains(scalars[j]), scalars[j] != "=", scalars[j] != ">" {
                    an.unicodeScalars.append(scalars[j]); j += 1
                }
                var value = ""
                if j < scalars.count && scalars[j] == "=" {
                    j += 1
                    let quote = scalars[j]
                    if quote == "\"" || quote == "'" {
                        j += 1
                        while j < scalars.count && scalars[j] != quote { value.unicodeScalars.append(scalars[j]); j += 1 }
                        j += 1
                    } else {
                        while j < scalars.count, !CharacterSet.whitespacesAndNewlines.contains(scalars[j]), scalars[j] != ">" { value.unicodeScalars.append(scalars[j]); j += 1 }
                    }
                }
                if !an.isEmpty { attrs.append((an.lowercased(), TextNormal.decodingEntities(value))) }
            }
            out.append(Tag(name: name.lowercased(), attributes: attrs))
            i = j + 1
        }
        return out
    }

    /// The ids defined in a page.
    static func ids(_ html: String) -> Set<String> {
        Set(tags(html).compactMap { $0.attribute("id") })
    }
}
