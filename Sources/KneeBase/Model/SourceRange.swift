/// A span of the original input file: 1-based line and column (in Unicode scalars)
/// of its first character and just past its last (`endColumn` is exclusive), and the
/// 0-based UTF-8 byte range `start..<end`.
public struct SourceRange: Sendable, Hashable, Codable {
    public var line: Int
    public var column: Int
    public var endLine: Int
    public var endColumn: Int
    public var start: Int
    public var end: Int

    public init(line: Int, column: Int, endLine: Int, endColumn: Int, start: Int, end: Int) {
        self.line = line
        self.column = column
        self.endLine = endLine
        self.endColumn = endColumn
        self.start = start
        self.end = end
    }

    /// A range covering a whole line, used when only the line is known.
    public static func line(_ line: Int) -> SourceRange {
        SourceRange(line: line, column: 1, endLine: line, endColumn: 1, start: 0, end: 0)
    }
}
