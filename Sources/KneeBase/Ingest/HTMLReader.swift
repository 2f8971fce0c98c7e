/// Reads HTML pages and fragments, keeping only the main article text: headings,
/// paragraphs, list items, table cells and quotes. Page furniture — navigation,
/// headers and footers, asides, forms, scripts, cookie and newsletter boxes, share
/// bars, comments, related-article lists — is left out. When the page marks its main
/// content (`<main>`, `<article>`, `role="main"`), only that is read.
struct HTMLReader: ArticleReader {
    func read(_ file: SourceFile, diagnostics: inout [Diagnostic]) -> RawArticle {
        let collector = HTMLBlockCollector(source: file.bytes)
        var input = file.bytes
        // A byte-order mark is not text: blank it, keeping every offset the same.
        if input.starts(with: [0xEF, 0xBB, 0xBF]) { input.replaceSubrange(0..<3, with: [0x20, 0x20, 0x20]) }
        LibXMLHTMLParser.parse(input, handler: collector)
        collector.flush()
        let inMain = collector.blocks.contains { $0.inMain }
        var blocks = collector.blocks.filter { !inMain || $0.inMain }.map(\.block)
        if blocks.isEmpty && !file.bytes.isEmpty {
            diagnostics.append(Diagnostic(id: "ingest.html.no-main-content", severity: .warning, file: file.displayPath,
                                          message: "found no article text in this HTML page"))
        }
        if collector.depthLimitHit {
            diagnostics.append(Diagnostic(id: "ingest.html.too-deep", severity: .warning, file: file.displayPath,
                                          line: file.lines.line(of: collector.depthLimitOffset), column: 1,
                                          message: "elements nested deeper than \(HTMLBlockCollector.maxDepth) levels; their text is read as one block"))
        }
        var metadata = collector.metadata
        if metadata.title == nil || metadata.title?.isEmpty == true {
            metadata.title = blocks.first(where: { $0.kind == .heading })
                .map { String(decoding: $0.text.bytes, as: UTF8.self) }
        }
        // A page title often repeats the site name: prefer the article's first h1 when it is a prefix of the title.
        if let h1 = blocks.first(where: { $0.kind == .heading && $0.level == 1 }) {
            let h = String(decoding: h1.text.bytes, as: UTF8.self)
            if let t = metadata.title, t != h, t.hasPrefix(h) || t.hasSuffix(h) { metadata.title = h }
        }
        blocks.removeAll { $0.text.isEmpty }
        return RawArticle(format: .html, metadata: metadata, blocks: blocks)
    }
}

/// Turns libxml2's element and text events into blocks, deciding what is page furniture.
final class HTMLBlockCollector: HTMLEventHandler {
    struct Collected {
        var block: RawBlock
        var inMain: Bool
    }

    static let maxDepth = 512

    private static let blockTags: Set<String> = [
        "p", "div", "section", "article", "main", "header", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
        "li", "ul", "ol", "dl", "dt", "dd", "td", "th", "tr", "table", "thead", "tbody", "blockquote", "pre",
        "figure", "figcaption", "hr", "address", "details", "summary", "caption", "body", "center", "fieldset",
    ]
    private static let droppedTags: Set<String> = [
        "nav", "aside", "form", "script", "style", "noscript", "template", "iframe", "svg", "math", "button",
        "select", "textarea", "object", "embed", "canvas", "video", "audio", "map", "dialog", "input", "label", "footer",
    ]
    private static let droppedWords: Set<String> = [
        "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "sidebar", "widget", "widgets",
        "footer", "masthead", "cookie", "cookies", "consent", "gdpr", "newsletter", "subscribe", "subscription",
        "signup", "share", "sharing", "sharebar", "social", "comments", "comment", "respond", "related", "recommended",
        "advert", "advertisement", "ads", "ad", "promo", "banner", "popup", "modal", "skip", "toolbar", "pagination",
        "pager", "tags", "meta", "byline", "author-box", "disqus", "outbrain", "taboola", "sponsored", "print",
    ]
    private static let droppedRoles: Set<String> = ["navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alert", "form"]

    private struct Element {
        var name: String
        var dropped: Bool
        var main: Bool
        /// The kind of block text inside this element is, if the element decides it.
        var kind: Block.Kind?
        /// The heading level its name gives ("h2"), if any.
        var level: Int?

        init(name: String, dropped: Bool, main: Bool) {
            self.name = name
            self.dropped = dropped
            self.main = main
            switch name {
            case "h1", "h2", "h3", "h4", "h5", "h6": kind = .heading
            case "li", "dt", "dd": kind = .listItem
            case "td", "th": kind = .tableCell
            case "blockquote": kind = .quote
            default: kind = nil
            }
            level = Self.headingLevel(name)
        }

        /// The digit of a two-character name starting with "h" (read on the bytes when ASCII).
        private static func headingLevel(_ name: String) -> Int? {
            let u = name.utf8
            if u.count == 2, let a = u.first, let b = u.last, a < 0x80, b < 0x80 {
                return a == UInt8(ascii: "h") && b >= 0x30 && b <= 0x39 ? Int(b - 0x30) : nil
            }
            guard u.count > 2, u.first == UInt8(ascii: "h") else { return nil }
            return name.count == 2 && name.first == "h" ? name.last?.wholeNumberValue : nil
        }
    }

    private let source: [UInt8]
    private var stack: [Element] = []
    private var dropDepth = 0
    private var mainDepth = 0
    private var inHead = false
    private var inTitle = false
    private var titleText: [UInt8] = []
    private var current: RawBlock? = nil
    private var currentInMain = false
    private(set) var blocks: [Collected] = []
    private(set) var metadata = SourceMetadata()
    private(set) var depthLimitHit = false
    private(set) var depthLimitOffset = 0

    init(source: [UInt8]) {
        self.source = source
    }

    func startElement(_ name: String, attributes: [(String, String)], end: Int) {
        if stack.count >= Self.maxDepth {
            if !depthLimitHit { depthLimitHit = true; depthLimitOffset = end }
            stack.append(Element(name: name, dropped: false, main: false))
            return
        }
        switch name {
        case "html":
            if let lang = attributes.first(where: { $0.0 == "lang" })?.1, !lang.isEmpty { metadata.language = lang }
        case "head": inHead = true
        case "title" where inHead || mainDepth == 0: inTitle = true
        case "meta": readMeta(attributes)
        case "link":
            if attributes.contains(where: { $0.0 == "rel" && $0.1.lowercased() == "canonical" }),
               let href = attributes.first(where: { $0.0 == "href" })?.1 { metadata.url = href }
        case "br": current?.text.appendBreak(at: end)
        default: break
        }
        if Self.blockTags.contains(name) { flush() }
        let dropped = isDropped(name, attributes)
        let role = attributes.first(where: { $0.0 == "role" })?.1.lowercased()
        let main = !dropped && (name == "main" || name == "article" || role == "main")
        stack.append(Element(name: name, dropped: dropped, main: main))
        if dropped { dropDepth += 1 }
        if main { mainDepth += 1 }
    }

    func endElement(_ name: String, end: Int) {
        if Self.blockTags.contains(name) { flush() }
        switch name {
        case "head": inHead = false
        case "title":
            if inTitle, metadata.title == nil {
                let t = HTMLBlockCollector.collapse(titleText)
                if !t.isEmpty { metadata.title = t }
            }
            inTitle = false
        default: break
        }
        guard let index = stack.lastIndex(where: { $0.name == name }) else { return }
        while stack.count > index {
            let e = stack.removeLast()
            if e.dropped { dropDepth -= 1 }
            if e.main { mainDepth -= 1 }
        }
    }

    func text(_ bytes: UnsafeBufferPointer<UInt8>, spanStart: Int, spanEnd: Int) {
        if inTitle { titleText.append(contentsOf: bytes); return }
        guard dropDepth == 0, !inHead else { return }
        if current == nil {
            if bytes.allSatisfy(MappedText.isSpace) { return }
            current = RawBlock(kind: blockKind(), level: headingLevel(), text: MappedText())
            currentInMain = mainDepth > 0
        }
        let n = bytes.count
        let end = min(spanEnd, source.count)
        let start = end - n
        if start >= spanStart, start >= 0, source.withUnsafeBufferPointer({ s in
            memcmpEqual(s, start, bytes)
        }) {
            current?.text.append(exact: bytes, sourceStart: start)
        } else if var block = current {
            current = nil  // so the block's text is extended in place, not copied on every piece
            source.withUnsafeBufferPointer { s in
                var aligner = SourceAligner(source: s, start: spanStart, limit: max(spanStart, end))
                aligner.align(bytes, into: &block.text)
            }
            current = block
        }
    }

    /// Ends the block being read, if any.
    func flush() {
        guard let block = current else { return }
        current = nil
        if !block.text.isEmpty { blocks.append(Collected(block: block, inMain: currentInMain)) }
    }

    private func isDropped(_ name: String, _ attributes: [(String, String)]) -> Bool {
        if Self.droppedTags.contains(name) { return true }
        if name == "header" && mainDepth == 0 { return true }
        for (key, value) in attributes {
            switch key {
            case "hidden": return true
            case "aria-hidden" where value == "true": return true
            case "role" where Self.droppedRoles.contains(value.lowercased()): return true
            case "class", "id":
                if Self.namesFurniture(value) { return true }
            case "style":
                let compact = value.lowercased().filter { $0 != " " }
                if compact.contains("display:none") || compact.contains("visibility:hidden") { return true }
            default: continue
            }
        }
        return false
    }

    /// Parts of class and id names that mark page furniture wherever they occur.
    private static let droppedParts = ["cookie", "newsletter", "subscri", "share", "social", "comment", "related", "breadcrumb",
                                       "sidebar", "advert", "promo", "popup", "signup", "sign-up"]
    private static let droppedPartBytes = droppedParts.map { Array($0.utf8) }

    /// Whether a class or id attribute names page furniture: one of its words (runs of
    /// letters and digits) is in `droppedWords`, or it contains one of `droppedParts`.
    /// ASCII values are read on their bytes (where letters, digits, lower-casing and
    /// Foundation's `contains` mean what they mean on bytes), others as a `String`.
    private static func namesFurniture(_ value: String) -> Bool {
        var text = value
        let byBytes: Bool? = text.withUTF8 { bytes in
            guard TextSearch.isASCII(bytes) else { return nil }
            let count = bytes.count
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, count)) { lower in
                for i in 0..<count { lower[i] = bytes[i] >= 65 && bytes[i] <= 90 ? bytes[i] + 32 : bytes[i] }
                let folded = UnsafeBufferPointer(rebasing: lower[0..<count])
                var start = 0
                for i in 0...count {
                    if i < count, (folded[i] >= 97 && folded[i] <= 122) || (folded[i] >= 48 && folded[i] <= 57) { continue }
                    if i > start, droppedWords.contains(String(decoding: UnsafeBufferPointer(rebasing: folded[start..<i]), as: UTF8.self)) {
                        return true
                    }
                    start = i + 1
                }
                return droppedPartBytes.contains { part in
                    part.withUnsafeBufferPointer { TextSearch.firstOffset(of: $0, in: folded) != nil }
                }
            }
        }
        if let byBytes { return byBytes }
        let lower = value.lowercased()
        for word in lower.split(whereSeparator: { !($0.isLetter || $0.isNumber) }) where droppedWords.contains(String(word)) {
            return true
        }
        return droppedParts.contains { lower.contains($0) }
    }

    private func blockKind() -> Block.Kind {
        for e in stack.reversed() { if let kind = e.kind { return kind } }
        return .paragraph
    }

    private func headingLevel() -> Int {
        for e in stack.reversed() { if let level = e.level { return level } }
        return 0
    }

    private func readMeta(_ attributes: [(String, String)]) {
        var key = ""
        var content = ""
        for (k, v) in attributes {
            if k == "name" || k == "property" { key = v.lowercased() }
            if k == "content" { content = v }
        }
        guard !content.isEmpty else { return }
        switch key {
        case "author", "article:author": metadata.author = metadata.author ?? content
        case "og:site_name", "publisher": metadata.publisher = metadata.publisher ?? content
        case "article:published_time", "date", "dc.date", "pubdate": metadata.date = metadata.date ?? content
        case "og:url": metadata.url = metadata.url ?? content
        case "og:title": metadata.extra["og:title"] = content
        case "description", "og:description": metadata.extra["description"] = content
        case "og:type": metadata.kind = metadata.kind ?? content
        default: break
        }
    }

    private static func collapse(_ bytes: [UInt8]) -> String {
        var t = MappedText()
        bytes.withUnsafeBufferPointer { t.append(exact: $0, sourceStart: 0) }
        return String(decoding: t.bytes, as: UTF8.self)
    }
}

private func memcmpEqual(_ s: UnsafeBufferPointer<UInt8>, _ start: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard start + bytes.count <= s.count else { return false }
    for i in 0..<bytes.count where s[start + i] != bytes[i] { return false }
    return true
}
