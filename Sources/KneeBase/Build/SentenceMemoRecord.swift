import Foundation

/// The sentence analyses of cached builds (`SentenceMemo`), one file per document under
/// `<cache>/sentences/`, named by a hash of the analysis's key: a magic line, the key,
/// the content hash of the analysis's byte form (`SentenceAnalysis.bytes()`) and those
/// bytes. A file is read, checked and decoded on the thread that would otherwise analyse
/// its document; one that fails any check is analysed again and rewritten. Only new
/// analyses are written, so a rebuild after an edit writes one file.
enum SentenceMemoRecord {
    /// Bump when `SentenceAnalysis`, its byte form or what it holds changes.
    static let version = 1
    private static let magic: [UInt8] = Array("KBSENTENCES\(version)\n".utf8)

    /// The name of the file holding the analysis stored under `key`.
    static func fileName(_ key: String) -> String { ContentHash.hex(Array(key.utf8)) }

    /// The analysis stored under `key`, nil when there is none or it is damaged.
    static func load(_ key: String, in cache: BuildCache) -> SentenceAnalysis? {
        guard let bytes = try? FileReader.read(url(cache, key), limit: 1 << 30), bytes.starts(with: magic) else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> SentenceAnalysis? in
            var r = ByteReader(buffer: UnsafeBufferPointer(rebasing: buffer[magic.count...]))
            guard r.string() == key, let hash = r.string(), let n = r.count(), r.offset + n == r.buffer.count else { return nil }
            let body = bytes[(magic.count + r.offset)...]
            guard ContentHash.hex(body) == hash else { return nil }
            return SentenceAnalysis(bytes: body)
        }
    }

    /// Stores `analysis` under `key` (temporary file, then rename); failures only cost a future miss.
    static func store(_ analysis: SentenceAnalysis, key: String, in cache: BuildCache) {
        let body = analysis.bytes()[...]
        var w = ByteWriter()
        w.string(key)
        w.string(ContentHash.hex(body))
        w.int(body.count)
        w.append(body)
        cache.storeFile(magic + w.bytes, at: url(cache, key))
    }

    /// Removes the stored analyses whose keys are not in `keep`, and temporary files of builds that ended an hour ago or more.
    static func prune(_ cache: BuildCache, keeping keep: Set<String>) {
        cache.prune(folder(cache), keepingNames: Set(keep.map(fileName)))
    }

    private static func folder(_ cache: BuildCache) -> URL { cache.folder.appendingPathComponent("sentences") }
    private static func url(_ cache: BuildCache, _ key: String) -> URL { folder(cache).appendingPathComponent(fileName(key)) }
}
