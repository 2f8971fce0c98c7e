import Foundation

/// Where each document's object lies in the `data/documents.json` of the last cached
/// build (`DocumentsJSON.Previous`), so that a rebuild copies the objects of unchanged
/// articles as bytes instead of encoding them again. Kept in the cache folder with the
/// identity of the file it describes (device, inode, size, times): trusted only while
/// that file is still the output's, untouched; else every document is encoded.
struct DocumentsJSONRecord: Codable, Sendable {
    /// Bump when what the ranges describe changes.
    static let version = 1
    private static let magic: [UInt8] = Array("KBDOCJSON\(version)\n".utf8)
    /// The file's path inside the output folder.
    static let path = "data/documents.json"

    var file: String
    var keys: [String]
    var starts: [Int]
    var ends: [Int]

    /// The objects of the output's current `documents.json`; nil when there is no record,
    /// it does not decode, or the file is not the one it describes.
    static func load(_ cache: BuildCache, output: URL) -> DocumentsJSON.Previous? {
        let url = output.appendingPathComponent(path)
        guard let bytes = try? FileReader.read(recordURL(cache), limit: 256 << 20), bytes.starts(with: magic),
              let record = try? BinaryCoder.decode(DocumentsJSONRecord.self, from: Array(bytes[magic.count...])),
              record.keys.count == record.starts.count, record.keys.count == record.ends.count,
              let identity = identity(url), record.file == identity else { return nil }
        var objects: [String: Range<Int>] = [:]
        objects.reserveCapacity(record.keys.count)
        for (i, key) in record.keys.enumerated() where record.starts[i] <= record.ends[i] {
            objects[key] = record.starts[i] ..< record.ends[i]
        }
        return DocumentsJSON.Previous(file: url, objects: objects)
    }

    /// Records the objects of the `documents.json` just published in `output`: `keys` holds
    /// each document's build-cache key (nil: not recorded), `objects` its object's bytes.
    static func store(keys: [String?], objects: [Range<Int>], output: URL, in cache: BuildCache) {
        guard keys.count == objects.count, let identity = identity(output.appendingPathComponent(path)) else { return }
        var record = DocumentsJSONRecord(file: identity, keys: [], starts: [], ends: [])
        for (key, range) in zip(keys, objects) {
            guard let key else { continue }
            record.keys.append(key)
            record.starts.append(range.lowerBound)
            record.ends.append(range.upperBound)
        }
        guard let bytes = try? BinaryCoder.encode(record) else { return }
        cache.storeFile(magic + bytes, at: recordURL(cache))
    }

    /// Removes the record, before a build that may replace the file.
    static func remove(_ cache: BuildCache) {
        unlink(recordURL(cache).path)
    }

    /// Device, inode, size, modification and change time of the file at `url`; nil when it is not a regular file.
    private static func identity(_ url: URL) -> String? {
        var st = stat()
        guard lstat(url.path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        return "\(st.st_dev)-\(st.st_ino)-\(st.st_size)-\(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec)-\(st.st_ctim.tv_sec).\(st.st_ctim.tv_nsec)"
    }

    private static func recordURL(_ cache: BuildCache) -> URL { cache.folder.appendingPathComponent("documents-json") }
}
