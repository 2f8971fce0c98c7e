/// `sitemap.xml`: every page, in a stable order. Locations are relative to the site's
/// root (the build does not know where the site will be hosted); a host that needs
/// absolute ones can prefix them when uploading.
enum Sitemap {
    static func xml(_ paths: [String]) -> [UInt8] {
        var w = HTMLWriter(capacity: paths.count * 64 + 128)
        w.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n")
        for p in paths.sorted() {
            w.raw("<url><loc>")
            w.text(p)
            w.raw("</loc></url>\n")
        }
        w.raw("</urlset>\n")
        return w.bytes
    }
}
