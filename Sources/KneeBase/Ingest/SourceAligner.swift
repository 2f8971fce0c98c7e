import Glibc

/// Finds decoded text pieces again in the original bytes, moving forward through a
/// span, so that text with markup removed keeps exact source positions.
///
/// A piece found verbatim maps byte for byte; where markup or an escape intervenes,
/// the piece is matched scalar by scalar; a scalar that is not in the source at all
/// (a decoded entity) maps to the place it stood in: the `&…;` reference there, if any.
///
/// The work is linear in the span whatever the input: searches run in linear time,
/// and pieces that are not found whole — each of which costs a scan to the end of
/// the span — are looked for near the cursor only once they have scanned four times
/// the span.
struct SourceAligner {
    let source: UnsafeBufferPointer<UInt8>
    var cursor: Int
    var limit: Int
    /// Bytes that failed whole-piece searches may still scan.
    private var missBudget: Int

    /// How far to look ahead for one scalar when a piece is not found whole.
    private let scalarWindow = 256

    init(source: UnsafeBufferPointer<UInt8>, start: Int, limit: Int) {
        self.source = source
        self.cursor = max(0, min(start, source.count))
        self.limit = max(self.cursor, min(limit, source.count))
        self.missBudget = 4 * (self.limit - self.cursor) + 65_536
    }

    /// Appends the piece `p` to `text`, mapped to where it is found after the cursor.
    mutating func align(_ p: UnsafeBufferPointer<UInt8>, into text: inout MappedText) {
        let to = missBudget > 0 ? limit : min(limit, cursor + p.count + scalarWindow)
        if let at = find(p, from: cursor, to: to) {
            text.append(exact: p, sourceStart: at)
            cursor = at + p.count
            return
        }
        missBudget -= to - cursor
        var i = 0
        while i < p.count {
            let width = MappedText.scalarWidth(p[i])
            let end = min(p.count, i + width)
            let scalar = UnsafeBufferPointer(rebasing: p[i..<end])
            if MappedText.isSpace(p[i]) {
                text.appendBreak(at: cursor)
            } else if let at = find(scalar, from: cursor, to: min(limit, cursor + scalarWindow)) {
                text.append(exact: scalar, sourceStart: at)
                cursor = at + scalar.count
            } else if let reference = characterReference(at: cursor) {
                text.append(decoded: Array(scalar), sourceStart: reference.lowerBound, sourceEnd: reference.upperBound)
                cursor = reference.upperBound
            } else {
                text.append(decoded: Array(scalar), sourceStart: cursor, sourceEnd: min(limit, cursor + 1))
            }
            i = end
        }
    }

    /// The `&name;` or `&#…;` reference that starts at `at` (or, past markup, a few bytes later).
    private func characterReference(at: Int) -> Range<Int>? {
        var a = at
        while a < min(limit, at + 8), source[a] != UInt8(ascii: "&") { a += 1 }
        guard a < limit, source[a] == UInt8(ascii: "&") else { return nil }
        var e = a + 1
        while e < min(limit, a + 34) {
            let c = source[e]
            if c == UInt8(ascii: ";") { return e > a + 1 ? a..<(e + 1) : nil }
            guard c == UInt8(ascii: "#") || (c >= 48 && c <= 57) || (c | 0x20 >= 97 && c | 0x20 <= 122) else { return nil }
            e += 1
        }
        return nil
    }

    /// Places starting with the needle's first byte that `find` compares whole before it
    /// turns to Knuth–Morris–Pratt (each costs at most one compare of the needle).
    private static let nearCandidates = 4

    /// First offset in `from..<to` where `needle` occurs. Knuth–Morris–Pratt after the
    /// first few candidates: linear in the span and the needle, even for needles like
    /// "aaa…ab" in "aaa…a".
    private func find(_ needle: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
        let n = needle.count
        guard n > 0, to - from >= n else { return nil }
        let base = source.baseAddress!, first = needle[0]
        if memcmp(base + from, needle.baseAddress!, n) == 0 { return from }  // the usual case
        if n == 1 { return (from..<to).first { source[$0] == first } }
        // Next most usual: the piece starts a little further on, past markup (`**`, `[`, a tag).
        // The first `nearCandidates` places that start with its first byte are tried
        // whole (memchr, memcmp); no later match can come before them.
        var scanned = from
        for _ in 0..<Self.nearCandidates {
            guard to - scanned >= n, let hit = memchr(base + scanned, Int32(first), to - scanned - n + 1) else { return nil }
            let at = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
            if memcmp(base + at, needle.baseAddress!, n) == 0 { return at }
            scanned = at + 1
        }
        var fail = [Int](repeating: 0, count: n)
        var k = 0
        for q in 1..<n {
            while k > 0 && needle[q] != needle[k] { k = fail[k - 1] }
            if needle[q] == needle[k] { k += 1 }
            fail[q] = k
        }
        var matched = 0
        for i in scanned..<to {
            let c = source[i]
            while matched > 0 && c != needle[matched] { matched = fail[matched - 1] }
            if c == needle[matched] { matched += 1 }
            if matched == n { return i - n + 1 }
        }
        return nil
    }
}

extension MappedText {
    /// Length of the UTF-8 sequence that starts with `lead` (1 for a stray byte).
    static func scalarWidth(_ lead: UInt8) -> Int {
        switch lead {
        case 0xF0...: 4
        case 0xE0...: 3
        case 0xC0...: 2
        default: 1
        }
    }
}
