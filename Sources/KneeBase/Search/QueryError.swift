/// A query that cannot be read, with what is wrong and where.
///
/// ```
/// error: unclosed quote; add the closing "
///   "runner's knee pain
///   ^
/// ```
public struct QueryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, in plain words.
    public var message: String
    /// UTF-8 offset in the query of the problem.
    public var offset: Int

    public init(_ message: String, at offset: Int) {
        self.message = message
        self.offset = offset
    }

    public var description: String { message }

    /// The message followed by the query and a caret under the problem.
    public func annotated(_ query: String) -> String {
        // A blank query has no place worth pointing at.
        if query.allSatisfy(\.isWhitespace) { return message }
        let bytes = Array(query.utf8)
        let before = String(decoding: bytes[..<min(max(offset, 0), bytes.count)], as: UTF8.self)
        let oneLine = query.map { $0.isNewline || $0 == "\t" ? " " : $0 }
        return "\(message)\n  \(String(oneLine))\n  \(String(repeating: " ", count: before.count))^"
    }
}
