import CLibXML2
import Glibc

/// Receives the events of `LibXMLHTMLParser`, with byte offsets into the parsed bytes.
/// Names and attributes are read in place, valid only during the call.
protocol HTMLEventHandler: AnyObject {
    /// An element opens; `end` is the offset just past its start tag.
    func startElement(_ name: HTMLName, attributes: HTMLAttributes, end: Int)
    /// An element closes (explicitly or implied); `end` is the current offset.
    func endElement(_ name: HTMLName, end: Int)
    /// Text; `spanStart..<spanEnd` is the part of the source it was read from.
    func text(_ bytes: UnsafeBufferPointer<UInt8>, spanStart: Int, spanEnd: Int)
}

/// An element name as libxml2 reports it (ASCII, lower case), packed into two words
/// when it has at most 16 bytes, so that names are compared without making strings.
struct HTMLName: Hashable {
    /// The name's bytes, little-endian, zero-padded (names of up to 16 bytes).
    var low: UInt64 = 0
    var high: UInt64 = 0
    var count: Int
    /// Longer names, as a string.
    var long: String? = nil

    init(_ name: UnsafePointer<UInt8>) {
        count = cStringLength(name)
        if count > 16 {
            long = String(cString: name)
            return
        }
        for i in 0..<count {
            let b = UInt64(name[i])
            if i < 8 { low |= b << (8 * UInt64(i)) } else { high |= b << (8 * UInt64(i - 8)) }
        }
    }

    /// The name of an ASCII literal (for tables and tests).
    init(literal: StaticString) {
        self.init(literal.utf8Start)
    }

    /// The name as a string (as `String(cString:)` reads it).
    var string: String {
        if let long { return long }
        return withUnsafeBytes(of: (low, high)) { String(decoding: $0.prefix(count), as: UTF8.self) }
    }
}

/// An element's attributes as libxml2 hands them over: name and value C strings in
/// pairs (a value is nil for an attribute written without one), read in place.
struct HTMLAttributes {
    fileprivate var pairs: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?

    /// One attribute: its name and its value, nil when written without one.
    struct Attribute {
        var name: UnsafePointer<UInt8>
        var value: UnsafePointer<UInt8>?

        /// The value's bytes (none when it has no value).
        var bytes: UnsafeBufferPointer<UInt8> {
            guard let value else { return UnsafeBufferPointer(start: nil, count: 0) }
            return UnsafeBufferPointer(start: value, count: cStringLength(value))
        }

        /// The value as a string ("" when it has none), as `String(cString:)` reads it.
        var string: String { value.map { String(cString: $0) } ?? "" }

        /// Whether the attribute's name is `literal` (ASCII).
        func isNamed(_ literal: StaticString) -> Bool { cStringsEqual(name, literal.utf8Start) }
    }

    /// The attributes in document order.
    func forEach(_ body: (Attribute) -> Void) {
        guard var p = pairs else { return }
        while let key = p.pointee {
            body(Attribute(name: key, value: p.advanced(by: 1).pointee))
            p = p.advanced(by: 2)
        }
    }

    /// The first attribute named `literal`, nil when there is none.
    func first(_ literal: StaticString) -> Attribute? {
        guard var p = pairs else { return nil }
        while let key = p.pointee {
            if cStringsEqual(key, literal.utf8Start) { return Attribute(name: key, value: p.advanced(by: 1).pointee) }
            p = p.advanced(by: 2)
        }
        return nil
    }

    /// Whether some attribute passes `test`.
    func contains(where test: (Attribute) -> Bool) -> Bool {
        guard var p = pairs else { return false }
        while let key = p.pointee {
            if test(Attribute(name: key, value: p.advanced(by: 1).pointee)) { return true }
            p = p.advanced(by: 2)
        }
        return false
    }
}

/// The number of bytes before the NUL that ends `s`.
func cStringLength(_ s: UnsafePointer<UInt8>) -> Int {
    strlen(UnsafeRawPointer(s).assumingMemoryBound(to: CChar.self))
}

/// Whether two NUL-terminated byte strings are equal.
func cStringsEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>) -> Bool {
    var i = 0
    while a[i] == b[i] {
        if a[i] == 0 { return true }
        i += 1
    }
    return false
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
            let end = c.offset
            c.handler.startElement(HTMLName(name), attributes: HTMLAttributes(pairs: attrs), end: end)
            c.lastEnd = end
        }
        sax.endElement = { ctx, name in
            guard let ctx, let name else { return }
            let c = Unmanaged<Context>.fromOpaque(ctx).takeUnretainedValue()
            let end = c.offset
            c.handler.endElement(HTMLName(name), end: end)
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
