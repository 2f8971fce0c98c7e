import Foundation

/// The per-document audit results of the last cached build (`AuditMemo`), in one file
/// of the cache folder. Results are keyed by their inputs' content, so they stay valid
/// whatever happened to the output; an unreadable file only costs a full audit.
enum AuditMemoRecord {
    /// Bump when what the audit finds in a document changes shape.
    static let version = 1
    private static let magic: [UInt8] = Array("KBAUDIT\(version)\n".utf8)

    private struct Record: Codable {
        var keys: [String]
        var results: [DocumentAudit]
    }

    /// The stored results by key; empty when there are none or they do not decode.
    static func load(_ cache: BuildCache) -> [String: DocumentAudit] {
        guard let bytes = try? FileReader.read(url(cache), limit: 1 << 30), bytes.starts(with: magic),
              let record = try? BinaryCoder.decode(Record.self, from: Array(bytes[magic.count...])),
              record.keys.count == record.results.count else { return [:] }
        return Dictionary(zip(record.keys, record.results), uniquingKeysWith: { a, _ in a })
    }

    /// Replaces the stored results with `results` (temporary file, then rename).
    static func store(_ results: [String: DocumentAudit], in cache: BuildCache) {
        let sorted = results.sorted { $0.key < $1.key }
        guard let bytes = try? BinaryCoder.encode(Record(keys: sorted.map(\.key), results: sorted.map(\.value))) else { return }
        cache.storeFile(magic + bytes, at: url(cache))
    }

    private static func url(_ cache: BuildCache) -> URL { cache.folder.appendingPathComponent("audit") }
}
