/// A compact byte form of `SentenceAnalysis` for the build cache, written and read by
/// hand: decoding tens of thousands of sentences through `Codable` took longer than
/// analysing them again. Integers are LEB128 varints, strings a varint length and UTF-8.
extension SentenceAnalysis {
    /// The analysis as bytes.
    func bytes() -> [UInt8] {
        var w = AnalysisBytesWriter()
        w.strings(headings)
        w.ints(headingTokens)
        w.ints(sentenceHeadings)
        w.strings(bodies)
        w.int(mentions.count)
        for m in mentions { w.strings(m) }
        w.int(bodyTokens)
        w.strings(words)
        w.strings(wordStems)
        w.ints(wordCounts)
        w.strings(terms)
        w.ints(termSentences)
        return w.bytes
    }

    /// Reads an analysis written by `bytes()`; nil when the bytes are truncated or malformed.
    init?(bytes: ArraySlice<UInt8>) {
        let decoded: SentenceAnalysis? = bytes.withUnsafeBufferPointer { buffer in
            var r = AnalysisBytesReader(buffer: buffer)
            var a = SentenceAnalysis()
            guard let headings = r.strings(), let headingTokens = r.ints(), let sentenceHeadings = r.ints(),
                  let bodies = r.strings(), let mentionCount = r.count() else { return nil }
            var mentions: [[String]] = []
            mentions.reserveCapacity(mentionCount)
            for _ in 0..<mentionCount {
                guard let m = r.strings() else { return nil }
                mentions.append(m)
            }
            guard let bodyTokens = r.int(), let words = r.strings(), let wordStems = r.strings(), let wordCounts = r.ints(),
                  let terms = r.strings(), let termSentences = r.ints(), r.atEnd else { return nil }
            // The parallel arrays must line up, and every heading index must be in range.
            guard headingTokens.count == headings.count, sentenceHeadings.count == bodies.count, mentions.count == bodies.count,
                  sentenceHeadings.allSatisfy({ $0 < headings.count }), wordStems.count == words.count,
                  wordCounts.count == words.count, termSentences.count == terms.count else { return nil }
            a.headings = headings
            a.headingTokens = headingTokens
            a.sentenceHeadings = sentenceHeadings
            a.bodies = bodies
            a.mentions = mentions
            a.bodyTokens = bodyTokens
            a.words = words
            a.wordStems = wordStems
            a.wordCounts = wordCounts
            a.terms = terms
            a.termSentences = termSentences
            return a
        }
        guard let decoded else { return nil }
        self = decoded
    }
}

/// Appends varints and strings to a byte array.
struct AnalysisBytesWriter {
    private(set) var bytes: [UInt8] = []

    mutating func int(_ value: Int) {
        var v = UInt64(max(0, value))
        while v >= 0x80 {
            bytes.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { utf8 in
            int(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func append(_ raw: ArraySlice<UInt8>) { bytes.append(contentsOf: raw) }

    mutating func ints(_ list: [Int]) {
        int(list.count)
        for v in list { int(v) }
    }

    mutating func strings(_ list: [String]) {
        int(list.count)
        for s in list { string(s) }
    }
}

/// Reads what `AnalysisBytesWriter` wrote; every read returns nil past the end or on a malformed value.
struct AnalysisBytesReader {
    let buffer: UnsafeBufferPointer<UInt8>
    private(set) var offset = 0

    init(buffer: UnsafeBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    var atEnd: Bool { offset == buffer.count }

    /// Moves past `n` bytes (at most the bytes left).
    mutating func skip(_ n: Int) { offset = min(buffer.count, offset + n) }

    mutating func int() -> Int? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while offset < buffer.count, shift < 63 {
            let b = buffer[offset]
            offset += 1
            value |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return value <= UInt64(Int.max) ? Int(value) : nil }
            shift += 7
        }
        return nil
    }

    /// A count of items that follow, each at least one byte long: never more than the bytes left.
    mutating func count() -> Int? {
        guard let n = int(), n <= buffer.count - offset else { return nil }
        return n
    }

    mutating func string() -> String? {
        guard let n = count() else { return nil }
        let s = String(decoding: UnsafeBufferPointer(rebasing: buffer[offset..<offset + n]), as: UTF8.self)
        offset += n
        return s
    }

    mutating func ints() -> [Int]? { list { $0.int() } }

    mutating func strings() -> [String]? { list { $0.string() } }

    /// A count and that many items read by `item`; nil when any of them cannot be read.
    private mutating func list<T>(_ item: (inout Self) -> T?) -> [T]? {
        guard let n = count() else { return nil }
        var out: [T] = []
        out.reserveCapacity(n)
        for _ in 0..<n {
            guard let v = item(&self) else { return nil }
            out.append(v)
        }
        return out
    }
}
