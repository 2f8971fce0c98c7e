import Glibc
import CCmarkGFM

/// The only place that talks to cmark-gfm: parses CommonMark + GFM and returns the
/// leaf blocks with their inline text pieces and cmark's source positions.
enum CommonMarkParser {
    /// An inline piece of a leaf block's text: a range of `Leaves.text`, or a line break.
    enum Piece: Sendable {
        case text(Range<Int>)
        case lineBreak
    }

    /// The leaf blocks of a document, their pieces, and the text the pieces point into
    /// (all in three arrays, not one per piece).
    struct Leaves: Sendable {
        var leaves: [Leaf] = []
        var pieces: [Piece] = []
        var text: [UInt8] = []
    }

    /// A leaf block (paragraph, heading, table cell) as cmark reports it.
    struct Leaf: Sendable {
        var kind: Block.Kind
        var level: Int
        /// 1-based line and byte column of the block's first and last character.
        var startLine: Int
        var startColumn: Int
        var endLine: Int
        var endColumn: Int
        /// The leaf's range of `Leaves.pieces`.
        var pieces: Range<Int>
    }

    /// The GFM extensions every parser gets, looked up once; `autolink` is attached only
    /// where it can find something (see `leaves(of:)`).
    nonisolated(unsafe) private static let extensions: [OpaquePointer] = {
        cmark_gfm_core_extensions_ensure_registered()
        let names: [String] = ["table", "strikethrough", "tasklist"]
        return names.compactMap { name -> OpaquePointer? in cmark_find_syntax_extension(name) }
    }()
    nonisolated(unsafe) private static let autolink: OpaquePointer? = {
        cmark_gfm_core_extensions_ensure_registered()
        return cmark_find_syntax_extension("autolink")
    }()

    /// Parses `bytes` and returns its leaf blocks in document order.
    ///
    /// The autolink extension turns `www.`, `scheme://` and e-mail addresses written in
    /// text into links, but costs a third of the parse on every document (it stops at
    /// every `w` and `:` of the text, then merges the pieces again). So the document is
    /// parsed without it first; only when the text read holds `@`, `://` or `www.` (all it
    /// can act on) is it parsed again with it. Without a match the extension changes
    /// nothing but how text is cut into nodes, which the leaves do not depend on.
    static func leaves(of bytes: [UInt8]) -> Leaves {
        let plain = leaves(of: bytes, autolink: false)
        guard mayHoldAutolinks(plain.text) else { return plain }
        return leaves(of: bytes, autolink: true)
    }

    private static func leaves(of bytes: [UInt8], autolink: Bool) -> Leaves {
        // Footnotes are parsed only where there can be one: without a `^` (written or, after
        // a `&`, as an entity) there is no `[^…]`, and the option would only cost two walks
        // of the tree looking for them.
        let options = CMARK_OPT_SOURCEPOS | (mayHoldFootnotes(bytes) ? CMARK_OPT_FOOTNOTES : 0)
        let inArena = bytes.count <= CmarkArena.maxInputBytes
        guard let parser = inArena ? cmark_parser_new_with_mem(options, CmarkArena.allocator) : cmark_parser_new(options) else {
            if inArena { CmarkArena.reset() }
            return Leaves()
        }
        defer { if inArena { CmarkArena.reset() } else { cmark_parser_free(parser) } }
        for ext in extensions { cmark_parser_attach_syntax_extension(parser, ext) }
        if autolink, let ext = Self.autolink { cmark_parser_attach_syntax_extension(parser, ext) }
        bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress?.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                cmark_parser_feed(parser, $0, buffer.count)
            }
        }
        guard let root = cmark_parser_finish(parser) else { return Leaves() }
        defer { if !inArena { cmark_node_free(root) } }
        return collect(root, capacity: bytes.count)
    }

    /// Whether `text` holds `@`, `://` or `www.`: what the autolink extension needs to make a link.
    static func mayHoldAutolinks(_ text: [UInt8]) -> Bool {
        text.withUnsafeBufferPointer { b in
            guard let base = b.baseAddress else { return false }
            return memchr(base, Int32(UInt8(ascii: "@")), b.count) != nil
                || autolinkMarks.contains { mark in mark.withUnsafeBufferPointer { TextSearch.firstOffset(of: $0, in: b) != nil } }
        }
    }
    private static let autolinkMarks = [Array("://".utf8), Array("www.".utf8)]

    /// Whether `bytes` hold a `^` or a `&` (which may start an entity for `^`).
    static func mayHoldFootnotes(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { b in
            guard let base = b.baseAddress else { return false }
            return memchr(base, Int32(UInt8(ascii: "^")), b.count) != nil || memchr(base, Int32(UInt8(ascii: "&")), b.count) != nil
        }
    }

    private static func collect(_ root: OpaquePointer, capacity: Int) -> Leaves {
        var out = Leaves()
        out.text.reserveCapacity(capacity)
        guard let iter = cmark_iter_new(root) else { return out }
        defer { cmark_iter_free(iter) }
        var current: Leaf? = nil
        var currentNode: OpaquePointer? = nil
        var listDepth = 0
        var quoteDepth = 0
        var skipDepth = 0  // inside an image: its alt text is not article text
        var hidden: [String] = []  // open inline `<script>`, `<svg>`…: their content is not article text
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iter) else { continue }
            let type = cmark_node_get_type(node)
            let entering = event == CMARK_EVENT_ENTER
            switch type {
            case CMARK_NODE_ITEM:
                listDepth += entering ? 1 : -1
            case CMARK_NODE_BLOCK_QUOTE:
                quoteDepth += entering ? 1 : -1
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
                if entering, current == nil {
                    let kind: Block.Kind = type == CMARK_NODE_HEADING ? .heading
                        : quoteDepth > 0 ? .quote : listDepth > 0 ? .listItem : .paragraph
                    current = leaf(node, kind: kind, level: type == CMARK_NODE_HEADING ? Int(cmark_node_get_heading_level(node)) : 0, firstPiece: out.pieces.count)
                    currentNode = node
                } else if !entering, node == currentNode, var done = current {
                    done.pieces = done.pieces.lowerBound..<out.pieces.count
                    out.leaves.append(done)
                    current = nil
                    currentNode = nil
                    hidden.removeAll()
                }
            case CMARK_NODE_HTML_INLINE:
                if let literal = cmark_node_get_literal(node) { updateHidden(&hidden, tag: String(cString: literal)) }
            case CMARK_NODE_IMAGE:
                skipDepth += entering ? 1 : -1
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if skipDepth == 0, hidden.isEmpty, current != nil, let literal = cmark_node_get_literal(node) {
                    let count = strlen(literal)
                    let start = out.text.count
                    literal.withMemoryRebound(to: UInt8.self, capacity: count) {
                        out.text.append(contentsOf: UnsafeBufferPointer(start: $0, count: count))
                    }
                    out.pieces.append(.text(start..<out.text.count))
                }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                if current != nil { out.pieces.append(.lineBreak) }
            default:
                if let name = cmark_node_get_type_string(node), strcmp(name, "table_cell") == 0 {
                    if entering, current == nil {
                        current = leaf(node, kind: .tableCell, level: 0, firstPiece: out.pieces.count)
                        currentNode = node
                    } else if !entering, node == currentNode, var done = current {
                        done.pieces = done.pieces.lowerBound..<out.pieces.count
                        out.leaves.append(done)
                        current = nil
                        currentNode = nil
                        hidden.removeAll()
                    }
                }
            }
        }
        return out
    }

    /// Elements whose content, written inline in a paragraph, is code or markup rather than text.
    static let hiddenElements: Set<String> = ["script", "style", "svg", "math", "iframe", "noscript", "template", "object", "textarea", "select"]

    /// Opens or closes a hidden element for an inline HTML tag (`<script …>`, `</script>`).
    static func updateHidden(_ hidden: inout [String], tag: String) {
        var rest = Substring(tag)
        guard rest.hasPrefix("<") else { return }
        rest = rest.dropFirst()
        let closing = rest.hasPrefix("/")
        if closing { rest = rest.dropFirst() }
        let name = rest.prefix { $0.isASCII && ($0.isLetter || $0.isNumber) }.lowercased()
        guard hiddenElements.contains(name) else { return }
        if closing {
            if let i = hidden.lastIndex(of: name) { hidden.removeSubrange(i...) }
        } else if !tag.hasSuffix("/>"), hidden.count < 64 {
            hidden.append(name)
        }
    }

    private static func leaf(_ node: OpaquePointer, kind: Block.Kind, level: Int, firstPiece: Int) -> Leaf {
        var positioned: OpaquePointer? = node
        while let n = positioned, cmark_node_get_start_line(n) == 0 { positioned = cmark_node_parent(n) }
        let p = positioned ?? node
        return Leaf(kind: kind, level: level,
                    startLine: Int(cmark_node_get_start_line(p)), startColumn: Int(cmark_node_get_start_column(p)),
                    endLine: Int(cmark_node_get_end_line(p)), endColumn: Int(cmark_node_get_end_column(p)),
                    pieces: firstPiece..<firstPiece)
    }
}
