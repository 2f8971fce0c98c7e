import Foundation

/// Finds the article files under a folder, in a stable order, reporting what it
/// cannot walk (missing folders, unreadable folders, symbolic link loops).
struct ContentScanner {
    struct Entry: Sendable {
        /// The file's path, as the scan reached it.
        var path: String
        var displayPath: String

        var url: URL { URL(fileURLWithPath: path) }
    }

    /// Article files below `root` (recursively), sorted by path; hidden entries are skipped.
    /// Their display paths, which name the sources in everything a build writes, are
    /// relative to `base` (the content folder's parent: `content/articles/x.md`) wherever
    /// the build runs from, so no local path is published; without `base`, relative to the
    /// working directory when below it.
    static func scan(_ root: URL, base: URL? = nil, diagnostics: inout [Diagnostic]) -> [Entry] {
        var entries: [Entry] = []
        var visited = Set<[UInt64]>()
        let anchor = base.map { $0.standardizedFileURL.path } ?? FileManager.default.currentDirectoryPath
        let place = Place(cwd: anchor == "/" ? "" : anchor, path: root.path, standardPath: root.standardizedFileURL.path)
        walk(root, place, diagnostics: &diagnostics, visited: &visited, into: &entries)
        return entries.sorted { $0.displayPath < $1.displayPath }
    }

    /// A folder's path as given and standardized (".." resolved), with the working
    /// directory: what `displayPath` needs, kept as strings so that each file costs
    /// no more than joining its name on.
    private struct Place {
        /// The working directory and a slash.
        var cwdPrefix: String
        var path: String
        var standardPath: String

        init(cwd: String, path: String, standardPath: String) {
            self.init(cwdPrefix: cwd + "/", path: path, standardPath: standardPath)
        }

        private init(cwdPrefix: String, path: String, standardPath: String) {
            self.cwdPrefix = cwdPrefix
            self.path = path
            self.standardPath = standardPath
        }

        func child(_ name: String) -> Place {
            Place(cwdPrefix: cwdPrefix, path: Self.join(path, name), standardPath: Self.join(standardPath, name))
        }

        /// `displayPath` of this place's URL.
        var displayPath: String {
            standardPath.hasPrefix(cwdPrefix) ? String(standardPath.dropFirst(cwdPrefix.count)) : path
        }

        private static func join(_ folder: String, _ name: String) -> String {
            folder.hasSuffix("/") ? folder + name : folder + "/" + name
        }
    }

    private static func walk(_ dir: URL, _ place: Place, diagnostics: inout [Diagnostic], visited: inout Set<[UInt64]>, into entries: inout [Entry]) {
        var st = stat()
        guard stat(dir.path, &st) == 0 else {
            diagnostics.append(Diagnostic(id: errno == ELOOP ? "ingest.symlink-loop" : "ingest.unreadable", severity: .error,
                                          file: displayPath(dir), message: errno == ELOOP ? "symbolic link loop" : "cannot open folder: \(String(cString: strerror(errno)))"))
            return
        }
        guard visited.insert([UInt64(st.st_dev), UInt64(st.st_ino)]).inserted else {
            diagnostics.append(Diagnostic(id: "ingest.symlink-loop", severity: .warning, file: displayPath(dir),
                                          message: "this folder was already read (a symbolic link loops back to it); skipped"))
            return
        }
        guard let listing = list(dir.path) else {
            diagnostics.append(Diagnostic(id: "ingest.unreadable", severity: .error, file: displayPath(dir),
                                          message: "cannot list folder: permission denied or not readable"))
            return
        }
        for (name, isRegular) in listing {
            let child = place.child(name)
            if isRegular {
                entries.append(Entry(path: child.path, displayPath: child.displayPath))
                continue
            }
            var s = stat()
            if stat(child.path, &s) != 0 {
                let code = errno
                var l = stat()
                let isLink = lstat(child.path, &l) == 0 && (l.st_mode & S_IFMT) == S_IFLNK
                diagnostics.append(Diagnostic(id: code == ELOOP ? "ingest.symlink-loop" : "ingest.unreadable", severity: .error, file: child.displayPath,
                                              message: code == ELOOP ? "symbolic link loop: the link never reaches a file"
                                                  : isLink ? "dangling symbolic link: its target does not exist" : "cannot read: \(String(cString: strerror(code)))"))
                continue
            }
            if (s.st_mode & S_IFMT) == S_IFDIR {
                walk(dir.appendingPathComponent(name, isDirectory: true), child, diagnostics: &diagnostics, visited: &visited, into: &entries)
            } else {
                entries.append(Entry(path: child.path, displayPath: child.displayPath))
            }
        }
    }

    /// The visible names in the folder at `path`, sorted, each with whether the folder
    /// itself lists it as a regular file (`readdir`'s `d_type`): those are articles to
    /// read and need no `stat` to tell them from folders; other names (links, names the
    /// file system does not type) are stat'ed. Nil when the folder cannot be listed.
    private static func list(_ path: String) -> [(name: String, isRegular: Bool)]? {
        guard let folder = opendir(path) else { return nil }
        defer { closedir(folder) }
        var names: [(name: String, isRegular: Bool)] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.baseAddress!.assumingMemoryBound(to: CChar.self)) }
            guard !name.hasPrefix(".") else { continue }
            names.append((name, entry.pointee.d_type == UInt8(DT_REG)))
        }
        names.sort { $0.name < $1.name }
        return names
    }

    /// The path relative to the working directory when below it, else as given.
    static func displayPath(_ url: URL) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        let path = url.standardizedFileURL.path
        if path.hasPrefix(cwd + "/") { return String(path.dropFirst(cwd.count + 1)) }
        return url.path
    }
}
