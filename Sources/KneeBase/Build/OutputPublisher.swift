import CKneeSupport
import Foundation

/// Writes a build into a staging folder beside the output and swaps it into place in
/// one step, so a failed or killed build leaves the previous output as it was.
public struct OutputPublisher: Sendable {
    public let output: URL
    public let staging: URL

    /// Prepares an empty staging folder next to `output`, clearing stale ones from killed builds.
    public init(output: URL) throws {
        self.output = output.standardizedFileURL
        let parent = self.output.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        let prefix = ".\(self.output.lastPathComponent).staging-"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? [] where name.hasPrefix(prefix) {
            let pid = Int32(name.dropFirst(prefix.count).split(separator: "-").first ?? "") ?? 0
            if pid > 0 && kill(pid, 0) == 0 && pid != getpid() { continue }  // another build is running
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
        }
        staging = parent.appendingPathComponent("\(prefix)\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
    }

    /// Writes `bytes` to `relativePath` inside the staging folder (a hard link to the
    /// current output's file when that already holds these bytes).
    public func write(_ bytes: [UInt8], to relativePath: String) throws {
        try reuse.write(bytes, to: relativePath)
    }

    /// Writes `relativePath` inside the staging folder from what `body` hands its sink,
    /// piece by piece, so a large file never sits in memory whole.
    public func stream(to relativePath: String, _ body: (_ sink: ([UInt8]) throws -> Void) throws -> Void) throws {
        let url = try stagingURL(relativePath)
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try body { bytes in try handle.write(contentsOf: Data(bytes)) }
    }

    /// Writes staged files, reusing the current output's unchanged ones.
    var reuse: OutputReuse { OutputReuse(staging: staging, previous: output) }

    /// The staging URL of a path, for writers that need a file path (SQLite).
    public func stagingURL(_ relativePath: String) throws -> URL {
        let url = staging.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        return url
    }

    /// Swaps the staging folder into place as the output.
    public func publish() throws {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if !fm.fileExists(atPath: output.path, isDirectory: &isDir) {
            try fm.moveItem(at: staging, to: output)
            return
        }
        if kb_exchange_paths(staging.path, output.path) == 0 {
            try? fm.removeItem(at: staging)  // now holds the previous output
            return
        }
        // No atomic exchange on this system: two renames, with the old output kept until the new one is in place.
        let old = staging.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).old-\(getpid())")
        try? fm.removeItem(at: old)
        try fm.moveItem(at: output, to: old)
        do {
            try fm.moveItem(at: staging, to: output)
        } catch {
            try? fm.moveItem(at: old, to: output)
            throw error
        }
        try? fm.removeItem(at: old)
    }

    /// Removes the staging folder after a failure.
    public func discard() {
        try? FileManager.default.removeItem(at: staging)
    }
}
