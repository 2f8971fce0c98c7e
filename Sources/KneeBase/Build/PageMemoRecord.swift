import Foundation

/// The page digests of the last cached build (see `PageMemo`), kept in the cache folder
/// with the identity of the output folder they describe (`BuildManifest.outputIdentity`):
/// they are trusted only while that folder is still the output, so a restored, replaced
/// or hand-built `public/` is rendered in full.
struct PageMemoRecord: Codable, Sendable {
    /// Bump when what a digest covers changes.
    static let version = 3
    private static let magic: [UInt8] = Array("KBPAGES\(version)\n".utf8)

    var output: String
    var paths: [String]
    var digests: [String]

    /// The digests by page path of the build whose output is `output`; empty when there are
    /// none, they do not decode, or they describe another output.
    static func load(_ cache: BuildCache, output: URL) -> [String: String] {
        guard let bytes = try? FileReader.read(url(cache), limit: 256 << 20), bytes.starts(with: magic),
              let record = try? BinaryCoder.decode(PageMemoRecord.self, from: Array(bytes[magic.count...])),
              record.paths.count == record.digests.count, let current = BuildManifest.outputIdentity(output),
              record.output == current else { return [:] }
        return Dictionary(zip(record.paths, record.digests), uniquingKeysWith: { a, _ in a })
    }

    /// Stores the digests of the output just published at `output` (temporary file, then rename).
    static func store(_ pages: [String: String], output: URL, in cache: BuildCache) {
        guard let identity = BuildManifest.outputIdentity(output) else { return }
        let sorted = pages.sorted { $0.key < $1.key }
        let record = PageMemoRecord(output: identity, paths: sorted.map(\.key), digests: sorted.map(\.value))
        guard let bytes = try? BinaryCoder.encode(record) else { return }
        cache.storeFile(magic + bytes, at: url(cache))
    }

    /// Removes the record, before a build that may change the output.
    static func remove(_ cache: BuildCache) {
        unlink(url(cache).path)
    }

    private static func url(_ cache: BuildCache) -> URL { cache.folder.appendingPathComponent("pages") }
}
