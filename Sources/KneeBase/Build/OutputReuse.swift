import Foundation

/// Writes files of the next output, hard-linking the previous output's copy instead
/// when its bytes are the same, so an incremental build rewrites only what changed
/// (unchanged files keep their inode and modification time, which uploaders notice).
struct OutputReuse: Sendable {
    /// The folder the next output is staged in.
    let staging: URL
    /// The current output, whose files may be reused; nil writes everything.
    let previous: URL?

    /// Writes `bytes` to `relativePath` below the staging folder.
    func write(_ bytes: [UInt8], to relativePath: String) throws {
        let url = staging.appendingPathComponent(relativePath)
        if let previous, Self.link(previous.appendingPathComponent(relativePath), to: url, ifItHolds: bytes) { return }
        unlink(url.path)  // never write through a hard link into the previous output
        do {
            try Data(bytes).write(to: url)
        } catch {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
    }

    /// Hard-links the previous output's file at `relativePath` into the staging folder
    /// without reading it (the caller knows it holds what would be written); false when
    /// there is no previous regular file there or it cannot be linked.
    func keep(_ relativePath: String) -> Bool {
        guard let previous else { return false }
        let old = previous.appendingPathComponent(relativePath), new = staging.appendingPathComponent(relativePath)
        var st = stat()
        guard lstat(old.path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return false }
        unlink(new.path)
        if Glibc.link(old.path, new.path) == 0 { return true }
        guard errno == ENOENT else { return false }
        try? FileManager.default.createDirectory(at: new.deletingLastPathComponent(), withIntermediateDirectories: true)
        return Glibc.link(old.path, new.path) == 0
    }

    /// Hard-links `old` at `new` when `old` is a regular file holding exactly `bytes`.
    static func link(_ old: URL, to new: URL, ifItHolds bytes: [UInt8]) -> Bool {
        var st = stat()
        guard lstat(old.path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, Int(st.st_size) == bytes.count,
              let current = try? FileReader.read(old, limit: bytes.count), current == bytes else { return false }
        if Glibc.link(old.path, new.path) == 0 { return true }
        guard errno == ENOENT else { return false }
        try? FileManager.default.createDirectory(at: new.deletingLastPathComponent(), withIntermediateDirectories: true)
        return Glibc.link(old.path, new.path) == 0
    }
}
