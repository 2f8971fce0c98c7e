import Foundation

/// Writes files of the next output, hard-linking the previous output's copy instead
/// when its bytes are the same, so an incremental build rewrites only what changed
/// (unchanged files keep their inode and modification time, which uploaders notice).
struct OutputReuse: Sendable {
    /// The folder the next output is staged in.
    let staging: URL
    /// The current output, whose files may be reused; nil writes everything.
    let previous: URL?
    /// Their paths, joined to relative paths as strings (a URL per file cost more than writing it).
    private let stagingPath: String
    private let previousPath: String?

    init(staging: URL, previous: URL?) {
        self.staging = staging
        self.previous = previous
        stagingPath = staging.path
        previousPath = previous?.path
    }

    /// Writes `bytes` to `relativePath` below the staging folder.
    func write(_ bytes: [UInt8], to relativePath: String) throws {
        let new = stagingPath + "/" + relativePath
        if let previousPath, Self.link(previousPath + "/" + relativePath, to: new, ifItHolds: bytes) { return }
        unlink(new)  // never write through a hard link into the previous output
        if Self.create(new, bytes) { return }
        if errno == ENOENT {
            try FileManager.default.createDirectory(atPath: (new as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            if Self.create(new, bytes) { return }
        }
        throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: new, NSUnderlyingErrorKey: POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)])
    }

    /// Creates the file at `path` (which must not exist) holding `bytes`; false with `errno` set on failure.
    private static func create(_ path: String, _ bytes: [UInt8]) -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard fd >= 0 else { return false }
        let ok = bytes.withUnsafeBytes { FileDescriptorIO.write(fd, $0) }
        let saved = errno
        if close(fd) != 0 && ok { return false }
        if !ok { unlink(path); errno = saved }
        return ok
    }

    /// Hard-links the previous output's file at `relativePath` into the staging folder
    /// without reading it (the caller knows it holds what would be written); false when
    /// there is no previous regular file there or it cannot be linked.
    func keep(_ relativePath: String) -> Bool {
        guard let previousPath else { return false }
        let old = previousPath + "/" + relativePath, new = stagingPath + "/" + relativePath
        var st = stat()
        guard lstat(old, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return false }
        unlink(new)
        return Self.hardLink(old, new)
    }

    /// Hard-links `old` at `new` when `old` is a regular file holding exactly `bytes`.
    static func link(_ old: String, to new: String, ifItHolds bytes: [UInt8]) -> Bool {
        var st = stat()
        guard lstat(old, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, Int(st.st_size) == bytes.count,
              let current = try? FileReader.read(path: old, limit: bytes.count), current == bytes else { return false }
        return hardLink(old, new)
    }

    /// Links `old` at `new`, creating `new`'s folder when it is missing.
    private static func hardLink(_ old: String, _ new: String) -> Bool {
        if Glibc.link(old, new) == 0 { return true }
        guard errno == ENOENT else { return false }
        try? FileManager.default.createDirectory(atPath: (new as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        return Glibc.link(old, new) == 0
    }
}
