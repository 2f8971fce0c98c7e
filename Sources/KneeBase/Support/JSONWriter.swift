/// A fast, append-only JSON text builder for large outputs (documents, graphs),
/// producing compact, deterministic UTF-8.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    private var needsComma: [Bool] = [false]

    init(capacity: Int = 1 << 16) { bytes.reserveCapacity(capacity) }

    /// How much a streaming writer buffers before draining.
    static let chunk = 1 << 20

    /// Once `bytes` holds at least `threshold` bytes, hands them to `sink` and empties
    /// the buffer (the nesting state is kept), so a large file can be streamed out.
    mutating func drain(over threshold: Int = 0, to sink: ([UInt8]) throws -> Void) rethrows {
        guard bytes.count >= threshold, !bytes.isEmpty else { return }
        try sink(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    mutating func beginObject() { value(); bytes.append(UInt8(ascii: "{")); needsComma.append(false) }
    mutating func endObject() { needsComma.removeLast(); bytes.append(UInt8(ascii: "}")) }
    mutating func beginArray() { value(); bytes.append(UInt8(ascii: "[")); needsComma.append(false) }
    mutating func endArray() { needsComma.removeLast(); bytes.append(UInt8(ascii: "]")) }

    /// Writes an object key; the next call writes its value.
    mutating func key(_ k: String) {
        separate()
        string(raw: k)
        bytes.append(UInt8(ascii: ":"))
        pendingKey = true
    }

    private var pendingKey = false

    mutating func string(_ s: String) { value(); string(raw: s) }
    mutating func string(_ s: String?) { if let s { string(s) } else { null() } }
    mutating func int(_ i: Int) { value(); bytes.append(contentsOf: String(i).utf8) }
    mutating func double(_ d: Double) {
        value()
        if d.isFinite { bytes.append(contentsOf: (d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)).utf8) }
        else { bytes.append(contentsOf: "null".utf8) }
    }
    mutating func bool(_ b: Bool) { value(); bytes.append(contentsOf: (b ? "true" : "false").utf8) }
    mutating func null() { value(); bytes.append(contentsOf: "null".utf8) }
    mutating func strings(_ list: [String]) { beginArray(); for s in list { string(s) }; endArray() }
    /// Writes `json`, one complete value already encoded (by this writer, earlier), as it is.
    mutating func raw(_ json: UnsafeRawBufferPointer) { value(); bytes.append(contentsOf: json) }

    private mutating func value() {
        if pendingKey { pendingKey = false; return }
        separate()
    }

    private mutating func separate() {
        if needsComma[needsComma.count - 1] { bytes.append(UInt8(ascii: ",")) }
        needsComma[needsComma.count - 1] = true
    }

    /// Copies runs of plain bytes whole and escapes the rest: quote, backslash and control characters.
    private mutating func string(raw s: String) {
        bytes.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { utf8 in
            var start = 0
            for i in utf8.indices {
                let b = utf8[i]
                guard b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i]))
                escape(b)
                start = i + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func escape(_ b: UInt8) {
        switch b {
        case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, 0x22])
        case UInt8(ascii: "\\"): bytes.append(contentsOf: [0x5C, 0x5C])
        case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
        case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
        case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
        default:
            let hex = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]])
        }
    }
}
