/// Reads what `ByteWriter` wrote from a buffer; every read returns nil past the end or on
/// a malformed value, so damaged bytes are reported, never trapped on.
struct ByteReader {
    let buffer: UnsafeBufferPointer<UInt8>
    private(set) var offset = 0

    init(buffer: UnsafeBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    var atEnd: Bool { offset == buffer.count }

    /// Moves past `n` bytes (at most the bytes left).
    mutating func skip(_ n: Int) { offset = min(buffer.count, offset + n) }

    mutating func byte() -> UInt8? {
        guard offset < buffer.count else { return nil }
        defer { offset += 1 }
        return buffer[offset]
    }

    /// A LEB128 varint of at most ten bytes.
    mutating func varint() -> UInt64? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while offset < buffer.count, shift < 64 {
            let b = buffer[offset]
            offset += 1
            value |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return value }
            shift += 7
        }
        return nil
    }

    /// A varint that fits in `Int`.
    mutating func int() -> Int? {
        guard let v = varint(), v <= UInt64(Int.max) else { return nil }
        return Int(v)
    }

    /// A count of items that follow, each at least one byte long: never more than the bytes left.
    mutating func count() -> Int? {
        guard let n = int(), n <= buffer.count - offset else { return nil }
        return n
    }

    mutating func string() -> String? {
        guard let n = count() else { return nil }
        let s = String(decoding: UnsafeBufferPointer(rebasing: buffer[offset..<offset + n]), as: UTF8.self)
        offset += n
        return s
    }

    mutating func ints() -> [Int]? { list { $0.int() } }

    mutating func strings() -> [String]? { list { $0.string() } }

    /// A count and that many items read by `item`; nil when any of them cannot be read.
    private mutating func list<T>(_ item: (inout Self) -> T?) -> [T]? {
        guard let n = count() else { return nil }
        var out: [T] = []
        out.reserveCapacity(n)
        for _ in 0..<n {
            guard let v = item(&self) else { return nil }
            out.append(v)
        }
        return out
    }
}
