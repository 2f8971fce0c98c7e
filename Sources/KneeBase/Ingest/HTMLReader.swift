import Glibc

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
///
/// Element and attribute names are compared on their bytes (libxml2 gives them in ASCII
/// lower case), attribute values on theirs when ASCII and as strings otherwise: no
/// string is made per element or attribute but for the few values that are kept.
final class HTMLBlockCollector: HTMLEventHandler {
    struct Collected {
        var block: RawBlock
        var inMain: Bool
    }

    static let maxDepth = 512

    private static let blockTags: [StaticString] = [
        "p", "div", "section", "article", "main", "header", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
        "li", "ul", "ol", "dl", "dt", "dd", "td", "th", "tr", "table", "thead", "tbody", "blockquote", "pre",
        "figure", "figcaption", "hr", "address", "details", "summary", "caption", "body", "center", "fieldset",
    ]
    private static let droppedTags: [StaticString] = [
        "nav", "aside", "form", "script", "style", "noscript", "template", "iframe", "svg", "math", "button",
        "select", "textarea", "object", "embed", "canvas", "video", "audio", "map", "dialog", "input", "label", "footer",
    ]
    private static let droppedWords: Set<String> = [
        "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "sidebar", "widget", "widgets",
        "footer", "masthead", "cookie", "cookies", "consent", "gdpr", "newsletter", "subscribe", "subscription",
        "signup", "share", "sharing", "sharebar", "social", "comments", "comment", "respond", "related", "recommended",
        "advert", "advertisement", "ads", "ad", "promo", "banner", "popup", "modal", "skip", "toolbar", "pagination",
        "pager", "tags", "meta", "byline", "author-box", "disqus", "outbrain", "taboola", "sponsored", "print",
        "editsection",  // a wiki heading's "[edit]" link
    ]
    /// Furniture words only at the start of a class name: a sidebar's `widget widget_text`,
    /// not the content wrappers of page builders (`elementor-widget-container`).
    private static let leadingOnlyWords: Set<String> = ["widget", "widgets"]
    private static let droppedRoles: Set<String> = ["navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alert", "form"]
    private static let droppedRoleBytes = droppedRoles.map { Array($0.utf8) }

    /// What an element's name says: whether it is a block or furniture, the kind of
    /// block text inside it is (if the element decides it), and the heading level ("h2").
    private struct TagInfo {
        var isBlock = false
        var isDropped = false
        var kind: Block.Kind? = nil
        var level: Int? = nil
        /// The element when the collector treats it on its own (`<html>`, `<head>`, `<br>`…).
        var special: Special? = nil
    }

    /// The elements the collector looks at by name.
    private enum Special {
        case html, head, title, meta, link, br, main, article, header
    }

    /// `TagInfo` of every name the collector knows; other names have none of its marks.
    private static let tags: TagTable = {
        var table: [HTMLName: TagInfo] = [:]
        for name in blockTags { table[HTMLName(literal: name), default: TagInfo()].isBlock = true }
        for name in droppedTags { table[HTMLName(literal: name), default: TagInfo()].isDropped = true }
        let kinds: [(StaticString, Block.Kind)] = [
            ("h1", .heading), ("h2", .heading), ("h3", .heading), ("h4", .heading), ("h5", .heading), ("h6", .heading),
            ("li", .listItem), ("dt", .listItem), ("dd", .listItem), ("td", .tableCell), ("th", .tableCell), ("blockquote", .quote),
        ]
        for (name, kind) in kinds { table[HTMLName(literal: name), default: TagInfo()].kind = kind }
        let levels: [StaticString] = ["h0", "h1", "h2", "h3", "h4", "h5", "h6", "h7", "h8", "h9"]
        for (level, name) in levels.enumerated() { table[HTMLName(literal: name), default: TagInfo()].level = level }
        let specials: [(StaticString, Special)] = [
            ("html", .html), ("head", .head), ("title", .title), ("meta", .meta), ("link", .link), ("br", .br),
            ("main", .main), ("article", .article), ("header", .header),
        ]
        for (name, special) in specials { table[HTMLName(literal: name), default: TagInfo()].special = special }
        return TagTable(table)
    }()

    /// `TagInfo` by element name, looked up on the packed name: one multiplication and a
    /// compare or two per element, where a `Dictionary` hashes the name with SipHash.
    private struct TagTable {
        private var lows: [UInt64]
        private var highs: [UInt64]
        /// Index into `infos` + 1 (0: empty slot); the count of slots is a power of two.
        private var slots: [Int]
        private var infos: [TagInfo] = []

        init(_ table: [HTMLName: TagInfo]) {
            var size = 64
            while size < table.count * 4 { size *= 2 }
            lows = [UInt64](repeating: 0, count: size)
            highs = lows
            slots = [Int](repeating: 0, count: size)
            for (name, info) in table where name.long == nil {
                var s = Self.slot(name.low, name.high, mask: size - 1)
                while slots[s] != 0 { s = (s + 1) & (size - 1) }
                infos.append(info)
                (lows[s], highs[s], slots[s]) = (name.low, name.high, infos.count)
            }
        }

        @inline(__always)
        private static func slot(_ low: UInt64, _ high: UInt64, mask: Int) -> Int {
            Int(truncatingIfNeeded: ((low ^ (high &* 0x9E37_79B9_7F4A_7C15)) &* 0xFF51_AFD7_ED55_8CCD) >> 40) & mask
        }

        /// The info of `name`, nil when the table has none. Names of up to 16 bytes are
        /// equal when their packed bytes are (no name holds a NUL byte).
        func info(_ name: HTMLName) -> TagInfo? {
            guard name.long == nil else { return nil }
            let mask = slots.count - 1
            var s = Self.slot(name.low, name.high, mask: mask)
            while slots[s] != 0 {
                if lows[s] == name.low && highs[s] == name.high { return infos[slots[s] - 1] }
                s = (s + 1) & mask
            }
            return nil
        }
    }

    private static func info(_ name: HTMLName) -> TagInfo {
        if let known = tags.info(name) { return known }
        // A name of more bytes than characters read as "h" and a digit of another script.
        guard name.count > 2, name.long == nil, name.low & 0xFF == UInt64(UInt8(ascii: "h")) else { return TagInfo() }
        let string = name.string
        guard !string.utf8.allSatisfy({ $0 < 0x80 }) else { return TagInfo() }
        return TagInfo(level: string.count == 2 && string.first == "h" ? string.last?.wholeNumberValue : nil)
    }

    private struct Element {
        var name: HTMLName
        var dropped: Bool
        var main: Bool
        /// The kind of block text inside this element is, if the element decides it.
        var kind: Block.Kind?
        /// The heading level its name gives ("h2"), if any.
        var level: Int?

        init(name: HTMLName, info: TagInfo, dropped: Bool, main: Bool) {
            self.name = name
            self.dropped = dropped
            self.main = main
            kind = info.kind
            level = info.level
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
    /// The next text starts a line of the block (after a `<br>`).
    private var atLineStart = false
    /// The block being read is one `<br>`-separated line that opened with a bullet.
    private var inBulletLine = false
    private var currentInMain = false
    private(set) var blocks: [Collected] = []
    private var metadataRead = SourceMetadata()
    private var bylineReader = BylineReader()
    /// What the page's head says of it; its byline or signature names the author when no `<meta>` does.
    var metadata: SourceMetadata {
        var m = metadataRead
        if m.author == nil { m.author = bylineReader.byline }
        return m
    }
    private(set) var depthLimitHit = false
    private(set) var depthLimitOffset = 0

    init(source: [UInt8]) {
        self.source = source
    }

    func startElement(_ name: HTMLName, attributes: HTMLAttributes, end: Int) {
        let info = Self.info(name)
        if stack.count >= Self.maxDepth {
            if !depthLimitHit { depthLimitHit = true; depthLimitOffset = end }
            stack.append(Element(name: name, info: info, dropped: false, main: false))
            return
        }
        switch info.special {
        case .html:
            if let lang = attributes.first("lang")?.string, !lang.isEmpty { metadataRead.language = lang }
        case .head:
            inHead = true
        case .title:
            if inHead || mainDepth == 0 { inTitle = true }
        case .meta:
            readMeta(attributes)
        case .link:
            if attributes.contains(where: { $0.isNamed("rel") && Self.lowercased($0, equals: "canonical") }),
               let href = attributes.first("href")?.string { metadataRead.url = href }
        case .br:
            current?.text.appendBreak(at: end)
            atLineStart = current != nil
        default:
            break
        }
        if info.isBlock { flush() }
        bylineReader.start(attributes, depth: stack.count)
        let dropped = isDropped(name, info, attributes)
        let main = !dropped && (info.special == .main || info.special == .article
                                || attributes.first("role").map { Self.lowercased($0, equals: "main") } == true)
        stack.append(Element(name: name, info: info, dropped: dropped, main: main))
        if dropped { dropDepth += 1 }
        if main { mainDepth += 1 }
    }

    func endElement(_ name: HTMLName, end: Int) {
        let info = Self.info(name)
        if info.isBlock { flush() }
        if info.special == .head {
            inHead = false
        } else if info.special == .title {
            if inTitle, metadataRead.title == nil {
                let t = HTMLBlockCollector.collapse(titleText)
                if !t.isEmpty { metadataRead.title = t }
            }
            inTitle = false
        }
        guard let index = stack.lastIndex(where: { $0.name == name }) else { return }
        while stack.count > index {
            let e = stack.removeLast()
            if e.dropped { dropDepth -= 1 }
            if e.main { mainDepth -= 1 }
        }
        bylineReader.end(depth: stack.count)
    }

    func text(_ bytes: UnsafeBufferPointer<UInt8>, spanStart: Int, spanEnd: Int) {
        if inTitle { titleText.append(contentsOf: bytes); return }
        bylineReader.text(bytes)
        guard dropDepth == 0, !inHead else { return }
        // "&bull; stiffness in the morning<br>&bull; …", "- cut back<br>- …": lines that open with a
        // bullet are list items, as in a list; the line after the last of them starts a new paragraph.
        var bullet = false
        if atLineStart || current == nil, let first = bytes.firstIndex(where: { !MappedText.isSpace($0) }) {
            bullet = Self.opensWithBullet(bytes, at: first) && blockKind() == .paragraph
            if current != nil, bullet || inBulletLine { flush() }
            atLineStart = false
        }
        if current == nil {
            if bytes.allSatisfy(MappedText.isSpace) { return }
            current = RawBlock(kind: bullet ? .listItem : blockKind(), level: headingLevel(), text: MappedText())
            currentInMain = mainDepth > 0
            inBulletLine = bullet
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

    /// Whether the text at `i` is a bullet: `•` (or `‣`, `◦`, `▪`, `●`), or `-`, `–`, `*` before a space.
    static func opensWithBullet(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        let n = b.count
        if b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "*") { return i + 1 < n && b[i + 1] == UInt8(ascii: " ") }
        guard b[i] == 0xE2, i + 2 < n else { return false }
        let (x, y) = (b[i + 1], b[i + 2])
        if x == 0x80 && y == 0x93 { return i + 3 < n && b[i + 3] == UInt8(ascii: " ") }  // –
        return (x == 0x80 && (y == 0xA2 || y == 0xA3)) || (x == 0x97 && (y == 0xA6 || y == 0x8F)) || (x == 0x96 && y == 0xAA)
    }

    /// Ends the block being read, if any.
    func flush() {
        atLineStart = false
        inBulletLine = false
        guard var block = current else { return }
        current = nil
        block.text.decodeLegacyReferences()
        if !block.text.isEmpty { blocks.append(Collected(block: block, inMain: currentInMain)) }
    }

    private func isDropped(_ name: HTMLName, _ info: TagInfo, _ attributes: HTMLAttributes) -> Bool {
        if info.isDropped { return true }
        if info.special == .header && mainDepth == 0 { return true }
        // A tab panel that the page hides until its tab is chosen ("Symptoms & causes",
        // "Diagnosis & treatment") is part of the article, saved whole with the page.
        func hides(_ hidden: Bool) -> Bool {
            hidden && !attributes.contains { $0.isNamed("role") && Self.lowercased($0, equals: "tabpanel") }
        }
        return attributes.contains { a in
            if a.isNamed("hidden") { return hides(true) }
            if a.isNamed("aria-hidden") { return hides(Self.equals(a.bytes, "true")) }
            if a.isNamed("role") { return Self.isDroppedRole(a) }
            if a.isNamed("class") || a.isNamed("id") { return Self.namesFurniture(a) }
            if a.isNamed("style") { return hides(Self.hidesElement(a)) }
            return false
        }
    }

    /// Whether the bytes are those of `literal`.
    private static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
        bytes.count == literal.utf8CodeUnitCount && (bytes.isEmpty || memcmp(bytes.baseAddress!, literal.utf8Start, bytes.count) == 0)
    }

    /// Whether the value, lower-cased, is `literal` (ASCII, lower case): on the bytes when
    /// the value is ASCII, else as `String.lowercased()` says.
    private static func lowercased(_ a: HTMLAttributes.Attribute, equals literal: StaticString) -> Bool {
        let bytes = a.bytes
        guard TextSearch.isASCII(bytes) else { return a.string.lowercased() == literal.description }
        guard bytes.count == literal.utf8CodeUnitCount else { return false }
        for i in 0..<bytes.count where FoldedASCII.fold(bytes[i]) != literal.utf8Start[i] { return false }
        return true
    }

    /// Whether a `role` value, lower-cased, is one of `droppedRoles`.
    private static func isDroppedRole(_ a: HTMLAttributes.Attribute) -> Bool {
        let bytes = a.bytes
        guard TextSearch.isASCII(bytes) else { return droppedRoles.contains(a.string.lowercased()) }
        return droppedRoleBytes.contains { role in
            role.count == bytes.count && role.indices.allSatisfy { FoldedASCII.fold(bytes[$0]) == role[$0] }
        }
    }

    /// Whether a `style` value hides the element (`display:none`, `visibility:hidden`, in
    /// any case, spaces aside).
    private static func hidesElement(_ a: HTMLAttributes.Attribute) -> Bool {
        let bytes = a.bytes
        guard TextSearch.isASCII(bytes) else {
            let compact = a.string.lowercased().filter { $0 != " " }
            return compact.contains("display:none") || compact.contains("visibility:hidden")
        }
        var compact: [UInt8] = []
        compact.reserveCapacity(bytes.count)
        for b in bytes where b != 0x20 { compact.append(FoldedASCII.fold(b)) }
        return compact.withUnsafeBufferPointer { c in
            hiddenStyles.contains { style in style.withUnsafeBufferPointer { TextSearch.firstOffset(of: $0, in: c) != nil } }
        }
    }
    private static let hiddenStyles = [Array("display:none".utf8), Array("visibility:hidden".utf8)]

    /// Parts of class and id names that mark page furniture wherever they occur.
    private static let droppedParts = ["cookie", "newsletter", "subscri", "share", "social", "comment", "related", "breadcrumb",
                                       "sidebar", "advert", "promo", "popup", "signup", "sign-up"]
    private static let droppedPartBytes = droppedParts.map { Array($0.utf8) }

    /// Whether a class or id attribute names page furniture: one of its words (runs of
    /// letters and digits) is in `droppedWords`, or it contains one of `droppedParts`.
    /// ASCII values are read on their bytes (where letters, digits, lower-casing and
    /// Foundation's `contains` mean what they mean on bytes), others as a `String`.
    private static func namesFurniture(_ a: HTMLAttributes.Attribute) -> Bool {
        let bytes = a.bytes
        if TextSearch.isASCII(bytes) {
            let count = bytes.count
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, count)) { lower in
                for i in 0..<count { lower[i] = FoldedASCII.fold(bytes[i]) }
                let folded = UnsafeBufferPointer(rebasing: lower[0..<count])
                var start = 0
                for i in 0...count {
                    if i < count, (folded[i] >= 97 && folded[i] <= 122) || (folded[i] >= 48 && folded[i] <= 57) { continue }
                    if i > start {
                        let word = String(decoding: UnsafeBufferPointer(rebasing: folded[start..<i]), as: UTF8.self)
                        if droppedWords.contains(word), !leadingOnlyWords.contains(word) || start == 0 || folded[start - 1] == UInt8(ascii: " ") {
                            return true
                        }
                    }
                    start = i + 1
                }
                return droppedPartBytes.contains { part in
                    part.withUnsafeBufferPointer { TextSearch.firstOffset(of: $0, in: folded) != nil }
                }
            }
        }
        let lower = a.string.lowercased()
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

    private func readMeta(_ attributes: HTMLAttributes) {
        var key = ""
        var content = ""
        attributes.forEach { a in
            if a.isNamed("name") || a.isNamed("property") { key = a.string.lowercased() }
            if a.isNamed("content") { content = a.string }
        }
        guard !content.isEmpty else { return }
        switch key {
        case "author", "article:author": metadataRead.author = metadataRead.author ?? content
        case "og:site_name", "publisher": metadataRead.publisher = metadataRead.publisher ?? content
        case "article:published_time", "date", "dc.date", "pubdate": metadataRead.date = metadataRead.date ?? content
        case "og:url": metadataRead.url = metadataRead.url ?? content
        case "og:title": metadataRead.extra["og:title"] = content
        case "description", "og:description": metadataRead.extra["description"] = content
        case "og:type": metadataRead.kind = metadataRead.kind ?? content
        default: break
        }
    }

    private static func collapse(_ bytes: [UInt8]) -> String {
        var t = MappedText()
        bytes.withUnsafeBufferPointer { t.append(exact: $0, sourceStart: 0) }
        return String(decoding: t.bytes, as: UTF8.self)
    }
}

/// ASCII case folding on bytes.
private enum FoldedASCII {
    /// The byte with an ASCII capital letter made small.
    @inline(__always)
    static func fold(_ b: UInt8) -> UInt8 { b &- 65 < 26 ? b | 0x20 : b }
}

private func memcmpEqual(_ s: UnsafeBufferPointer<UInt8>, _ start: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard start + bytes.count <= s.count else { return false }
    return bytes.isEmpty || memcmp(s.baseAddress! + start, bytes.baseAddress!, bytes.count) == 0
}
