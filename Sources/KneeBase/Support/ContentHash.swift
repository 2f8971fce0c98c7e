/// 64-bit FNV-1a content hashes, hex-encoded: cache keys and change detection.
enum ContentHash {
    /// The hash of no bytes (FNV-1a's offset basis).
    static let empty: UInt64 = 0xcbf2_9ce4_8422_2325

    /// `hash` with one more byte folded in.
    @inline(__always)
    static func fnv(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* 0x100_0000_01b3
    }

    static func hex(_ bytes: [UInt8]) -> String { hex(bytes[...]) }

    static func hex(_ bytes: ArraySlice<UInt8>) -> String {
        var h = empty
        bytes.withUnsafeBufferPointer { b in
            for byte in b { h = fnv(h, byte) }
        }
        return hex(hash: h)
    }

    /// A hash made with `fnv(_:_:)` from `empty`, hex-encoded as `hex(_:)` gives it.
    static func hex(hash h: UInt64) -> String {
        let s = String(h, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
