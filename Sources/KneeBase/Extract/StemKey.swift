/// A 64-bit key of a stem, computed once per distinct word (the stemmer's cache keeps
/// it) so that the mention trie finds a token's stem by this number and one string
/// comparison instead of hashing the stem again at every lookup.
///
/// Equal stems (as `String` compares them: canonically equivalent) have equal keys: an
/// ASCII stem's key is the FNV-1a hash of its bytes (stems hold lower-case letters and
/// digits, to which no other text is canonically equivalent), any other stem's is its
/// `hashValue`, which Swift computes on the normalized text (seeded per process, as are
/// the tables that use it).
enum StemKey {
    static func of(_ stem: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in stem.utf8 {
            if byte >= 0x80 { return UInt64(bitPattern: Int64(stem.hashValue)) }
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return hash
    }
}
