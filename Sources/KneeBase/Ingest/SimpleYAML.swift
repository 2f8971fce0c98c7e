/// Reads the simplest YAML front matter — one `key: value` field per line — without a
/// YAML parser, giving exactly the fields that Yams gives for it.
///
/// It accepts only what it can read beyond doubt: lines that are empty or hold a key of
/// ASCII letters, digits, `_` and `-` (starting with a letter), `: `, and a value that is
/// either double-quoted printable ASCII without `"` or `\`, or plain text of letters,
/// digits, single spaces and `.,/-_'()+` (and `:` inside a word, as in URLs), starting
/// with a letter or digit. Any other body, and one with a key twice, is left to Yams
/// (nil), so whatever it accepts, Yams reads as the same text.
enum SimpleYAML {
    /// Longest key accepted (YAML caps implicit keys at 1,024 characters).
    static let maxKeyBytes = 64

    /// The fields of `body` in document order, keys as written, or nil when the body is
    /// not of the simple form.
    static func fields(_ body: UnsafeBufferPointer<UInt8>) -> [(key: String, value: String)]? {
        var fields: [(key: String, value: String)] = []
        var start = 0
        let n = body.count
        while start < n {
            var end = start
            while end < n && body[end] != 0x0A { end += 1 }
            var lineEnd = end
            if lineEnd > start && body[lineEnd - 1] == 0x0D { lineEnd -= 1 }  // CRLF
            if lineEnd > start {
                guard let field = field(body, start, lineEnd) else { return nil }
                // Two fields with the same key: Yams's duplicate rules decide.
                if fields.contains(where: { $0.key == field.key }) { return nil }
                fields.append(field)
            }
            start = end + 1
        }
        return fields.isEmpty ? nil : fields
    }

    /// The field on the line `body[start..<end]` (no line break in it), or nil.
    private static func field(_ body: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (key: String, value: String)? {
        var i = start
        guard i < end, isLetter(body[i]) else { return nil }
        while i < end && (isLetter(body[i]) || isDigit(body[i]) || body[i] == UInt8(ascii: "_") || body[i] == UInt8(ascii: "-")) { i += 1 }
        let keyEnd = i
        guard keyEnd - start <= maxKeyBytes, i + 1 < end, body[i] == UInt8(ascii: ":"), body[i + 1] == 0x20 else { return nil }
        i += 2
        while i < end && body[i] == 0x20 { i += 1 }
        guard i < end else { return nil }  // an empty value is null, or a nested block
        let value: Range<Int>
        if body[i] == UInt8(ascii: "\"") {
            var j = i + 1
            while j < end && body[j] != UInt8(ascii: "\"") {
                guard body[j] >= 0x20, body[j] < 0x7F, body[j] != UInt8(ascii: "\\") else { return nil }
                j += 1
            }
            guard j < end else { return nil }
            value = (i + 1)..<j
            j += 1
            while j < end && body[j] == 0x20 { j += 1 }
            guard j == end else { return nil }
        } else {
            guard isLetter(body[i]) || isDigit(body[i]) else { return nil }
            var j = i
            while j < end {
                let c = body[j]
                if c == 0x20 {
                    // One space between words; none at the end.
                    guard j + 1 < end, body[j + 1] != 0x20 else { return nil }
                } else if c == UInt8(ascii: ":") {
                    // Inside a word only: `: ` or a final `:` would start a mapping.
                    guard j + 1 < end, body[j + 1] != 0x20, isPlain(body[j + 1]) else { return nil }
                } else if !isPlain(c) {
                    return nil
                }
                j += 1
            }
            value = i..<end
        }
        return (String(decoding: UnsafeBufferPointer(rebasing: body[start..<keyEnd]), as: UTF8.self),
                String(decoding: UnsafeBufferPointer(rebasing: body[value]), as: UTF8.self))
    }

    private static func isLetter(_ c: UInt8) -> Bool { (c >= 65 && c <= 90) || (c >= 97 && c <= 122) }
    private static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }

    /// Bytes of a plain value besides spaces and `:`.
    private static func isPlain(_ c: UInt8) -> Bool {
        isLetter(c) || isDigit(c) || c == UInt8(ascii: ".") || c == UInt8(ascii: ",") || c == UInt8(ascii: "/") || c == UInt8(ascii: "-")
            || c == UInt8(ascii: "_") || c == UInt8(ascii: "'") || c == UInt8(ascii: "(") || c == UInt8(ascii: ")") || c == UInt8(ascii: "+")
    }
}
