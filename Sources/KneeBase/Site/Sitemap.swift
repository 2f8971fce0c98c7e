import Foundation

/// `sitemap.xml`: every page, in a stable order. The sitemap protocol wants absolute
/// locations, so they are prefixed with the site's base URL (`kneebase build --base-url`);
/// without one the build cannot know where the site will live and lists paths relative
/// to the site's root.
enum Sitemap {
    static func xml(_ paths: [String], baseURL: String? = nil) -> [UInt8] {
        let prefix = baseURL.map { $0.hasSuffix("/") ? $0 : $0 + "/" } ?? ""
        var w = HTMLWriter(capacity: paths.count * (64 + prefix.utf8.count) + 128)
        w.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n")
        for p in paths.sorted() {
            w.raw("<url><loc>")
            w.text(prefix + p)
            w.raw("</loc></url>\n")
        }
        w.raw("</urlset>\n")
        return w.bytes
    }

    /// Nil when `url` can be a site's base URL (absolute http or https, with a host, no
    /// query or fragment); else what is wrong with it.
    static func problem(withBaseURL url: String) -> String? {
        guard let parts = URLComponents(string: url), let scheme = parts.scheme?.lowercased(),
              scheme == "http" || scheme == "https" else {
            return "'\(url)' is not an absolute http:// or https:// URL"
        }
        if (parts.host ?? "").isEmpty { return "'\(url)' has no host" }
        if parts.query != nil || parts.fragment != nil { return "'\(url)' has a query or fragment; give the folder the site lives in" }
        return nil
    }
}
