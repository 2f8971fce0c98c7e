import CStemmer

/// The only place that talks to libstemmer: Snowball's English stemmer with a cache.
/// Not thread-safe: use one per thread or task.
final class Stemmer {
    private let stemmer: OpaquePointer?
    private var cache: [String: String] = [:]

    init() {
        stemmer = sb_stemmer_new("english", "UTF_8")
    }

    deinit {
        if let stemmer { sb_stemmer_delete(stemmer) }
    }

    /// The stem of a lower-case word.
    func stem(_ word: String) -> String {
        if let hit = cache[word] { return hit }
        guard let stemmer else { return word }
        var utf8 = Array(word.utf8)
        let result: String = utf8.withUnsafeMutableBufferPointer { buffer in
            guard let out = sb_stemmer_stem(stemmer, buffer.baseAddress, Int32(buffer.count)) else { return word }
            let n = Int(sb_stemmer_length(stemmer))
            return String(decoding: UnsafeBufferPointer(start: out, count: n), as: UTF8.self)
        }
        if cache.count > 200_000 { cache.removeAll(keepingCapacity: true) }
        cache[word] = result
        return result
    }
}
