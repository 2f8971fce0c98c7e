import Glibc

/// The loops around POSIX `read`, `pread` and `write` that move every byte asked for,
/// retrying calls that a signal interrupted.
enum FileDescriptorIO {
    /// Reads into `buffer` until it is full or the file ends, from the file's current
    /// offset or, with `offset`, from there (`pread`). Returns the bytes read, or -1 with
    /// `errno` set.
    static func read(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int? = nil) -> Int {
        var total = 0
        while total < buffer.count {
            let start = buffer.baseAddress! + total, wanted = buffer.count - total
            let n = if let offset { pread(fd, start, wanted, off_t(offset + total)) } else { Glibc.read(fd, start, wanted) }
            if n < 0 { if errno == EINTR { continue }; return -1 }
            if n == 0 { break }
            total += n
        }
        return total
    }

    /// Writes all of `bytes`; false with `errno` set when a write fails.
    static func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        var done = 0
        while done < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + done, bytes.count - done)
            if n < 0 { if errno == EINTR { continue }; return false }
            done += n
        }
        return true
    }
}
