import Foundation

/// A folder of the build cache holding one byte record per key, in the framing the
/// per-document records share: a magic line, the key, the content hash of the body and
/// the body. Files are named by a hash of the key; a file that fails any check reads as
/// missing, so the caller computes the record again and stores it.
struct KeyedRecordFolder: Sendable {
    /// The folder's name under the cache folder.
    let name: String
    /// The first line of every file: names the record kind and its version.
    let magic: [UInt8]

    init(name: String, magic: String) {
        self.name = name
        self.magic = Array(magic.utf8)
    }

    /// The name of the file holding the record stored under `key`.
    func fileName(_ key: String) -> String { ContentHash.hex(Array(key.utf8)) }

    /// The body stored under `key`, nil when there is none or its framing or hash is wrong.
    func load(_ key: String, in cache: BuildCache) -> ArraySlice<UInt8>? {
        guard let bytes = try? FileReader.read(url(cache, key), limit: 1 << 30), bytes.starts(with: magic) else { return nil }
        let start: Int? = bytes.withUnsafeBufferPointer { buffer in
            var r = ByteReader(buffer: UnsafeBufferPointer(rebasing: buffer[magic.count...]))
            guard r.string() == key, let hash = r.string(), let n = r.count(), r.offset + n == r.buffer.count,
                  ContentHash.hex(bytes[(magic.count + r.offset)...]) == hash else { return nil }
            return magic.count + r.offset
        }
        return start.map { bytes[$0...] }
    }

    /// Stores `body` under `key` (temporary file, then rename); failures only cost a future miss.
    func store(_ body: [UInt8], key: String, in cache: BuildCache) {
        var w = ByteWriter()
        w.string(key)
        w.string(ContentHash.hex(body[...]))
        w.int(body.count)
        w.append(body[...])
        cache.storeFile(magic + w.bytes, at: url(cache, key))
    }

    /// Removes the records whose keys are not in `keep`.
    func prune(_ cache: BuildCache, keeping keep: Set<String>) {
        cache.prune(folder(cache), keepingNames: Set(keep.map(fileName)))
    }

    private func folder(_ cache: BuildCache) -> URL { cache.folder.appendingPathComponent(name) }
    private func url(_ cache: BuildCache, _ key: String) -> URL { folder(cache).appendingPathComponent(fileName(key)) }
}
