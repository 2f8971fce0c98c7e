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

    /// Whether the element's `rel`, `itemprop` or `class` marks an author. Runs on every
    /// element until a byline is found: a value that holds none of the marks' letters
    /// ("author", "byline", "signature", in any case) is passed over without making a String.
    private static func marksAuthor(_ attributes: HTMLAttributes) -> Bool {
        var marked = false
        attributes.forEach { a in
            guard !marked else { return }
            let relation = a.isNamed("rel") || a.isNamed("itemprop")
            guard relation || a.isNamed("class"), mayMark(a.bytes) else { return }
            let value = a.string.lowercased()
            if relation {
                marked = value.split(separator: " ").contains("author")
            } else {
                marked = value.split(whereSeparator: \.isWhitespace).contains { classWords.contains(String($0)) }
            }
        }
        return marked
    }

    private static let marks = ["author", "byline", "signature"].map { Array($0.utf8) }

    /// Whether the bytes, ASCII letters folded to small, contain one of `marks`.
    private static func mayMark(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = bytes.count
        guard n >= 6 else { return false }
        return marks.contains { mark in
            let m = mark.count
            guard n >= m else { return false }
            for start in 0...(n - m) {
                var k = 0
                while k < m, (bytes[start + k] &- 65 < 26 ? bytes[start + k] | 0x20 : bytes[start + k]) == mark[k] { k += 1 }
                if k == m { return true }
            }
            return false
        }
    }
}
