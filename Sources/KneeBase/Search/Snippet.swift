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

/// Builds snippets: finds the words of the text as the extraction tokenizer does,
/// marks the words whose stem the query searched for and the runs of words that spell
/// a matched phrase or alias, and cuts a window around the first mark.
struct SnippetBuilder {
    let tokenizer: Tokenizer
    /// Stems to mark wherever they occur.
    let stems: Set<String>
    /// Stem sequences (phrases, aliases of matched entities) to mark as a whole.
    let sequences: [[String]]

    /// The snippet of `text`, at most about `maxLength` UTF-8 bytes long. `indexed` is
    /// the text's stems as the index holds them (saves stemming); when it does not line
    /// up with the text's words, the text is tokenized again.
    func snippet(_ text: String, indexed: String? = nil, maxLength: Int = 240) -> Snippet {
        let bytes = Array(text.utf8)
        var spans = TokenSpans.scan(bytes)
        var words: [Substring] = indexed.map(SpaceSeparated.words) ?? []
        if words.count != spans.count {
            let tokens = tokenizer.tokens(text)
            spans = tokens.map { $0.start..<$0.end }
            words = tokens.map { Substring($0.stem) }
        }
        var marked = [Bool](repeating: false, count: spans.count)
        for (i, w) in words.enumerated() where stems.contains(String(w)) { marked[i] = true }
        for seq in sequences where !seq.isEmpty && seq.count <= words.count {
            for start in 0...(words.count - seq.count) where words[start] == seq[0] {
                if (1..<seq.count).allSatisfy({ words[start + $0] == seq[$0] }) {
                    for k in start..<(start + seq.count) { marked[k] = true }
                }
            }
        }
        var from = 0
        var to = bytes.count
        if bytes.count > maxLength {
            let first = marked.firstIndex(of: true).map { spans[$0].lowerBound } ?? 0
            // Start at a word some way before the first mark, end at one near maxLength.
            if first > maxLength / 3, let s = spans.last(where: { $0.lowerBound <= first - maxLength / 4 })?.lowerBound { from = s }
            let limit = from + maxLength
            to = spans.last(where: { $0.upperBound <= limit })?.upperBound ?? min(limit, bytes.count)
            if to <= from { to = min(from + maxLength, bytes.count) }
        }
        var parts: [Snippet.Part] = []
        if from > 0 { parts.append(Snippet.Part("…")) }
        var cursor = from
        var i = 0
        while i < spans.count {
            guard marked[i], spans[i].lowerBound >= from, spans[i].upperBound <= to else { i += 1; continue }
            // Join marked words separated only by spaces, hyphens or apostrophes into one mark.
            var j = i
            while j + 1 < spans.count, marked[j + 1], spans[j + 1].upperBound <= to,
                  bytes[spans[j].upperBound..<spans[j + 1].lowerBound].allSatisfy({ $0 == 0x20 || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "'") }) {
                j += 1
            }
            if spans[i].lowerBound > cursor { parts.append(Snippet.Part(String(decoding: bytes[cursor..<spans[i].lowerBound], as: UTF8.self))) }
            parts.append(Snippet.Part(String(decoding: bytes[spans[i].lowerBound..<spans[j].upperBound], as: UTF8.self), highlighted: true))
            cursor = spans[j].upperBound
            i = j + 1
        }
        if to > cursor { parts.append(Snippet.Part(String(decoding: bytes[cursor..<to], as: UTF8.self))) }
        if to < bytes.count { parts.append(Snippet.Part("…")) }
        return Snippet(parts)
    }
}

/// The byte ranges of the words `Tokenizer` finds, without case-folding or stemming
/// them: the same rules (letters and digits, apostrophes inside a word, a trailing
/// apostrophe kept) over the same character classes.
enum TokenSpans {
    static func scan(_ bytes: [UInt8]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var i = 0
        let n = bytes.count
        while i < n {
            if Tokenizer.wordWidth(bytes, i) == 0 { i += Tokenizer.skipWidth(bytes, i); continue }
            let start = i
            var end = i
            while end < n {
                let w = Tokenizer.wordWidth(bytes, end)
                if w > 0 { end += w; continue }
                let a = Tokenizer.apostropheWidth(bytes, end)
                if a > 0, end + a < n, Tokenizer.wordWidth(bytes, end + a) > 0 { end += a; continue }
                if a > 0 { end += a; break }
                break
            }
            out.append(start..<end)
            i = end
        }
        return out
    }
}
