import Foundation

/// Finds the article files under a folder, in a stable order, reporting what it
/// cannot walk (missing folders, unreadable folders, symbolic link loops).
struct ContentScanner {
    struct Entry: Sendable {
        var url: URL
        var displayPath: String
    }

    /// Article files below `root` (recursively), sorted by path; hidden entries are skipped.
    static func scan(_ root: URL, diagnostics: inout [Diagnostic]) -> [Entry] {
        var entries: [Entry] = []
        var visited = Set<[UInt64]>()
        walk(root, cwd: FileManager.default.currentDirectoryPath, diagnostics: &diagnostics, visited: &visited, into: &entries)
        return entries.sorted { $0.displayPath < $1.displayPath }
    }

    private static func walk(_ dir: URL, cwd: String, diagnostics: inout [Diagnostic], visited: inout Set<[UInt64]>, into entries: inout [Entry]) {
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
        for name in names where !name.hasPrefix(".") {
            let url = dir.appendingPathComponent(name)
            var s = stat()
            if stat(url.path, &s) != 0 {
                let code = errno
                var l = stat()
                let isLink = lstat(url.path, &l) == 0 && (l.st_mode & S_IFMT) == S_IFLNK
                diagnostics.append(Diagnostic(id: code == ELOOP ? "ingest.symlink-loop" : "ingest.unreadable", severity: .error, file: displayPath(url),
                                              message: code == ELOOP ? "symbolic link loop: the link never reaches a file"
                                                  : isLink ? "dangling symbolic link: its target does not exist" : "cannot read: \(String(cString: strerror(code)))"))
                continue
            }
            if (s.st_mode & S_IFMT) == S_IFDIR {
                walk(url, cwd: cwd, diagnostics: &diagnostics, visited: &visited, into: &entries)
            } else {
                entries.append(Entry(url: url, displayPath: displayPath(url, cwd: cwd)))
            }
        }
    }

    /// The path relative to the working directory when below it, else as given.
    static func displayPath(_ url: URL, cwd: String = FileManager.default.currentDirectoryPath) -> String {
        let path = url.standardizedFileURL.path
        if path.hasPrefix(cwd + "/") { return String(path.dropFirst(cwd.count + 1)) }
        return url.path
    }
}
