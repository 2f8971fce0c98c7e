import Foundation
import KneeBase

/// Output helpers: colour only on a terminal and when NO_COLOR is unset.
enum Terminal {
    static let stdoutIsTTY = isatty(STDOUT_FILENO) == 1
    static let stderrIsTTY = isatty(STDERR_FILENO) == 1
    static let colorAllowed = ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true

    static func useColor(stderr: Bool = false) -> Bool { (stderr ? stderrIsTTY : stdoutIsTTY) && colorAllowed }

    static func paint(_ s: String, _ code: String, stderr: Bool = false) -> String {
        useColor(stderr: stderr) ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s
    }

    /// A file system error in a few plain words ("No such file or directory"): the system's own
    /// reason when Foundation wraps one, else Foundation's description.
    static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let posix = (ns.userInfo[NSUnderlyingErrorKey] as? NSError).flatMap({ $0.domain == NSPOSIXErrorDomain ? $0 : nil }) ?? (ns.domain == NSPOSIXErrorDomain ? ns : nil) {
            return String(cString: strerror(Int32(posix.code)))
        }
        if let path = ns.userInfo[NSFilePathErrorKey] as? String {
            switch CocoaError.Code(rawValue: ns.code) {
            case .fileNoSuchFile, .fileReadNoSuchFile: return "\(path) does not exist"
            case .fileWriteNoPermission, .fileReadNoPermission: return "no permission to write \(path)"
            case .fileWriteOutOfSpace: return "the disk is full"
            default:
                // A folder could not be made: say which part of the path is in the way.
                var url = URL(fileURLWithPath: path).standardizedFileURL
                var isDir: ObjCBool = false
                while url.path != "/", !FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) { url.deleteLastPathComponent() }
                if !isDir.boolValue { return "\(url.path) is a file, not a folder" }
                if !FileManager.default.isWritableFile(atPath: url.path) { return "no permission to write in \(url.path)" }
            }
        }
        return ns.localizedDescription
    }

    static func printError(_ s: String) {
        FileHandle.standardError.write(Data((s + "\n").utf8))
    }

    /// A diagnostic, compiler-style, coloured by severity on a terminal.
    static func format(_ d: Diagnostic, stderr: Bool = false) -> String {
        let color: String = switch d.severity {
        case .error: "1;31"
        case .warning: "1;33"
        case .note: "1;36"
        }
        let place = paint("\(d.file):\(d.line):\(d.column):", "1", stderr: stderr)
        return "\(place) \(paint(d.severity.rawValue + ":", color, stderr: stderr)) \(d.message) [\(d.id)]"
    }

    /// Diagnostics as a stable JSON document.
    static func json(_ diagnostics: [Diagnostic]) -> String {
        struct Out: Encodable { var diagnostics: [Diagnostic] }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(Out(diagnostics: diagnostics))) ?? Data(), as: UTF8.self)
    }
}

/// A progress bar on standard error, shown only on a terminal and for large corpora.
final class ProgressBar: @unchecked Sendable {
    private let lock = NSLock()
    private var lastDrawn = -1
    private let enabled: Bool

    init(enabled: Bool) { self.enabled = enabled && Terminal.stderrIsTTY }

    func update(_ done: Int, _ total: Int) {
        guard enabled, total >= 200 else { return }
        let percent = done * 100 / max(total, 1)
        lock.lock(); defer { lock.unlock() }
        guard percent != lastDrawn else { return }
        lastDrawn = percent
        let width = 30
        let filled = percent * width / 100
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        FileHandle.standardError.write(Data("\r\(bar) \(percent)% (\(done)/\(total) articles)".utf8))
        if done == total { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
