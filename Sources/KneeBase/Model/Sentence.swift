/// One sentence of a block, with its exact position in the original file.
public struct Sentence: Sendable, Hashable, Codable {
    /// The sentence as it reads in the source (inner whitespace collapsed, markup removed).
    public var text: String
    public var range: SourceRange
    /// Index of the block this sentence belongs to in `Document.blocks`.
    public var block: Int

    public init(text: String, range: SourceRange, block: Int) {
        self.text = text
        self.range = range
        self.block = block
    }
}
