import Foundation

/// What a per-document record (`ScopedRecords`: `DocumentRecords.sentences`, `.siteTerms`) needs from the
/// discovered entities: only those that could be mentioned in its document. A record
/// keeps a Bloom filter of the trie keys its document's tokens could start a name with
/// (`MentionFinder.firstKeys`) and a fingerprint of the discovered entities whose first
/// keys the filter may hold; it is reused only while the current graph gives the same
/// fingerprint, so adding a discovered entity re-analyses only the documents that could
/// name it (and the filter's rare false positives), never reuses a stale record.
struct MentionScope: Sendable, Equatable {
    /// Bits of the filter: 8192, three probes per key.
    static let words = 128
    private static let probes = 3

    var filter: [UInt64] = Array(repeating: 0, count: words)
    /// `DiscoveredEntities.fingerprint(of:)` when the record was made.
    var fingerprint = ""

    /// Adds a trie key.
    mutating func insert(_ key: String) {
        let mixed = Self.mix(Self.hash(key))
        for n in 0..<Self.probes {
            let p = Self.position(mixed, n)
            filter[p >> 6] |= 1 << UInt64(p & 63)
        }
    }

    /// Whether a key hashing to `hash` (`MentionScope.hash`) may have been inserted.
    func mayContain(hash: UInt64) -> Bool {
        let mixed = Self.mix(hash)
        for n in 0..<Self.probes {
            let p = Self.position(mixed, n)
            if filter[p >> 6] & (1 << UInt64(p & 63)) == 0 { return false }
        }
        return true
    }

    /// A hash of `key` that is the same in every process: FNV-1a of its bytes, of its
    /// canonical composition when it is not ASCII (equal stems must hash equally).
    static func hash(_ key: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        let text = key.utf8.allSatisfy({ $0 < 0x80 }) ? key : key.precomposedStringWithCanonicalMapping
        for byte in text.utf8 { hash = ContentHash.fnv(hash, byte) }
        return hash
    }

    private static func mix(_ h: UInt64) -> UInt64 { (h ^ (h >> 31)) &* 0xBF58_476D_1CE4_E5B9 }

    /// The `n`th bit of a key: 13-bit slices of its mixed hash.
    private static func position(_ mixed: UInt64, _ n: Int) -> Int { Int(truncatingIfNeeded: (mixed >> UInt64(13 * n)) & 8191) }

    /// The scope of a document's tokens: every stem and the exact key of every word in capitals.
    init(tokens: some Sequence<Token>) {
        for t in tokens {
            insert(t.stem)
            if t.isUpper { insert(MentionFinder.exactKey(t)) }
        }
    }

    init() {}

    /// The scope framed before a record's body.
    func framing(_ body: [UInt8]) -> [UInt8] {
        var w = ByteWriter()
        for word in filter { for shift in stride(from: 0, to: 64, by: 8) { w.bytes.append(UInt8(truncatingIfNeeded: word >> UInt64(shift))) } }
        w.string(fingerprint)
        w.append(body[...])
        return w.bytes
    }

    /// Splits bytes written by `framing` into the scope and the body; nil when malformed.
    static func unframe(_ bytes: ArraySlice<UInt8>) -> (scope: MentionScope, body: ArraySlice<UInt8>)? {
        guard bytes.count >= words * 8 else { return nil }
        var scope = MentionScope()
        let start = bytes.startIndex
        for i in 0..<words {
            var word: UInt64 = 0
            for b in 0..<8 { word |= UInt64(bytes[start + i * 8 + b]) << UInt64(8 * b) }
            scope.filter[i] = word
        }
        let rest = bytes[(start + words * 8)...]
        let parsed: (String, Int)? = rest.withUnsafeBufferPointer { buffer in
            var r = ByteReader(buffer: buffer)
            return r.string().map { ($0, r.offset) }
        }
        guard let parsed else { return nil }
        scope.fingerprint = parsed.0
        return (scope, rest[(rest.startIndex + parsed.1)...])
    }
}

/// The discovered entities of a graph as `MentionScope` sees them: for each, the hashes
/// of the trie keys its names start with and the digest of everything mention finding
/// reads from it (id, kind, name, aliases, and how many lexicon entities precede it in
/// the graph, which decides who owns a shared name in the site's finder).
struct DiscoveredEntities: Sendable {
    private var keys: [[UInt64]] = []
    private var digests: [[UInt8]] = []

    /// No discovered entities: every scope's fingerprint is empty.
    static let none = DiscoveredEntities()

    private init() {}

    init(_ graph: KnowledgeGraph) {
        let tokenizer = Tokenizer(stemmer: StemmerPool.current)
        var lexiconBefore = 0
        for e in graph.entities {
            guard e.discovered else {
                lexiconBefore += 1
                continue
            }
            keys.append(MentionFinder.firstKeys(of: e, tokenizer: tokenizer).map(MentionScope.hash))
            var w = ByteWriter()
            w.string(e.id)
            w.string(e.kind.rawValue)
            w.string(e.name)
            w.strings(e.aliases)
            w.int(lexiconBefore)
            digests.append(w.bytes)
        }
    }

    /// The fingerprint of the discovered entities that could be mentioned in a document of
    /// `scope`, in graph order; empty when there are none.
    func fingerprint(of scope: MentionScope) -> String {
        var bytes: [UInt8] = []
        for i in keys.indices where keys[i].contains(where: { scope.mayContain(hash: $0) }) {
            var w = ByteWriter()
            w.int(digests[i].count)
            bytes += w.bytes
            bytes += digests[i]
        }
        return bytes.isEmpty ? "" : ContentHash.hex(bytes)
    }

    /// Whether a record of `scope` still holds for these entities.
    func allow(_ scope: MentionScope) -> Bool { fingerprint(of: scope) == scope.fingerprint }
}
