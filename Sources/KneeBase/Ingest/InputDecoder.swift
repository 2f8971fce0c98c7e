/// Turns a file's raw bytes into clean UTF-8, honouring a byte-order mark and an HTML
/// page's declared charset, and keeps a map back to the original byte offsets.
struct InputDecoder {
    struct Decoded: Sendable {
        var bytes: [UInt8]
        /// Original byte offset of each decoded byte (plus one past the end); nil when identical.
        var originalOffsets: [Int]?
        var encoding: String
        /// Number of byte sequences that were not valid in the encoding (replaced by U+FFFD).
        var invalidSequences: Int
    }

    /// Decodes `raw`; `html` enables sniffing of `<meta charset>`.
    static func decode(_ raw: [UInt8], html: Bool) -> Decoded {
        if raw.starts(with: [0xFF, 0xFE]) { return utf16(raw, from: 2, bigEndian: false) }
        if raw.starts(with: [0xFE, 0xFF]) { return utf16(raw, from: 2, bigEndian: true) }
        if html, !raw.starts(with: [0xEF, 0xBB, 0xBF]), let declared = declaredCharset(raw),
           ["iso-8859-1", "latin1", "latin-1", "windows-1252", "cp1252", "us-ascii", "ascii", "iso-8859-15"].contains(declared) {
            return singleByte(raw, windows1252: declared != "iso-8859-1" && declared != "latin1" && declared != "latin-1")
        }
        return utf8(raw)
    }

    /// Validates UTF-8, replacing each invalid byte by U+FFFD.
    private static func utf8(_ raw: [UInt8]) -> Decoded {
        var invalid = 0
        var firstInvalid = -1
        raw.withUnsafeBufferPointer { b in
            var i = 0
            while i < b.count {
                i = skipASCII(b, from: i)
                guard i < b.count else { break }
                let n = validLength(b, i)
                if n == 0 { invalid += 1; if firstInvalid < 0 { firstInvalid = i }; i += 1 } else { i += n }
            }
        }
        guard invalid > 0 else { return Decoded(bytes: raw, originalOffsets: nil, encoding: "utf-8", invalidSequences: 0) }
        var out: [UInt8] = []
        var map: [Int] = []
        out.reserveCapacity(raw.count + invalid * 2)
        map.reserveCapacity(raw.count + invalid * 2)
        raw.withUnsafeBufferPointer { b in
            var i = 0
            while i < b.count {
                let n = validLength(b, i)
                if n == 0 {
                    out.append(contentsOf: [0xEF, 0xBF, 0xBD]); map.append(contentsOf: [i, i, i]); i += 1
                } else {
                    for k in 0..<n { out.append(b[i + k]); map.append(i + k) }
                    i += n
                }
            }
        }
        map.append(raw.count)
        return Decoded(bytes: out, originalOffsets: map, encoding: "utf-8", invalidSequences: invalid)
    }

    /// The first offset from `i` on that does not start eight ASCII bytes without NUL
    /// (all of which are valid UTF-8 on their own), read eight bytes at a time.
    static func skipASCII(_ b: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
        guard let base = UnsafeRawPointer(b.baseAddress) else { return i }
        var i = i
        let high: UInt64 = 0x8080_8080_8080_8080
        while i + 8 <= b.count {
            let w = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            // No byte with its high bit set, and no zero byte.
            guard w & high == 0, (w &- 0x0101_0101_0101_0101) & ~w & high == 0 else { break }
            i += 8
        }
        return i
    }

    /// Length of the valid UTF-8 sequence at `i`, or 0 when the bytes there are invalid.
    static func validLength(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let c = b[i]
        if c < 0x80 { return c == 0 ? 0 : 1 }
        let n: Int
        switch c {
        case 0xC2...0xDF: n = 2
        case 0xE0...0xEF: n = 3
        case 0xF0...0xF4: n = 4
        default: return 0
        }
        guard i + n <= b.count else { return 0 }
        for k in 1..<n where b[i + k] & 0xC0 != 0x80 { return 0 }
        if c == 0xE0 && b[i + 1] < 0xA0 { return 0 }
        if c == 0xED && b[i + 1] > 0x9F { return 0 }
        if c == 0xF0 && b[i + 1] < 0x90 { return 0 }
        if c == 0xF4 && b[i + 1] > 0x8F { return 0 }
        return n
    }

    private static let cp1252: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]

    private static func singleByte(_ raw: [UInt8], windows1252: Bool) -> Decoded {
        var out: [UInt8] = []
        var map: [Int] = []
        out.reserveCapacity(raw.count)
        map.reserveCapacity(raw.count)
        for (i, c) in raw.enumerated() {
            let scalar: UInt32 = (windows1252 && (0x80...0x9F).contains(c)) ? cp1252[Int(c - 0x80)] : UInt32(c)
            let before = out.count
            appendUTF8(scalar == 0 ? 0xFFFD : scalar, to: &out)
            for _ in before..<out.count { map.append(i) }
        }
        map.append(raw.count)
        return Decoded(bytes: out, originalOffsets: map, encoding: windows1252 ? "windows-1252" : "iso-8859-1", invalidSequences: 0)
    }

    private static func utf16(_ raw: [UInt8], from start: Int, bigEndian: Bool) -> Decoded {
        var out: [UInt8] = []
        var map: [Int] = Array(repeating: 0, count: start > 0 ? 0 : 0)
        var invalid = 0
        var i = start
        func unit(_ at: Int) -> UInt32 {
            bigEndian ? UInt32(raw[at]) << 8 | UInt32(raw[at + 1]) : UInt32(raw[at + 1]) << 8 | UInt32(raw[at])
        }
        while i + 1 < raw.count {
            var scalar = unit(i)
            var width = 2
            if (0xD800...0xDBFF).contains(scalar), i + 3 < raw.count, (0xDC00...0xDFFF).contains(unit(i + 2)) {
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (unit(i + 2) - 0xDC00)
                width = 4
            } else if (0xD800...0xDFFF).contains(scalar) || scalar == 0 {
                scalar = 0xFFFD
                invalid += 1
            }
            let before = out.count
            appendUTF8(scalar, to: &out)
            for _ in before..<out.count { map.append(i) }
            i += width
        }
        map.append(raw.count)
        return Decoded(bytes: out, originalOffsets: map, encoding: bigEndian ? "utf-16be" : "utf-16le", invalidSequences: invalid)
    }

    private static func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
        switch scalar {
        case ..<0x80: out.append(UInt8(scalar))
        case ..<0x800: out.append(contentsOf: [UInt8(0xC0 | scalar >> 6), UInt8(0x80 | scalar & 0x3F)])
        case ..<0x10000: out.append(contentsOf: [UInt8(0xE0 | scalar >> 12), UInt8(0x80 | (scalar >> 6) & 0x3F), UInt8(0x80 | scalar & 0x3F)])
        default: out.append(contentsOf: [UInt8(0xF0 | scalar >> 18), UInt8(0x80 | (scalar >> 12) & 0x3F), UInt8(0x80 | (scalar >> 6) & 0x3F), UInt8(0x80 | scalar & 0x3F)])
        }
    }

    /// The charset an HTML page declares in its first 4 KB, lower-cased.
    static func declaredCharset(_ raw: [UInt8]) -> String? {
        let head = raw.prefix(4096)
        let key = Array("charset=".utf8)
        func lower(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b + 32 : b }
        guard let at = head.indices.first(where: { i in
            i + key.count <= head.endIndex && key.indices.allSatisfy { lower(head[i + $0]) == key[$0] }
        }) else { return nil }
        var i = at + key.count
        while i < head.endIndex, head[i] == UInt8(ascii: "\"") || head[i] == UInt8(ascii: "'") || head[i] == 0x20 { i += 1 }
        var name: [UInt8] = []
        while i < head.endIndex {
            let b = lower(head[i])
            // Past ASCII, letters and marks need Unicode's rules: read the name as characters.
            if b >= 0x80 { return declaredCharsetByCharacters(raw) }
            guard (b >= 97 && b <= 122) || (b >= 48 && b <= 57) || b == UInt8(ascii: "-") || b == UInt8(ascii: "_") else { break }
            name.append(b)
            i += 1
        }
        return name.isEmpty ? nil : String(decoding: name, as: UTF8.self)
    }

    /// `declaredCharset` read by characters, for names with non-ASCII characters.
    private static func declaredCharsetByCharacters(_ raw: [UInt8]) -> String? {
        let head = String(decoding: raw.prefix(4096), as: UTF8.self).lowercased()
        guard let r = head.range(of: "charset=") else { return nil }
        var name = ""
        for ch in head[r.upperBound...].drop(while: { $0 == "\"" || $0 == "'" || $0 == " " }) {
            if ch.isLetter || ch.isNumber || ch == "-" || ch == "_" { name.append(ch) } else { break }
        }
        return name.isEmpty ? nil : name
    }
}
