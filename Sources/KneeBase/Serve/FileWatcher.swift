import Foundation
import Glibc

/// Notices changes below a few folders by comparing snapshots of every entry's
/// modification time, size and inode (portable polling; a walk of 10,000 files takes
/// a few milliseconds). Hidden entries are skipped, as the build skips them.
public struct FileWatcher: Sendable {
    struct Stamp: Equatable, Sendable {
        var mtime: Int
        var nanoseconds: Int
        var size: Int
        var inode: UInt
    }

    public let roots: [URL]
    private var last: [String: Stamp]

    public init(_ roots: [URL]) {
        self.roots = roots
        last = Self.snapshot(roots)
    }

    /// The paths added, removed or modified since the last call (or since `init`).
    public mutating func changes() -> [String] {
        let now = Self.snapshot(roots)
        defer { last = now }
        guard now != last else { return [] }
        var changed = now.filter { last[$0.key] != $0.value }.map(\.key)
        changed += last.keys.filter { now[$0] == nil }
        return changed.sorted()
    }

    static func snapshot(_ roots: [URL]) -> [String: Stamp] {
        var out: [String: Stamp] = [:]
        for root in roots { walk(root.path, depth: 0, into: &out) }
        return out
    }

    private static func walk(_ path: String, depth: Int, into out: inout [String: Stamp]) {
        var st = stat()
        guard stat(path, &st) == 0 else { return }
        out[path] = Stamp(mtime: st.st_mtim.tv_sec, nanoseconds: st.st_mtim.tv_nsec, size: Int(st.st_size), inode: UInt(st.st_ino))
        guard (st.st_mode & S_IFMT) == S_IFDIR, depth < 32, let dir = opendir(path) else { return }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasPrefix(".") { continue }
            walk(path + "/" + name, depth: depth + 1, into: &out)
        }
    }
}
