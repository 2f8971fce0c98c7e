/// 64-bit FNV-1a content hashes, hex-encoded: cache keys and change detection.
enum ContentHash {
    static func hex(_ bytes: [UInt8]) -> String { hex(bytes[...]) }

    static func hex(_ bytes: ArraySlice<UInt8>) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        bytes.withUnsafeBufferPointer { b in
            for byte in b {
                h ^= UInt64(byte)
                h &*= 0x100_0000_01b3
            }
        }
        let s = String(h, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
