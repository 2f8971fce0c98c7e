import Foundation

/// Tells whether a knowledge base is older than the content it was built from.
public enum Freshness {
    /// True when `kb` is missing or any file under `content` was modified after it.
    public static func isStale(kb: URL, content: URL) -> Bool {
        guard let built = modified(kb) else { return FileManager.default.fileExists(atPath: content.path) }
        guard let walker = FileManager.default.enumerator(at: content, includingPropertiesForKeys: [.contentModificationDateKey]) else { return false }
        for case let url as URL in walker {
            if let m = modified(url), m > built { return true }
        }
        return modified(content).map { $0 > built } ?? false
    }

    private static func modified(_ url: URL) -> Date? {
        (try? url.resourceValues(forKeys: [.contentModificationDateKey]))?.contentModificationDate
    }
}
