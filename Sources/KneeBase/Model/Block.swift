/// One block of an article's main text, with its position in the original file.
public struct Block: Sendable, Hashable, Codable {
    /// What kind of block this is.
    public enum Kind: String, Sendable, Hashable, Codable {
        case heading, paragraph, listItem = "list-item", tableCell = "table-cell", quote
    }

    public var kind: Kind
    /// Heading level (1-6) for headings, 0 otherwise.
    public var level: Int
    /// The cleaned text: markup removed, entities decoded, inner whitespace collapsed.
    public var text: String
    public var range: SourceRange
    /// The headings this block sits under, outermost first (a heading excludes itself).
    public var headingPath: [String]

    public init(kind: Kind, level: Int = 0, text: String, range: SourceRange, headingPath: [String]) {
        self.kind = kind
        self.level = level
        self.text = text
        self.range = range
        self.headingPath = headingPath
    }
}
