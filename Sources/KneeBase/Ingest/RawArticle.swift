/// What a reader hands on: metadata and the article's blocks in document order,
/// before cleaning and sentence segmentation.
struct RawArticle: Sendable {
    var format: Document.Format
    var metadata: SourceMetadata
    var blocks: [RawBlock]
}

/// A block as read, its text mapped back to the original bytes.
struct RawBlock: Sendable {
    var kind: Block.Kind
    var level: Int
    var text: MappedText
}

/// A file handed to a reader: where it lives, how to name it, and its bytes.
struct SourceFile: Sendable {
    /// The path printed in diagnostics and stored as the document's `source`.
    var displayPath: String
    var bytes: [UInt8]
    var lines: LineIndex

    init(displayPath: String, bytes: [UInt8]) {
        self.displayPath = displayPath
        self.bytes = bytes
        self.lines = LineIndex(bytes)
    }

    /// The file, folding its bytes into the FNV-1a hash `fnv` while they are indexed.
    init(displayPath: String, bytes: [UInt8], fnv: inout UInt64) {
        self.displayPath = displayPath
        self.bytes = bytes
        self.lines = LineIndex(bytes, fnv: &fnv)
    }
}

/// Reads one input format into blocks.
protocol ArticleReader: Sendable {
    func read(_ file: SourceFile, diagnostics: inout [Diagnostic]) -> RawArticle
}
