import Glibc
import Yams

/// Front matter at the top of a Markdown article: YAML between `---` lines or TOML
/// between `+++` lines.
struct FrontMatter {
    /// Where the front matter sits in the file, delimiters included (`0..<0` when absent).
    var range: Range<Int>
    var metadata: SourceMetadata

    /// Reads the front matter of `bytes`, if any; problems become diagnostics.
    static func read(_ bytes: [UInt8], file: String, lines: LineIndex, diagnostics: inout [Diagnostic]) -> FrontMatter {
        let none = FrontMatter(range: 0..<0, metadata: SourceMetadata())
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let firstLine = lineEnd(bytes, from: start)
        let delimiter: UInt8
        switch lineMark(bytes, start, firstLine.end) {
        case UInt8(ascii: "-"): delimiter = UInt8(ascii: "-")
        case UInt8(ascii: "+"): delimiter = UInt8(ascii: "+")
        default:
            return missingOpening(bytes, from: start, file: file, lines: lines, diagnostics: &diagnostics) ?? none
        }
        let bodyStart = firstLine.next
        var cursor = bodyStart
        while cursor < bytes.count {
            let line = lineEnd(bytes, from: cursor)
            let mark = lineMark(bytes, cursor, line.end)
            if mark == delimiter || (delimiter == UInt8(ascii: "-") && mark == UInt8(ascii: ".")) {
                let body = String(decoding: bytes[bodyStart..<cursor], as: UTF8.self)
                let metadata = parse(body, toml: delimiter == UInt8(ascii: "+"), file: file, firstLine: lines.line(of: bodyStart), diagnostics: &diagnostics)
                return FrontMatter(range: 0..<line.next, metadata: metadata)
            }
            cursor = line.next
        }
        let delimiter3 = delimiter == UInt8(ascii: "+") ? "+++" : "---"
        diagnostics.append(Diagnostic(id: "ingest.front-matter.unterminated", severity: .error, file: file, line: 1, column: 1,
                                      message: "front matter opened with '\(delimiter3)' is never closed; the whole file is read as text"))
        return none
    }

    /// Front matter whose opening `---` is missing: `key: value` lines up to a `---` line.
    private static func missingOpening(_ bytes: [UInt8], from start: Int, file: String, lines: LineIndex,
                                       diagnostics: inout [Diagnostic]) -> FrontMatter? {
        var cursor = start
        var sawKey = false
        for _ in 0..<40 {
            guard cursor < bytes.count else { return nil }
            let line = lineText(bytes, from: cursor)
            let t = line.text.trimmingTrailingSpaces
            if t == "---" {
                guard sawKey else { return nil }
                diagnostics.append(Diagnostic(id: "ingest.front-matter.missing-opening", severity: .warning, file: file, line: 1, column: 1,
                                              message: "front matter has a closing '---' on line \(lines.line(of: cursor)) but no opening '---'; read it as front matter"))
                let body = String(decoding: bytes[start..<cursor], as: UTF8.self)
                let metadata = parse(body, toml: false, file: file, firstLine: 1, diagnostics: &diagnostics)
                return FrontMatter(range: 0..<line.next, metadata: metadata)
            }
            if t.isEmpty { return nil }
            guard isKeyLine(t) || (sawKey && t.first == " ") else { return nil }
            sawKey = true
            cursor = line.next
        }
        return nil
    }

    private static func isKeyLine(_ line: String) -> Bool {
        guard let colon = line.firstIndex(of: ":") else { return false }
        let key = line[..<colon]
        return !key.isEmpty && key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
    }

    private static func parse(_ body: String, toml: Bool, file: String, firstLine: Int, diagnostics: inout [Diagnostic]) -> SourceMetadata {
        var fields: [String: String] = [:]
        var text = body
        if toml {
            fields = TOMLFields.parse(body, file: file, firstLine: firstLine, diagnostics: &diagnostics)
        } else if let simple = text.withUTF8(SimpleYAML.fields) {
            fields.reserveCapacity(simple.count)
            for (key, value) in simple { fields[key.lowercased()] = value }
        } else {
            fields = yamlFields(body, file: file, firstLine: firstLine, diagnostics: &diagnostics)
        }
        let metadata = metadata(from: fields)
        checkValues(metadata, body: body, file: file, firstLine: firstLine, diagnostics: &diagnostics)
        return metadata
    }

    /// Warns about a date with no year in it ("date: soon") and a language that is no
    /// language tag ("language: 42"); both are kept as written.
    static func checkValues(_ m: SourceMetadata, body: String, file: String, firstLine: Int, diagnostics: inout [Diagnostic]) {
        if let date = m.date, !hasYear(date) {
            diagnostics.append(Diagnostic(id: "ingest.front-matter.not-a-date", severity: .warning, file: file,
                                          line: line(ofKey: ["date", "published"], in: body, firstLine: firstLine), column: 1,
                                          message: "the date “\(date.prefix(60))” has no year (write it as 2024-05-14); kept as written"))
        }
        if let language = m.language, !isLanguageTag(language) {
            diagnostics.append(Diagnostic(id: "ingest.front-matter.not-a-language", severity: .warning, file: file,
                                          line: line(ofKey: ["language", "lang"], in: body, firstLine: firstLine), column: 1,
                                          message: "the language “\(language.prefix(60))” is not a language tag such as en or en-GB; kept as written"))
        }
    }

    /// Whether `text` holds a year from 1800 to 2199 as four digits of their own.
    static func hasYear(_ text: String) -> Bool {
        let b = Array(text.utf8)
        var i = 0
        while i < b.count {
            guard b[i] >= 0x30 && b[i] <= 0x39 else { i += 1; continue }
            var j = i
            while j < b.count && b[j] >= 0x30 && b[j] <= 0x39 { j += 1 }
            if j - i == 4, (b[i] == 0x31 && b[i + 1] >= 0x38) || (b[i] == 0x32 && b[i + 1] <= 0x31) { return true }
            i = j
        }
        return false
    }

    /// Whether `text` reads as a language tag: two or three letters, then subtags of two to
    /// eight letters or digits after '-' or '_' ("en", "en-GB", "zh_Hant").
    static func isLanguageTag(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).flatMap { $0.split(separator: "_", omittingEmptySubsequences: false) }
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { (2...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    /// The line of the first of `keys` that starts a line of `body` (`key:` or `key =`), else the first line.
    static func line(ofKey keys: [String], in body: String, firstLine: Int) -> Int {
        for (n, text) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lowered = text.lowercased()
            for key in keys where lowered.hasPrefix(key) {
                let rest = lowered.dropFirst(key.count).drop { $0 == " " || $0 == "\t" }
                if rest.first == ":" || rest.first == "=" { return firstLine + n }
            }
        }
        return firstLine
    }

    /// The fields of YAML front matter as Yams reads them: scalar values as text, lists of
    /// scalars joined by ", ", keys lower-cased.
    static func yamlFields(_ body: String, file: String, firstLine: Int, diagnostics: inout [Diagnostic]) -> [String: String] {
        var fields: [String: String] = [:]
        do {
            let node = try compose(body)
            if let mapping = node?.mapping {
                for (key, value) in mapping {
                    guard let k = key.string else { continue }
                    if let s = value.scalar?.string { fields[k.lowercased()] = s }
                    else if let seq = value.sequence {
                        let joined = seq.compactMap { $0.scalar?.string }.joined(separator: ", ")
                        fields[k.lowercased()] = joined
                        if singleValuedKeys.contains(k.lowercased()) {
                            diagnostics.append(Diagnostic(id: "ingest.front-matter.not-one-value", severity: .warning, file: file,
                                                          line: firstLine + max(0, (key.mark?.line ?? 1) - 1), column: 1,
                                                          message: "'\(k)' holds a list where one value is expected; "
                                                              + (joined.isEmpty ? "ignored" : "read as “\(joined.prefix(60))”")))
                        }
                    }
                    else if knownKeys.contains(k.lowercased()) {
                        diagnostics.append(Diagnostic(id: "ingest.front-matter.not-text", severity: .warning, file: file,
                                                      line: firstLine + max(0, (key.mark?.line ?? 1) - 1), column: 1,
                                                      message: "'\(k)' holds a mapping, not text; ignored"))
                    }
                }
            } else if node != nil {
                diagnostics.append(Diagnostic(id: "ingest.front-matter.not-a-mapping", severity: .warning, file: file, line: firstLine, column: 1,
                                              message: "front matter is not a list of 'key: value' fields; ignored"))
            }
        } catch let error as YamlError {
            let (line, column, reason) = error.position
            diagnostics.append(Diagnostic(id: "ingest.front-matter.invalid-yaml", severity: .error, file: file,
                                          line: firstLine + max(0, line - 1), column: max(1, column),
                                          message: "front matter is not valid YAML (\(reason)); its fields are ignored, the article is still read"))
        } catch {
            diagnostics.append(Diagnostic(id: "ingest.front-matter.invalid-yaml", severity: .error, file: file, line: firstLine, column: 1,
                                          message: "front matter could not be read: \(error)"))
        }
        return fields
    }

    /// Whether Yams reads strings as UTF-16 (its `YAMS_DEFAULT_ENCODING` setting). Its
    /// default encoding looks at the whole process environment each time it is asked,
    /// which costs more than parsing a front matter: ask once.
    private static let yamlUTF16 = Parser.Encoding.default == .utf16

    /// The YAML node of `body`, as `Yams.compose(yaml:)` gives it.
    ///
    /// Yams's default resolver types every plain scalar with regular expressions, and only
    /// its duplicate-key check looks at the types (two keys are the same when text and
    /// type are); the fields are read as text. So the basic resolver, which types nothing,
    /// goes first, and its node stands when no mapping has two scalar keys of the same
    /// text: then neither resolver finds a duplicate and the nodes read the same.
    private static func compose(_ body: String) throws -> Node? {
        let encoding: Parser.Encoding = yamlUTF16 ? .utf16 : .utf8
        var budget = maxCheckedNodes
        if let node = try? Yams.compose(yaml: body, .basic, .default, encoding), keysAreDistinct(node, budget: &budget) { return node }
        return try Yams.compose(yaml: body, .default, .default, encoding)
    }

    /// Most nodes `keysAreDistinct` looks at before giving up (and leaving the front
    /// matter to the default resolver). Nodes reused through YAML anchors are visited
    /// once per use, so ten levels of nine aliases each (a "billion laughs") would be
    /// billions of visits; a real front matter has a few dozen nodes.
    static let maxCheckedNodes = 10_000

    /// Whether every mapping in `node` has scalar keys of distinct texts (and there are
    /// no aliases), looking at `budget` nodes at most (false past that).
    private static func keysAreDistinct(_ node: Node, budget: inout Int) -> Bool {
        budget -= 1
        guard budget >= 0 else { return false }
        switch node {
        case .scalar: return true
        case .alias: return false
        case .sequence(let items):
            for item in items where !keysAreDistinct(item, budget: &budget) { return false }
            return true
        case .mapping(let mapping):
            var texts = Set<String>()
            for (key, value) in mapping {
                guard case .scalar(let k) = key, texts.insert(k.string).inserted, keysAreDistinct(value, budget: &budget) else { return false }
            }
            return true
        }
    }

    /// The keys `metadata(from:)` reads.
    static let knownKeys: Set<String> = ["title", "author", "authors", "publisher", "site", "source", "date", "published", "url", "link",
                                         "canonical", "language", "lang", "kind", "type"]

    /// Known keys that take one value (a list of authors is expected, a list of titles is not).
    static let singleValuedKeys: Set<String> = ["title", "date", "published", "url", "link", "canonical", "language", "lang", "kind", "type"]

    static func metadata(from fields: [String: String]) -> SourceMetadata {
        var extra = fields
        // Up to three keys, tried in order (not variadic: no array made per field).
        func take(_ a: String, _ b: String? = nil, _ c: String? = nil) -> String? {
            if let v = extra.removeValue(forKey: a), !v.isEmpty { return v }
            if let b, let v = extra.removeValue(forKey: b), !v.isEmpty { return v }
            if let c, let v = extra.removeValue(forKey: c), !v.isEmpty { return v }
            return nil
        }
        return SourceMetadata(title: take("title"), author: take("author", "authors"), publisher: take("publisher", "site", "source"),
                              date: take("date", "published"), url: take("url", "link", "canonical"),
                              language: take("language", "lang"), kind: take("kind", "type"), extra: extra)
    }

    /// Where the line starting at `from` ends (its newline, or the end) and the offset of the next line.
    static func lineEnd(_ bytes: [UInt8], from: Int) -> (end: Int, next: Int) {
        let end = bytes.withUnsafeBufferPointer { b -> Int in
            guard from < b.count, let base = b.baseAddress, let lf = memchr(base + from, 0x0A, b.count - from) else { return max(from, b.count) }
            return UnsafeRawPointer(lf) - UnsafeRawPointer(base)
        }
        return (end, min(bytes.count, end + 1))
    }

    /// The byte `c` when the line `bytes[start..<end]` is `ccc` with nothing after it but
    /// spaces, tabs and carriage returns (what `trimmingTrailingSpaces == "ccc"` says:
    /// none of these characters has another canonically equivalent form), else nil.
    static func lineMark(_ bytes: [UInt8], _ start: Int, _ end: Int) -> UInt8? {
        var e = end
        while e > start, bytes[e - 1] == 0x20 || bytes[e - 1] == 0x09 || bytes[e - 1] == 0x0D { e -= 1 }
        guard e - start == 3, bytes[start] == bytes[start + 1], bytes[start] == bytes[start + 2] else { return nil }
        return bytes[start]
    }

    /// The text of the line starting at `from` (without its newline) and the offset of the next line.
    static func lineText(_ bytes: [UInt8], from: Int) -> (text: String, next: Int) {
        var end = from
        while end < bytes.count && bytes[end] != 0x0A { end += 1 }
        return (String(decoding: bytes[from..<end], as: UTF8.self), min(bytes.count, end + 1))
    }
}

extension YamlError {
    /// Where the YAML went wrong and why, in one line: the start of the construct that was
    /// left open (an unclosed quote or bracket) rather than the end of the text where the
    /// parser gave up, when the parser names it.
    var position: (line: Int, column: Int, reason: String) {
        func place(_ context: Context?, _ problem: String, _ mark: Mark) -> (Int, Int, String) {
            let reason = problem.split(whereSeparator: \.isNewline).joined(separator: " ")
            guard let context else { return (mark.line, mark.column, reason) }
            return (context.mark.line, context.mark.column, "\(context.text): \(reason)")
        }
        switch self {
        case let .scanner(context, problem, mark, _): return place(context, problem, mark)
        case let .parser(context, problem, mark, _): return place(context, problem, mark)
        case let .composer(context, problem, mark, _): return place(context, problem, mark)
        default: return (1, 1, "\(self)".split(whereSeparator: \.isNewline).joined(separator: " "))
        }
    }
}

extension String {
    /// The string without trailing spaces, tabs and carriage returns.
    var trimmingTrailingSpaces: String {
        var s = Substring(self)
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s = s.dropLast() }
        return String(s)
    }
}
