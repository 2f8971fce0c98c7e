/// An ingested article: its metadata, its main-text blocks and their sentences,
/// each carrying its exact position in the original file.
public struct Document: Sendable, Hashable, Codable {
    /// The input format the article was read as.
    public enum Format: String, Sendable, Hashable, Codable {
        case markdown, html, text
    }

    /// The article's path relative to the content folder's parent (e.g. `content/articles/x.md`).
    public var source: String
    public var format: Format
    public var metadata: SourceMetadata
    public var blocks: [Block]
    public var sentences: [Sentence]
    /// Blocks left out of the text: repeats of an earlier block, and boilerplate.
    public var excluded: [ExcludedBlock]
    /// Size of the original file in bytes.
    public var byteCount: Int
    /// FNV-1a hash of the file's bytes, hex, used as the cache key.
    public var contentHash: String

    public init(source: String, format: Format, metadata: SourceMetadata, blocks: [Block], sentences: [Sentence],
                excluded: [ExcludedBlock], byteCount: Int, contentHash: String) {
        self.source = source
        self.format = format
        self.metadata = metadata
        self.blocks = blocks
        self.sentences = sentences
        self.excluded = excluded
        self.byteCount = byteCount
        self.contentHash = contentHash
    }

    /// The heading path of a sentence.
    public func headingPath(of sentence: Sentence) -> [String] {
        let block = blocks[sentence.block]
        return block.kind == .heading ? block.headingPath + [block.text] : block.headingPath
    }
}

/// A block that was read but left out of the article's sentences, and why.
public struct ExcludedBlock: Sendable, Hashable, Codable {
    public enum Reason: String, Sendable, Hashable, Codable {
        /// The same text appeared earlier in the same source.
        case duplicate
        /// Site furniture: copyright, sign-up prompts, share bars, "leave a comment", …
        case boilerplate
        /// A long run of words that is not prose (a keyword dump, a pasted word list).
        case notProse = "not-prose"
    }

    public var reason: Reason
    public var text: String
    public var range: SourceRange
    /// For duplicates: the line of the first occurrence.
    public var firstLine: Int?

    public init(reason: Reason, text: String, range: SourceRange, firstLine: Int? = nil) {
        self.reason = reason
        self.text = text
        self.range = range
        self.firstLine = firstLine
    }
}
