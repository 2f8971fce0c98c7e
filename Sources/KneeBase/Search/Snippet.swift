/// A short excerpt with the matched words marked.
public struct Snippet: Sendable, Hashable {
    /// A run of text, highlighted or not.
    public struct Part: Sendable, Hashable {
        public var text: String
        public var highlighted: Bool

        public init(_ text: String, highlighted: Bool = false) {
            self.text = text
            self.highlighted = highlighted
        }
    }

    public var parts: [Part]

    public init(_ parts: [Part]) { self.parts = parts }

    /// The text without marks.
    public var plain: String { parts.map(\.text).joined() }

    /// The text with highlighted parts between `open` and `close`, e.g. `**`…`**`.
    public func marked(_ open: String, _ close: String) -> String {
        parts.map { $0.highlighted ? open + $0.text + close : $0.text }.joined()
    }

    /// Whether any part is highlighted.
    public var hasHighlights: Bool { parts.contains(where: \.highlighted) }
}

/// Builds snippets: tokenizes the text with the extraction tokenizer, marks the words
/// whose stem the query searched for and the runs of tokens that spell a matched
/// phrase or alias, and cuts a window around the first mark.
struct SnippetBuilder {
    let tokenizer: Tokenizer
    /// Stems to mark wherever they occur.
    let stems: Set<String>
    /// Stem sequences (phrases, aliases of matched entities) to mark as a whole.
    let sequences: [[String]]

    /// The snippet of `text`, at most about `maxLength` UTF-8 bytes long.
    func snippet(_ text: String, maxLength: Int = 240) -> Snippet {
        let tokens = tokenizer.tokens(text)
        var marked = [Bool](repeating: false, count: tokens.count)
        for (i, t) in tokens.enumerated() where stems.contains(t.stem) { marked[i] = true }
        for seq in sequences where !seq.isEmpty && seq.count <= tokens.count {
            for start in 0...(tokens.count - seq.count) where tokens[start].stem == seq[0] {
                if (1..<seq.count).allSatisfy({ tokens[start + $0].stem == seq[$0] }) {
                    for k in start..<(start + seq.count) { marked[k] = true }
                }
            }
        }
        let bytes = Array(text.utf8)
        var from = 0
        var to = bytes.count
        if bytes.count > maxLength {
            let first = marked.firstIndex(of: true).map { tokens[$0].start } ?? 0
            // Start at a token boundary some way before the first mark, end at one near maxLength.
            if first > maxLength / 3, let s = tokens.last(where: { $0.start <= first - maxLength / 4 })?.start { from = s }
            let limit = from + maxLength
            to = tokens.last(where: { $0.end <= limit })?.end ?? min(limit, bytes.count)
            if to <= from { to = min(from + maxLength, bytes.count) }
        }
        var parts: [Snippet.Part] = []
        if from > 0 { parts.append(Snippet.Part("…")) }
        var cursor = from
        var i = 0
        while i < tokens.count {
            guard marked[i], tokens[i].start >= from, tokens[i].end <= to else { i += 1; continue }
            // Join marked tokens separated only by spaces, hyphens or apostrophes into one mark.
            var j = i
            while j + 1 < tokens.count, marked[j + 1], tokens[j + 1].end <= to,
                  bytes[tokens[j].end..<tokens[j + 1].start].allSatisfy({ $0 == 0x20 || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "'") }) {
                j += 1
            }
            if tokens[i].start > cursor { parts.append(Snippet.Part(String(decoding: bytes[cursor..<tokens[i].start], as: UTF8.self))) }
            parts.append(Snippet.Part(String(decoding: bytes[tokens[i].start..<tokens[j].end], as: UTF8.self), highlighted: true))
            cursor = tokens[j].end
            i = j + 1
        }
        if to > cursor { parts.append(Snippet.Part(String(decoding: bytes[cursor..<to], as: UTF8.self))) }
        if to < bytes.count { parts.append(Snippet.Part("…")) }
        return Snippet(parts)
    }
}
