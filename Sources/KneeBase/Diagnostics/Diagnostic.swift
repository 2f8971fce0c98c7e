/// A problem found in the content, as a value: stable id, severity, place and message.
///
/// Printed compiler-style, `content/articles/x.md:12:5: warning: message [ingest.x]`,
/// or as JSON.
public struct Diagnostic: Sendable, Hashable, Codable {
    /// How bad a diagnostic is; errors make `build` and `check` exit with status 1.
    public enum Severity: String, Sendable, Hashable, Codable, Comparable, CaseIterable {
        case note, warning, error

        var rank: Int {
            switch self {
            case .note: 0
            case .warning: 1
            case .error: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// Stable identifier, e.g. `ingest.html.no-main-content`.
    public var id: String
    public var severity: Severity
    /// Path of the file concerned (relative to the working directory when possible).
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(id: String, severity: Severity, file: String, line: Int = 1, column: Int = 1, message: String) {
        self.id = id
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// The compiler-style one-line rendering.
    public var formatted: String {
        "\(file):\(line):\(column): \(severity.rawValue): \(message) [\(id)]"
    }
}

extension Array where Element == Diagnostic {
    /// Number of diagnostics of each severity.
    public func count(of severity: Diagnostic.Severity) -> Int {
        reduce(0) { $0 + ($1.severity == severity ? 1 : 0) }
    }

    /// Sorted by file, line, column, then id, for stable output.
    public func sortedForOutput() -> [Diagnostic] {
        sorted { ($0.file, $0.line, $0.column, $0.id) < ($1.file, $1.line, $1.column, $1.id) }
    }
}
