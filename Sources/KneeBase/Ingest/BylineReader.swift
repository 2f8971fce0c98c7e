/// Reads who wrote a page from its byline or signature when its `<meta>` tags do not say:
/// the text of an element marked `rel="author"` or `itemprop="author"`, or whose class names
/// an author, byline or signature (`author-name`, `byline`, `signature-name`). The innermost
/// such element counts ("Jonathan Sun BPE" rather than the whole signature block with the
/// title under it); a text too long to be a name (an author box's biography) is no byline.
struct BylineReader {
    /// Longest byline read, in characters and in words.
    static let maxCharacters = 80
    static let maxWords = 8

    /// Stack depth of the element being read, nil when none is.
    private var depth: Int? = nil
    private var text: [UInt8] = []
    /// The byline, once one was read.
    private(set) var byline: String? = nil

    /// An element opens at `depth` (the collector's stack count before it is pushed).
    mutating func start(_ attributes: HTMLAttributes, depth: Int) {
        guard byline == nil, Self.marksAuthor(attributes) else { return }
        self.depth = depth
        text.removeAll(keepingCapacity: true)
    }

    /// Text inside the open elements.
    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        if depth != nil { text.append(contentsOf: bytes) }
    }

    /// The collector's stack shrank to `depth` elements.
    mutating func end(depth now: Int) {
        guard let open = depth, now <= open else { return }
        depth = nil
        if let name = Self.name(text) { byline = name }
    }

    /// A byline's text as a name: spaces collapsed, a leading "By" or "Written by" dropped;
    /// nil when empty or too long.
    static func name(_ bytes: [UInt8]) -> String? {
        var words = String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isWhitespace).map(String.init)
        if let first = words.first?.lowercased(), first == "by" { words.removeFirst() }
        if words.count >= 2, words[0].lowercased() == "written", words[1].lowercased() == "by" { words.removeFirst(2) }
        let joined = words.joined(separator: " ")
        guard !words.isEmpty, words.count <= maxWords, joined.count <= maxCharacters else { return nil }
        return joined
    }

    private static let classWords: Set<String> = ["author", "author-name", "authorname", "byline", "byline-name", "signature", "signature-name"]

    private static func marksAuthor(_ attributes: HTMLAttributes) -> Bool {
        var marked = false
        attributes.forEach { a in
            if a.isNamed("rel") || a.isNamed("itemprop") {
                if a.string.lowercased().split(separator: " ").contains("author") { marked = true }
            } else if a.isNamed("class") {
                if a.string.lowercased().split(whereSeparator: \.isWhitespace).contains(where: { classWords.contains(String($0)) }) { marked = true }
            }
        }
        return marked
    }
}
