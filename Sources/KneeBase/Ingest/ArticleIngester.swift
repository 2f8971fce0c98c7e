import Foundation

/// Reads one article file into a `Document`, whatever its state: problems become
/// diagnostics naming the file, never crashes.
public struct ArticleIngester: Sendable {
    /// Largest article read, in bytes; bigger files are skipped with an error.
    public var maxArticleBytes = 64 << 20
    /// Most bytes of a Markdown or plain-text article handed to its reader (8 MB, four
    /// times `DocumentAssembler.maxTextBytes`, leaving room for markup). A longer file is
    /// read up to the last blank line before this, and the warning `ingest.article.too-long`
    /// says where reading stopped and how much was left. HTML pages, whose scripts, styles
    /// and inline images can dwarf their text, are read whole (up to `maxArticleBytes`).
    public static let maxTextInputBytes = 8 << 20
    /// Whether documents carry their content hash (`Document.contentHash`, which the
    /// outputs store). `kneebase check`, which keeps no document, leaves it empty and
    /// saves the hash's pass, one multiplication per byte.
    public var hashesContent = true
    var assembler = DocumentAssembler()

    public init() {}

    /// Formats by file extension.
    static let formats: [String: Document.Format] = [
        "md": .markdown, "markdown": .markdown, "mdown": .markdown, "mkd": .markdown,
        "html": .html, "htm": .html, "xhtml": .html, "txt": .text, "text": .text,
    ]

    /// Reads the file at `url`, naming it `displayPath` in the document and diagnostics.
    public func ingest(url: URL, displayPath: String, diagnostics: inout [Diagnostic]) -> Document? {
        ingest(path: url.path, displayPath: displayPath, diagnostics: &diagnostics)
    }

    /// Reads the file at `path`, naming it `displayPath` in the document and diagnostics.
    func ingest(path: String, displayPath: String, diagnostics: inout [Diagnostic]) -> Document? {
        guard let format = Self.format(ofPath: path) else {
            let pathExtension = URL(fileURLWithPath: path).pathExtension
            let kind = pathExtension.isEmpty ? "a file without an extension" : "unknown file type '.\(pathExtension)'"
            diagnostics.append(Diagnostic(id: "ingest.unknown-extension", severity: .warning, file: displayPath,
                                          message: "\(kind); expected .md, .html or .txt — skipped"))
            return nil
        }
        let raw: [UInt8]
        do {
            raw = try FileReader.read(path: path, limit: maxArticleBytes)
        } catch let error as FileReader.Failure {
            diagnostics.append(Diagnostic(id: error.id, severity: .error, file: displayPath, message: error.message))
            return nil
        } catch {
            diagnostics.append(Diagnostic(id: "ingest.unreadable", severity: .error, file: displayPath, message: "cannot read file: \(error)"))
            return nil
        }
        return ingest(bytes: raw, format: format, displayPath: displayPath, diagnostics: &diagnostics)
    }

    /// The format of the file at `path` by its extension (as `URL.pathExtension` reads
    /// it, in any case), nil when unknown. Read on the path's bytes: ASCII extensions are
    /// all `formats` has.
    static func format(ofPath path: String) -> Document.Format? {
        let u = path.utf8
        guard let dot = u.lastIndex(of: UInt8(ascii: ".")) else { return nil }
        let name = u[..<dot]
        // The dot must be in the last component, after its first character.
        guard let before = name.last, before != UInt8(ascii: "/") else { return nil }
        let ext = u[u.index(after: dot)...]
        guard !ext.isEmpty, ext.count <= 8, !ext.contains(UInt8(ascii: "/")) else { return nil }
        guard ext.allSatisfy({ $0 < 0x80 }) else { return formats[URL(fileURLWithPath: path).pathExtension.lowercased()] }
        return formats[String(decoding: ext.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)]
    }

    /// Reads article bytes of a known format.
    public func ingest(bytes raw: [UInt8], format: Document.Format, displayPath: String, diagnostics: inout [Diagnostic]) -> Document? {
        if raw.isEmpty || raw.allSatisfy(MappedText.isSpace) {
            diagnostics.append(Diagnostic(id: "ingest.empty", severity: .warning, file: displayPath, message: "the file is empty; nothing to read"))
            return nil
        }
        if Self.looksBinary(raw) {
            diagnostics.append(Diagnostic(id: "ingest.binary", severity: .error, file: displayPath,
                                          message: "this looks like a binary file, not \(format == .text ? "plain" : format.rawValue) text — skipped"))
            return nil
        }
        let decoded = InputDecoder.decode(raw, html: format == .html)
        let cut = format != .html && decoded.bytes.count > Self.maxTextInputBytes ? Self.cutPoint(decoded.bytes, limit: Self.maxTextInputBytes) : nil
        // When the reader gets the file's bytes as they are, they are hashed while indexed.
        let asRead = decoded.originalOffsets == nil && cut == nil
        var hash = ContentHash.empty
        let file = asRead ? hashesContent ? SourceFile(displayPath: displayPath, bytes: raw, fnv: &hash) : SourceFile(displayPath: displayPath, bytes: raw)
            : SourceFile(displayPath: displayPath, bytes: cut.map { Array(decoded.bytes[..<$0]) } ?? decoded.bytes)
        let contentHash = !hashesContent ? "" : asRead ? ContentHash.hex(hash: hash) : ContentHash.hex(raw)
        if decoded.invalidSequences > 0 {
            let firstBad = decoded.originalOffsets.flatMap { map in
                decoded.bytes.indices.first { i in decoded.bytes[i] == 0xEF && i + 2 < decoded.bytes.count && decoded.bytes[i + 1] == 0xBF && decoded.bytes[i + 2] == 0xBD && (i + 3 >= map.count || map[i + 3] == map[i] + 1) }
            } ?? 0
            let loc = file.lines.location(of: firstBad)
            diagnostics.append(Diagnostic(id: "ingest.invalid-encoding", severity: .warning, file: displayPath, line: loc.line, column: loc.column,
                                          message: "\(decoded.invalidSequences) byte\(decoded.invalidSequences == 1 ? " is" : "s are") not valid \(decoded.encoding) (or NUL); replaced by U+FFFD"))
        }
        let reader: any ArticleReader = switch format {
        case .markdown: MarkdownReader()
        case .html: HTMLReader()
        case .text: TextReader()
        }
        let article = reader.read(file, diagnostics: &diagnostics)
        return assembler.assemble(article, file: file, originalOffsets: decoded.originalOffsets, byteCount: raw.count,
                                  contentHash: contentHash, unread: cut.map { ($0, decoded.bytes.count) }, diagnostics: &diagnostics)
    }

    /// Where to cut `bytes` to at most `limit` bytes: after the last blank line in the
    /// second half of the limit, else after the last line break there, else between two
    /// characters.
    static func cutPoint(_ bytes: [UInt8], limit: Int) -> Int {
        let floor = limit / 2
        var lastBreak: Int? = nil
        var i = limit - 1
        while i > floor {
            if bytes[i] == 0x0A {
                if bytes[i - 1] == 0x0A || (bytes[i - 1] == 0x0D && bytes[i - 2] == 0x0A) { return i + 1 }
                if lastBreak == nil { lastBreak = i + 1 }
            }
            i -= 1
        }
        if let lastBreak { return lastBreak }
        var end = limit
        while end > 0 && bytes[end] & 0xC0 == 0x80 { end -= 1 }
        return end
    }

    /// A file is binary when it has more than two NUL bytes or many control bytes in its first
    /// 8 KB (UTF-16 text, which has NULs, is recognised by its byte-order mark). A stray NUL or
    /// two in text is read as an invalid character, with a warning at its place.
    static func looksBinary(_ raw: [UInt8]) -> Bool {
        if raw.starts(with: [0xFF, 0xFE]) || raw.starts(with: [0xFE, 0xFF]) { return false }
        let count = min(raw.count, 8192)
        var control = 0
        var nuls = 0
        raw.withUnsafeBufferPointer { bytes in
            guard let base = UnsafeRawPointer(bytes.baseAddress) else { return }
            var i = 0
            while i < count {
                // Eight bytes at a time while none is below 0x20.
                if i + 8 <= count {
                    let w = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    if (w &- 0x2020_2020_2020_2020) & ~w & 0x8080_8080_8080_8080 == 0 { i += 8; continue }
                    // Or while the only bytes below 0x20 are line feeds (exact per byte: no carries).
                    let below = ~((((w & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x6060_6060_6060_6060) | w)) & 0x8080_8080_8080_8080
                    let x = w ^ 0x0A0A_0A0A_0A0A_0A0A
                    let lineFeeds = ~((((x & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | x)) & 0x8080_8080_8080_8080
                    if below & ~lineFeeds == 0 { i += 8; continue }
                }
                for b in bytes[i..<min(i + 8, count)] where b < 0x20 {
                    if b == 0 { nuls += 1; control += 1 }
                    else if b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C && b != 0x1B { control += 1 }
                }
                i += 8
            }
        }
        return nuls > 2 || control * 20 > count
    }
}
