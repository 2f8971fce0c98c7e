import CLibXML2

/// Receives the events of `LibXMLHTMLParser`, with byte offsets into the parsed bytes.
protocol HTMLEventHandler: AnyObject {
    /// An element opens; `end` is the offset just past its start tag.
    func startElement(_ name: String, attributes: [(String, String)], end: Int)
    /// An element closes (explicitly or implied); `end` is the current offset.
    func endElement(_ name: String, end: Int)
    /// Text; `spanStart..<spanEnd` is the part of the source it was read from.
    func text(_ bytes: UnsafeBufferPointer<UInt8>, spanStart: Int, spanEnd: Int)
}

/// The only place that talks to libxml2: runs its forgiving HTML parser over UTF-8
/// bytes in streaming (SAX) mode and reports elements and text with source offsets.
enum LibXMLHTMLParser {
    private final class Context {
        let handler: HTMLEventHandler
        var parser: htmlParserCtxtPtr? = nil
        var lastEnd = 0
        init(handler: HTMLEventHandler) { self.handler = handler }

        var offset: Int {
            guard let parser else { return lastEnd }
            return max(lastEnd, Int(xmlByteConsumed(parser)))
        }
    }

    /// Parses `bytes` (UTF-8) and sends the events to `handler`.
    static func parse(_ bytes: [UInt8], handler: HTMLEventHandler) {
        let context = Context(handler: handler)
        var sax = htmlSAXHandler()
        sax.startElement = { ctx, name, attrs in
            guard let ctx, let name else { return }
            let c = Unmanaged<Context>.fromOpaque(ctx).takeUnretainedValue()
            var attributes: [(String, String)] = []
            if var p = attrs {
                while let key = p.pointee {
                    let value = p.advanced(by: 1).pointee
                    attributes.append((String(cString: key), value.map { String(cString: $0) } ?? ""))
                    p = p.advanced(by: 2)
                }
            }
            let end = c.offset
            c.handler.startElement(String(cString: name), attributes: attributes, end: end)
            c.lastEnd = end
        }
        sax.endElement = { ctx, name in
            guard let ctx, let name else { return }
            let c = Unmanaged<Context>.fromOpaque(ctx).takeUnretainedValue()
            let end = c.offset
            c.handler.endElement(String(cString: name), end: end)
            c.lastEnd = end
        }
        let onText: charactersSAXFunc = { ctx, chars, len in
            guard let ctx, let chars, len > 0 else { return }
            let c = Unmanaged<Context>.fromOpaque(ctx).takeUnretainedValue()
            let end = c.offset
            c.handler.text(UnsafeBufferPointer(start: chars, count: Int(len)), spanStart: c.lastEnd, spanEnd: end)
            c.lastEnd = end
        }
        sax.characters = onText
        sax.ignorableWhitespace = onText
        sax.cdataBlock = nil
        sax.error = nil
        sax.warning = nil
        sax.fatalError = nil
        sax.serror = nil

        let unmanaged = Unmanaged.passRetained(context)
        defer { unmanaged.release() }
        guard let parser = htmlCreatePushParserCtxt(&sax, unmanaged.toOpaque(), nil, 0, nil, XML_CHAR_ENCODING_UTF8) else { return }
        defer { htmlFreeParserCtxt(parser) }
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                            | HTML_PARSE_NONET.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)
        _ = htmlCtxtUseOptions(parser, options)
        context.parser = parser
        // Feed in slices: the C API takes an `int` length.
        bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress?.withMemoryRebound(to: CChar.self, capacity: buffer.count) { base in
                var offset = 0
                let step = 1 << 20
                repeat {
                    let n = min(step, buffer.count - offset)
                    let last = offset + n >= buffer.count
                    _ = htmlParseChunk(parser, base + offset, Int32(n), last ? 1 : 0)
                    offset += n
                } while offset < buffer.count
                if buffer.isEmpty { _ = htmlParseChunk(parser, base, 0, 1) }
            }
        }
    }
}
