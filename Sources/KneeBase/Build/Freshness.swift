import Foundation

/// Tells whether a knowledge base is older than the content it was built from.
///
/// A build that finds nothing changed keeps the output as it is, kb.sqlite's time included,
/// so after `touch content/…` the files would look newer than the knowledge base forever:
/// every build therefore leaves a `checked` stamp in its cache folder, and content older
/// than the stamp counts as built.
public enum Freshness {
    /// True when `kb` is missing or any file under `content` was modified after both `kb`
    /// and the last build's stamp in `cache` (when given).
    public static func isStale(kb: URL, content: URL, cache: URL? = nil) -> Bool {
        guard var built = modified(kb) else { return FileManager.default.fileExists(atPath: content.path) }
        if let cache, let checked = modified(stamp(cache)), checked > built { built = checked }
        guard let walker = FileManager.default.enumerator(at: content, includingPropertiesForKeys: [.contentModificationDateKey]) else { return false }
        for case let url as URL in walker {
            if let m = modified(url), m > built { return true }
        }
        return modified(content).map { $0 > built } ?? false
    }

    /// Records in `cache` that a build has just checked the content (and found it built).
    static func markChecked(_ cache: URL) {
        let url = stamp(cache)
        if FileManager.default.fileExists(atPath: url.path) {
            try? FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: url.path)
        } else {
            _ = FileManager.default.createFile(atPath: url.path, contents: Data())
        }
    }

    private static func stamp(_ cache: URL) -> URL { cache.appendingPathComponent("checked") }

    private static func modified(_ url: URL) -> Date? {
        (try? url.resourceValues(forKeys: [.contentModificationDateKey]))?.contentModificationDate
    }
}
