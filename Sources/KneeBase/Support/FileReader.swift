import Foundation
import Glibc

/// Reads whole files with POSIX calls: clear failures, a size limit, no surprises.
enum FileReader {
    struct Failure: Error {
        var id: String
        var message: String
    }

    /// The bytes of the file at `url`, refusing files larger than `limit`.
    static func read(_ url: URL, limit: Int) throws -> [UInt8] {
        try read(path: url.path, limit: limit)
    }

    /// The bytes of the file at `path`, refusing files larger than `limit`.
    static func read(path: String, limit: Int) throws -> [UInt8] {
        // O_NONBLOCK: opening a named pipe must not wait for a writer (it is refused below).
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw failure(errno) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw failure(errno) }
        if (st.st_mode & S_IFMT) == S_IFDIR { throw Failure(id: "ingest.unreadable", message: "is a directory, not a file") }
        if (st.st_mode & S_IFMT) != S_IFREG {
            throw Failure(id: "ingest.unreadable", message: "not a regular file (a named pipe, socket or device); skipped")
        }
        let size = Int(st.st_size)
        if size > limit {
            throw Failure(id: "ingest.too-large", message: "the file is \((size + 0xFFFFF) >> 20) MB, over the \(limit >> 20) MB limit for one file — skipped")
        }
        var readError: Int32 = 0
        // Uninitialized: only the bytes read are kept.
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            let n = FileDescriptorIO.read(fd, into: UnsafeMutableRawBufferPointer(buffer))
            if n < 0 { readError = errno }
            count = max(n, 0)
        }
        if readError != 0 { throw failure(readError) }
        return bytes
    }

    private static func failure(_ code: Int32) -> Failure {
        switch code {
        case EACCES, EPERM: Failure(id: "ingest.unreadable", message: "permission denied: cannot read this file")
        case ELOOP: Failure(id: "ingest.symlink-loop", message: "symbolic link loop: the link never reaches a file")
        case ENOENT: Failure(id: "ingest.unreadable", message: "the file does not exist (a dangling link?)")
        default: Failure(id: "ingest.unreadable", message: "cannot read file: \(String(cString: strerror(code)))")
        }
    }
}
