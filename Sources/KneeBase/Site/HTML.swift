/// HTML text building: every piece of content goes through `escape`, so text from
/// articles, front matter or the lexicon can never become markup.
enum HTML {
    /// Escapes `&`, `<`, `>`, `"` and `'` for use in text and quoted attribute values.
    static func escape(_ s: String) -> String {
        var needs = false
        for b in s.utf8 where b == 0x26 || b == 0x3C || b == 0x3E || b == 0x22 || b == 0x27 { needs = true; break }
        guard needs else { return s }
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 16)
        append(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `s` escaped to a byte buffer.
    static func append(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { append(bytes: $0, to: &out) }
    }

    /// Appends UTF-8 `bytes` escaped to a byte buffer.
    static func append(bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var run = 0
        for (i, b) in bytes.enumerated() {
            let replacement: StaticString
            switch b {
            case 0x26: replacement = "&amp;"
            case 0x3C: replacement = "&lt;"
            case 0x3E: replacement = "&gt;"
            case 0x22: replacement = "&quot;"
            case 0x27: replacement = "&#39;"
            default: continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
            out.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
            run = i + 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
    }

    /// A URL from content that may be shown as a link: `http:` or `https:` only, no
    /// white space or control characters; anything else (`javascript:`, `data:`, …) is nil.
    static func safeExternalURL(_ raw: String?) -> String? {
        guard let raw else { return nil }
        let url = raw.trimmingASCIIWhitespace()
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return nil }
        guard url.utf8.count <= 2048, !url.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F }) else { return nil }
        return url
    }
}

/// Appends markup and escaped text to a UTF-8 buffer: the one way pages build HTML in code.
struct HTMLWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

    /// Appends trusted markup written in this module (tags, attribute names).
    mutating func raw(_ s: String) { bytes.append(contentsOf: s.utf8) }

    /// Appends text, escaped.
    mutating func text(_ s: String) { HTML.append(s, to: &bytes) }

    /// Appends `text[range]` escaped: bytes of a UTF-8 string cut at character boundaries
    /// are copied as they are, any other cut is decoded first (bad bytes become U+FFFD).
    mutating func text(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        func isBoundary(_ i: Int) -> Bool { i == text.count || text[i] & 0xC0 != 0x80 }
        let slice = UnsafeBufferPointer(rebasing: text[range])
        if range.isEmpty || (isBoundary(range.lowerBound) && isBoundary(range.upperBound)) {
            HTML.append(bytes: slice, to: &bytes)
        } else {
            self.text(String(decoding: slice, as: UTF8.self))
        }
    }

    /// Appends a non-negative integer in decimal.
    mutating func int(_ n: Int) {
        guard n >= 10 else { bytes.append(0x30 + UInt8(truncatingIfNeeded: max(0, n))); return }
        int(n / 10)
        bytes.append(0x30 + UInt8(truncatingIfNeeded: n % 10))
    }

    /// Appends a link: `<a href="…" class="…">text</a>`, both href and text escaped.
    mutating func link(_ href: String, _ label: String, class cls: String? = nil) {
        raw("<a href=\"")
        text(href)
        if let cls { raw("\" class=\""); text(cls) }
        raw("\">")
        text(label)
        raw("</a>")
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}

extension String {
    func trimmingASCIIWhitespace() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\n" || f == "\t" || f == "\r" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\n" || l == "\t" || l == "\r" { s = s.dropLast() }
        return String(s)
    }
}
