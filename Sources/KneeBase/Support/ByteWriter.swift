/// Appends LEB128 varints, UTF-8 strings and lists of them to a byte array: the
/// primitives of the build cache's hand-written formats and of `BinaryCoder`.
struct ByteWriter {
    var bytes: [UInt8] = []

    /// `v` as a LEB128 varint: seven bits per byte, low bits first.
    mutating func varint(_ v: UInt64) {
        var v = v
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    /// A count or index as a varint (negative values are written as 0).
    mutating func int(_ value: Int) { varint(UInt64(max(0, value))) }

    /// The UTF-8 length as a varint, then the UTF-8 bytes.
    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { utf8 in
            varint(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func append(_ raw: ArraySlice<UInt8>) { bytes.append(contentsOf: raw) }

    mutating func ints(_ list: [Int]) {
        int(list.count)
        for v in list { int(v) }
    }

    mutating func strings(_ list: [String]) {
        int(list.count)
        for s in list { string(s) }
    }
}
