import Foundation

/// The site's terms of each source (`SourceTerms`) from cached builds, one file per
/// document under `<cache>/site-terms/`, named by a hash of the key: a magic line, the
/// key, the content hash of the terms' byte form and those bytes. A file that fails any
/// check is ignored (the document is tokenized again and the file rewritten); only new
/// terms are written, so a rebuild after an edit writes one file.
enum SourceTermsRecord {
    /// Bump when `SourceTerms`, its byte form or what it holds changes.
    static let version = 1
    private static let magic: [UInt8] = Array("KBSITETERMS\(version)\n".utf8)

    /// What a document's key adds for `graph`: the code and every entity mention finding knows.
    static func salt(_ graph: KnowledgeGraph, in cache: BuildCache) -> String {
        let entities = (try? BinaryCoder.encode(graph.entities)) ?? []
        return "\(version)|\(cache.code)|\(ContentHash.hex(entities))"
    }

    /// The name of the file holding the terms stored under `key`.
    static func fileName(_ key: String) -> String { ContentHash.hex(Array(key.utf8)) }

    /// The terms stored under `key`, nil when there are none or they are damaged.
    static func load(_ key: String, in cache: BuildCache) -> SourceTerms? {
        guard let bytes = try? FileReader.read(url(cache, key), limit: 1 << 30), bytes.starts(with: magic) else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> SourceTerms? in
            var r = ByteReader(buffer: UnsafeBufferPointer(rebasing: buffer[magic.count...]))
            guard r.string() == key, let hash = r.string(), let n = r.count(), r.offset + n == r.buffer.count else { return nil }
            let body = bytes[(magic.count + r.offset)...]
            guard ContentHash.hex(body) == hash else { return nil }
            return SourceTerms(bytes: body)
        }
    }

    /// Stores `terms` under `key` (temporary file, then rename); failures only cost a future miss.
    static func store(_ terms: SourceTerms, key: String, in cache: BuildCache) {
        let body = terms.bytes()[...]
        var w = ByteWriter()
        w.string(key)
        w.string(ContentHash.hex(body))
        w.int(body.count)
        w.append(body)
        cache.storeFile(magic + w.bytes, at: url(cache, key))
    }

    /// Removes the stored terms whose keys are not in `keep`.
    static func prune(_ cache: BuildCache, keeping keep: Set<String>) {
        cache.prune(folder(cache), keepingNames: Set(keep.map(fileName)))
    }

    private static func folder(_ cache: BuildCache) -> URL { cache.folder.appendingPathComponent("site-terms") }
    private static func url(_ cache: BuildCache, _ key: String) -> URL { folder(cache).appendingPathComponent(fileName(key)) }
}
