import Foundation

/// The incremental-build cache: for every article, what ingest made of its bytes and
/// what extraction found in it, so a rebuild redoes only the articles that changed.
///
/// One file per article under `<folder>/documents/`, named by a hash of the article's
/// bytes, its path, its format and the code that read it (`version` and the running
/// executable's identity). Extraction results also record the lexicon they were made
/// with and are redone when it changes. Entries are written to a temporary file and
/// renamed, so concurrent builds never see half an entry; an entry that does not
/// decode or fails its checksum is reported as a note and rebuilt, never trusted
/// (its byte form: `Entry.bytes()`).
struct BuildCache: Sendable {
    /// Bump when the model or the cache layout changes in a way the executable's identity would not show.
    static let version = 2
    /// The id of the note reporting a damaged entry.
    static let corruptID = "build.cache-corrupt"
    private static let magic: [UInt8] = Array("KBCACHE\(version)\n".utf8)

    /// One article's cached results.
    struct Entry: Sendable {
        /// The path the article was read as (guards against hash collisions).
        var source: String
        var document: Document?
        /// Ingest diagnostics for this file.
        var diagnostics: [Diagnostic]
        /// Fingerprint of the lexicon `claims` were extracted with.
        var lexicon: String
        var claims: DocumentClaims?
    }

    let folder: URL
    private let documents: URL
    /// The code that made the entries: the cache version and the executable's identity.
    let code: String

    init(folder: URL) {
        self.folder = folder
        documents = folder.appendingPathComponent("documents")
        code = "\(Self.version)|\(Self.executableIdentity)"
    }

    /// The cache key of an article's bytes read as `format` from `source`.
    func key(bytes: [UInt8], source: String, format: Document.Format) -> String {
        ContentHash.hex(Array("\(ContentHash.hex(bytes))|\(bytes.count)|\(format.rawValue)|\(source)|\(code)".utf8))
    }

    /// What a per-document record's key adds in a record format of `version`: that version,
    /// the code and `lexicon` (`lexiconFingerprint(of:)`). Discovered entities are not in it:
    /// a record checks only those that could be mentioned in its document (`MentionScope`),
    /// so a new one does not void every record.
    func salt(lexicon: String, version: Int) -> String {
        "\(version)|\(code)|\(lexicon)"
    }

    /// The fingerprint of the lexicon entities as `graph` holds them (its discovered ones left out).
    static func lexiconFingerprint(of graph: KnowledgeGraph) -> String {
        fingerprint(Lexicon(entities: graph.entities.filter { !$0.discovered }))
    }

    /// The fingerprint of everything in a lexicon that extraction reads.
    static func fingerprint(_ lexicon: Lexicon) -> String {
        let entities = (try? BinaryCoder.encode(lexicon.entities)) ?? []
        let ambiguities = (try? BinaryCoder.encode(lexicon.resolvedAmbiguities)) ?? []
        return ContentHash.hex(entities + [0] + ambiguities)
    }

    /// The entry stored under `key`, nil when there is none or it is unusable (then a note says why).
    func load(_ key: String, source: String, diagnostics: inout [Diagnostic]) -> Entry? {
        let url = entryURL(key)
        guard let bytes = try? FileReader.read(url, limit: 1 << 30) else { return nil }
        do {
            guard bytes.starts(with: Self.magic) else { throw BinaryCoderError.malformed("not a cache entry of this version") }
            guard let entry = Entry(bytes: bytes[Self.magic.count...]) else { throw BinaryCoderError.malformed("damaged cache entry") }
            guard entry.source == source else { return nil }
            return entry
        } catch {
            diagnostics.append(Diagnostic(id: Self.corruptID, severity: .note, file: ContentScanner.displayPath(url),
                                          message: "ignored a damaged build-cache entry for \(source) (\(error)); the article is read again"))
            return nil
        }
    }

    /// Stores `entry` under `key` (temporary file, then rename); failures only cost a future cache miss.
    func store(_ entry: Entry, key: String) {
        storeFile(Self.magic + entry.bytes(), at: entryURL(key))
    }

    /// The file of the entry stored under `key`.
    func entryURL(_ key: String) -> URL { documents.appendingPathComponent(key) }

    /// The file holding the last build's `BuildManifest`.
    var manifestURL: URL { folder.appendingPathComponent("manifest") }

    /// Writes `bytes` to `url` inside the cache through a temporary file and a rename;
    /// failures only cost a future cache miss.
    func storeFile(_ bytes: [UInt8], at url: URL) {
        let dir = url.deletingLastPathComponent()
        let temp = dir.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try Data(bytes).write(to: temp)
            guard rename(temp.path, url.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            try? FileManager.default.removeItem(at: temp)
        }
    }

    /// Removes the entries whose keys are not in `keep` (articles deleted, renamed or edited),
    /// and temporary files left by killed builds.
    func prune(keeping keep: Set<String>) {
        prune(documents, keepingNames: keep)
    }

    /// Removes the files in `dir` whose names are not in `keep`, and temporary files (names
    /// starting with ".") left by builds that ended an hour ago or more.
    func prune(_ dir: URL, keepingNames keep: Set<String>) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { return }
        let now = Date()
        for name in names where !keep.contains(name) {
            let url = dir.appendingPathComponent(name)
            if name.hasPrefix(".") {
                // A temporary file may belong to a build still running: leave recent ones.
                let modified = (try? url.resourceValues(forKeys: [.contentModificationDateKey]))?.contentModificationDate ?? now
                if now.timeIntervalSince(modified) < 3600 { continue }
            }
            try? FileManager.default.removeItem(at: url)
        }
    }

    /// Size and modification time of the running executable: a new build of kneebase starts a new cache.
    private static let executableIdentity: String = {
        guard let path = Bundle.main.executableURL?.path else { return "unknown" }
        var st = stat()
        guard stat(path, &st) == 0 else { return "unknown" }
        return "\(st.st_size)-\(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec)-\(st.st_ino)"
    }()
}
