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
    static func scan(_ root: URL, diagnostics: inout [Diagnostic]) -> [Entry] {
        var entries: [Entry] = []
        var visited = Set<[UInt64]>()
        let place = Place(cwd: FileManager.default.currentDirectoryPath, path: root.path, standardPath: root.standardizedFileURL.path)
        walk(root, place, diagnostics: &diagnostics, visited: &visited, into: &entries)
        return entries.sorted { $0.displayPath < $1.displayPath }
    }

    /// A folder's path as given and standardized (".." resolved), with the working
    /// directory: what `displayPath` needs, kept as strings so that each file costs
    /// no more than joining its name on.
    private struct Place {
        var cwd: String
        var path: String
        var standardPath: String

        func child(_ name: String) -> Place {
            Place(cwd: cwd, path: Self.join(path, name), standardPath: Self.join(standardPath, name))
        }

        /// `displayPath` of this place's URL.
        var displayPath: String {
            standardPath.hasPrefix(cwd + "/") ? String(standardPath.dropFirst(cwd.count + 1)) : path
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
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        } catch {
            diagnostics.append(Diagnostic(id: "ingest.unreadable", severity: .error, file: displayPath(dir),
                                          message: "cannot list folder: permission denied or not readable"))
            return
        }
        let regular = regularFiles(in: dir.path)
        for name in names where !name.hasPrefix(".") {
            let child = place.child(name)
            if regular.contains(name) {
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

    /// The names in the folder at `path` that the folder itself lists as regular files
    /// (`readdir`'s `d_type`): they are articles to read, and need no `stat` to tell them
    /// from folders. Other names (links, names the file system does not type) are stat'ed.
    private static func regularFiles(in path: String) -> Set<String> {
        guard let folder = opendir(path) else { return [] }
        defer { closedir(folder) }
        var names = Set<String>()
        while let entry = readdir(folder) {
            guard entry.pointee.d_type == UInt8(DT_REG) else { continue }
            names.insert(withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.baseAddress!.assumingMemoryBound(to: CChar.self)) })
        }
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
