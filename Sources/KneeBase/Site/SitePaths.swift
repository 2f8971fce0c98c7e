/// Where every page of the site lives, as paths relative to the site root.
///
/// File names are slugs made of `a-z`, `0-9` and `-` only, whatever the entity id or
/// source path says, so no id can name a file outside its folder (`../../x` → `x`).
/// Collisions get a numeric suffix in a stable order.
struct SitePaths: Sendable {
    private var entities: [String: String] = [:]
    private var sources: [String: String] = [:]

    /// Folder names used by pages other than entity pages.
    static let sourcesFolder = "sources"

    init(entities list: [Entity], documents: [Document]) {
        var taken: [String: Set<String>] = [:]
        for e in list.sorted(by: { ($0.kind, $0.id) < ($1.kind, $1.id) }) {
            let folder = e.kind.plural
            let slug = Self.unique(Self.slug(e.id), in: &taken[folder, default: Self.reserved])
            entities[e.id] = "\(folder)/\(slug).html"
        }
        for d in documents {
            let name = d.source.split(separator: "/").last.map(String.init) ?? d.source
            let stem = name.split(separator: ".", omittingEmptySubsequences: false).dropLast().joined(separator: ".")
            let slug = Self.unique(Self.slug(stem.isEmpty ? name : stem), in: &taken[Self.sourcesFolder, default: Self.reserved])
            sources[d.source] = "\(Self.sourcesFolder)/\(slug).html"
        }
    }

    /// The page of an entity, e.g. `conditions/patellofemoral-pain-syndrome.html`.
    func entity(_ id: String) -> String? { entities[id] }

    /// The page of a source, e.g. `sources/000-patellar-valgus.html`.
    func source(_ path: String) -> String? { sources[path] }

    /// The anchor of a sentence on its source page.
    static func sentenceAnchor(_ index: Int) -> String { "s\(index)" }

    /// Names no slug may take: the index pages and pagination.
    private static let reserved: Set<String> = ["index", "404"]

    private static func unique(_ slug: String, in taken: inout Set<String>) -> String {
        let base = slug.hasPrefix("page-") ? "item-" + slug : slug
        var candidate = base
        var n = 2
        while taken.contains(candidate) {
            candidate = "\(base)-\(n)"
            n += 1
        }
        taken.insert(candidate)
        return candidate
    }

    /// Lower-case ASCII letters and digits, other runs turned into one `-`, at most 80 characters.
    static func slug(_ text: String) -> String {
        var out: [UInt8] = []
        var dash = false
        for b in text.utf8 {
            let c: UInt8? = switch b {
            case 0x30...0x39, 0x61...0x7A: b
            case 0x41...0x5A: b + 32
            default: nil
            }
            if let c {
                if dash && !out.isEmpty { out.append(UInt8(ascii: "-")) }
                dash = false
                out.append(c)
                if out.count >= 80 { break }
            } else {
                dash = true
            }
        }
        return out.isEmpty ? "item" : String(decoding: out, as: UTF8.self)
    }
}
