import Foundation

/// The record of the last successful cached build, kept in the cache folder: a
/// fingerprint of everything it read, the identity of the output folder it published
/// and of the cache entries it left, and its report. When a rebuild finds all three
/// unchanged it keeps `public/` as it is and returns the same report (the fast path
/// of a rebuild with nothing changed).
///
/// The inputs are the article files (their cache keys, which hash their bytes, path
/// and format), what the content scan reported, the lexicon and theme files' bytes, the
/// build options, the working directory (diagnostics show paths relative to it) and the
/// executable's identity. The output folder is identified by device, inode and change
/// time (and its kb.sqlite likewise): every build publishes a new folder, so any other
/// build into it — or removing and restoring it — shows; edits made by hand to other
/// files inside `public/` do not.
struct BuildManifest: Codable, Sendable {
    /// Bump when the manifest's meaning changes.
    static let version = 2
    private static let magic: [UInt8] = Array("KBMANIFEST\(version)\n".utf8)

    var inputs: String
    var output: String
    var cacheState: String
    var sources: Int
    var bytes: Int
    var blocks: Int
    var sentences: Int
    var entities: Int
    var claims: Int
    var diagnostics: [Diagnostic]

    /// The fingerprint of a build's inputs (see the type's description).
    static func inputs(_ options: BuildOptions, articles: [ScannedArticle], scanDiagnostics: [Diagnostic], code: String) -> String {
        var parts: [String] = [
            "\(version)", code, FileManager.default.currentDirectoryPath,
            options.content.standardizedFileURL.path, options.articles.standardizedFileURL.path,
            options.output.standardizedFileURL.path, options.theme?.standardizedFileURL.path ?? "-", options.baseURL ?? "-",
            ContentHash.hex((try? BinaryCoder.encode(scanDiagnostics)) ?? []),
            filesHash(options.content.appendingPathComponent("lexicon"), recursive: false),
            options.theme.map { filesHash($0, recursive: true) } ?? "-",
        ]
        parts.reserveCapacity(parts.count + 2 * articles.count)
        for a in articles { parts += [a.entry.displayPath, a.token] }
        return ContentHash.hex(Array(parts.joined(separator: "\u{0}").utf8))
    }

    /// Device, inode and change time of the output folder and of its `data/kb.sqlite`, nil
    /// when the folder does not exist. The change time matters: a folder removed and made
    /// again at once often gets the same inode number back, but never the same ctime
    /// (which no one can set, and which adding or removing an entry updates).
    static func outputIdentity(_ output: URL) -> String? {
        var st = stat()
        let path = output.standardizedFileURL.path
        guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR else { return nil }
        var kb = stat()
        let database = stat(path + "/data/kb.sqlite", &kb) == 0
            ? "\(kb.st_ino)-\(kb.st_size)-\(kb.st_ctim.tv_sec).\(kb.st_ctim.tv_nsec)" : "none"
        return "\(st.st_dev)-\(st.st_ino)-\(st.st_ctim.tv_sec).\(st.st_ctim.tv_nsec)-\(database)"
    }

    /// Size, time and inode of every cache entry the articles use (a damaged or removed
    /// entry makes the next build a real one, which notices it).
    static func cacheState(_ cache: BuildCache, keys: [String?]) -> String {
        var parts: [String] = []
        parts.reserveCapacity(keys.count)
        for key in keys {
            guard let key else { parts.append("-"); continue }
            parts.append(fileStamp(cache.entryURL(key)) ?? "missing")
        }
        return ContentHash.hex(Array(parts.joined(separator: "\u{0}").utf8))
    }

    /// The manifest stored in `cache`, nil when there is none or it does not decode.
    static func load(_ cache: BuildCache) -> BuildManifest? {
        guard let bytes = try? FileReader.read(cache.manifestURL, limit: 256 << 20), bytes.starts(with: magic) else { return nil }
        return try? BinaryCoder.decode(BuildManifest.self, from: Array(bytes[magic.count...]))
    }

    /// Stores the manifest in `cache` (temporary file, then rename).
    func store(_ cache: BuildCache) {
        guard let bytes = try? BinaryCoder.encode(self) else { return }
        cache.storeFile(Self.magic + bytes, at: cache.manifestURL)
    }

    /// Removes the manifest from `cache`, before a build that may change the output.
    static func remove(_ cache: BuildCache) {
        unlink(cache.manifestURL.path)
    }

    /// The report of the build this manifest describes, as a rebuild that changed nothing.
    func report(seconds: Double) -> BuildReport {
        var r = BuildReport()
        r.sources = sources
        r.bytes = bytes
        r.blocks = blocks
        r.sentences = sentences
        r.entities = entities
        r.claims = claims
        r.diagnostics = diagnostics
        r.cacheHits = sources
        r.unchanged = true
        r.stages = [("unchanged", seconds)]
        r.elapsed = seconds
        return r
    }

    /// Size, modification time and inode of a regular file, nil when it is not one.
    private static func fileStamp(_ url: URL) -> String? {
        var st = stat()
        guard stat(url.path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        return "\(st.st_size)-\(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec)-\(st.st_ino)"
    }

    /// A hash of the names and bytes of the regular files below `folder` ("-" when it is missing).
    private static func filesHash(_ folder: URL, recursive: Bool) -> String {
        let base = folder.standardizedFileURL.resolvingSymlinksInPath()
        var files: [String] = []
        if recursive {
            for case let url as URL in FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) ?? FileManager.DirectoryEnumerator() {
                files.append(String(url.standardizedFileURL.resolvingSymlinksInPath().path.dropFirst(base.path.count)))
            }
        } else {
            files = (try? FileManager.default.contentsOfDirectory(atPath: base.path)) ?? []
        }
        guard !files.isEmpty || FileManager.default.fileExists(atPath: base.path) else { return "-" }
        var bytes: [UInt8] = []
        for name in files.sorted() {
            bytes += Array(name.utf8) + [0]
            let url = recursive ? URL(fileURLWithPath: base.path + name) : base.appendingPathComponent(name)
            guard fileStamp(url) != nil else { bytes += [1]; continue }
            if let content = try? FileReader.read(url, limit: 64 << 20) {
                bytes += Array(ContentHash.hex(content).utf8)
            } else {
                bytes += Array((fileStamp(url) ?? "?").utf8)
            }
            bytes.append(0)
        }
        return ContentHash.hex(bytes)
    }
}
