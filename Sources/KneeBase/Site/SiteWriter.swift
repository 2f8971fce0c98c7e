import Foundation

/// Writes the site's files below the publisher's staging folder; safe to use from
/// many threads (each file is written by one).
struct SiteWriter: Sendable {
    let root: URL
    private let files: OutputReuse

    init(_ publisher: OutputPublisher) {
        root = publisher.staging
        files = publisher.reuse
    }

    init(root: URL) {
        self.root = root
        files = OutputReuse(staging: root, previous: nil)
    }

    /// Creates the folders pages are written into, so writes need not check.
    func prepare(_ folders: [String]) throws {
        for f in folders { try FileManager.default.createDirectory(at: root.appendingPathComponent(f), withIntermediateDirectories: true) }
    }

    /// Writes `bytes` to `path` (relative, `/`-separated, made only of slugs by `SitePaths`).
    func write(_ bytes: [UInt8], to path: String) throws {
        try files.write(bytes, to: path)
    }

    /// Links the previous output's file at `path` into place unread; false when there is none.
    func keep(_ path: String) -> Bool {
        files.keep(path)
    }
}
