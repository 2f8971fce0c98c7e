/// The byte form of a build-cache entry, written and read by hand: every rebuild reads
/// one entry per article, and this is several times cheaper to read than `BinaryCoder`.
///
/// A checksum of the body (eight bytes), then the body: a table of the entry's distinct
/// strings, a table of its distinct heading paths (lists of string numbers), and the
/// fields in a fixed order, each string written as its number in the table. Each text is
/// read once and shared (a sentence and the evidence quoting it, the heading path of a
/// section's blocks). Integers are zigzag varints; an optional is a presence byte or,
/// for a string, its number plus one (0 for none).
extension BuildCache.Entry {
    /// The entry's bytes.
    func bytes() -> [UInt8] {
        var w = EntryWriter()
        w.string(source)
        w.optional(document != nil)
        if let document { w.document(document) }
        w.count(diagnostics.count)
        for d in diagnostics { w.diagnostic(d) }
        w.string(lexicon)
        w.optional(claims != nil)
        if let claims { w.claims(claims) }
        return w.finished()
    }

    /// Reads an entry written by `bytes()`; nil when the bytes are truncated, malformed or
    /// fail their checksum.
    init?(bytes: ArraySlice<UInt8>) {
        let decoded: BuildCache.Entry? = bytes.withUnsafeBufferPointer { buffer in
            guard buffer.count >= 8 else { return nil }
            let stored = UnsafeRawBufferPointer(buffer).loadUnaligned(as: UInt64.self)
            let body = UnsafeBufferPointer(rebasing: buffer[8...])
            guard UInt64(littleEndian: stored) == EntryChecksum.of(body) else { return nil }
            var r = EntryReader(ByteReader(buffer: body))
            guard r.tables(), let source = r.string(), let hasDocument = r.flag() else { return nil }
            var document: Document?
            if hasDocument {
                guard let d = r.document() else { return nil }
                document = d
            }
            guard let n = r.count() else { return nil }
            var diagnostics: [Diagnostic] = []
            diagnostics.reserveCapacity(n)
            for _ in 0..<n {
                guard let d = r.diagnostic() else { return nil }
                diagnostics.append(d)
            }
            guard let lexicon = r.string(), let hasClaims = r.flag() else { return nil }
            var claims: DocumentClaims?
            if hasClaims {
                guard let c = r.claims() else { return nil }
                claims = c
            }
            guard r.input.atEnd else { return nil }
            return BuildCache.Entry(source: source, document: document, diagnostics: diagnostics, lexicon: lexicon, claims: claims)
        }
        guard let decoded else { return nil }
        self = decoded
    }
}

/// A 64-bit checksum of an entry's body, eight bytes at a time (a damaged entry must not
/// be trusted, and hashing byte by byte would cost as much as reading it).
private enum EntryChecksum {
    static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0x243F_6A88_85A3_08D3 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return h }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= bytes.count {
            h = step(h, UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
            i += 8
        }
        var tail: UInt64 = 0
        for k in i..<bytes.count { tail |= UInt64(bytes[k]) << UInt64(8 * (k - i)) }
        return step(step(h, tail), UInt64(bytes.count))
    }

    @inline(__always)
    private static func step(_ h: UInt64, _ word: UInt64) -> UInt64 {
        let m = (h ^ word) &* 0x9FB2_1C65_1E98_DF25
        return (m << 29 | m >> 35) &* 0x100_0000_01b3
    }
}

/// Writes an entry's body, collecting its strings and heading paths into tables.
private struct EntryWriter {
    private var body = ByteWriter()
    private var table: [String] = []
    private var stringNumbers: [String: Int] = [:]
    private var paths: [[Int]] = []
    private var pathNumbers: [[String]: Int] = [:]

    /// The checksum, the tables and the body.
    func finished() -> [UInt8] {
        var head = ByteWriter()
        head.int(table.count)
        for s in table { head.string(s) }
        head.int(paths.count)
        for p in paths { head.ints(p) }
        let all = head.bytes + body.bytes
        let sum = all.withUnsafeBufferPointer { EntryChecksum.of($0) }
        return withUnsafeBytes(of: sum.littleEndian) { Array($0) } + all
    }

    /// The number of `s` in the table. Strings equal as `String`s (canonically equivalent)
    /// share a number only when their UTF-8 is the same too: the entry keeps exact bytes.
    mutating func number(_ s: String) -> Int {
        if let n = stringNumbers[s] {
            if table[n].utf8.elementsEqual(s.utf8) { return n }
            table.append(s)
            return table.count - 1
        }
        table.append(s)
        stringNumbers[s] = table.count - 1
        return table.count - 1
    }

    mutating func string(_ s: String) { body.int(number(s)) }

    mutating func string(_ s: String?) { body.int(s.map { number($0) + 1 } ?? 0) }

    mutating func strings(_ list: [String]) {
        count(list.count)
        for s in list { string(s) }
    }

    mutating func path(_ p: [String]) {
        let numbers = p.map { number($0) }
        if let n = pathNumbers[p], paths[n] == numbers { return body.int(n) }
        paths.append(numbers)
        if pathNumbers[p] == nil { pathNumbers[p] = paths.count - 1 }
        body.int(paths.count - 1)
    }

    /// A count, as a plain varint (what `EntryReader.count()` reads).
    mutating func count(_ n: Int) { body.int(n) }

    /// A value of the model, as a zigzag varint (negative values are kept).
    mutating func int(_ v: Int) {
        let s = Int64(v)
        body.varint(UInt64(bitPattern: (s << 1) ^ (s >> 63)))
    }

    mutating func optional(_ present: Bool) { body.bytes.append(present ? 1 : 0) }

    mutating func range(_ r: SourceRange) {
        for v in [r.line, r.column, r.endLine, r.endColumn, r.start, r.end] { int(v) }
    }

    mutating func document(_ d: Document) {
        string(d.source)
        string(d.format.rawValue)
        let m = d.metadata
        for field in [m.title, m.author, m.publisher, m.date, m.url, m.language, m.kind] { string(field) }
        count(m.extra.count)
        for (k, v) in m.extra.sorted(by: { $0.key < $1.key }) { string(k); string(v) }
        count(d.blocks.count)
        for b in d.blocks {
            string(b.kind.rawValue); int(b.level); string(b.text); range(b.range); path(b.headingPath)
        }
        count(d.sentences.count)
        for s in d.sentences { string(s.text); range(s.range); int(s.block) }
        count(d.excluded.count)
        for e in d.excluded {
            string(e.reason.rawValue); string(e.text); range(e.range)
            optional(e.firstLine != nil)
            if let line = e.firstLine { int(line) }
        }
        int(d.byteCount)
        string(d.contentHash)
    }

    mutating func diagnostic(_ d: Diagnostic) {
        string(d.id); string(d.severity.rawValue); string(d.file); int(d.line); int(d.column); string(d.message)
    }

    mutating func claims(_ c: DocumentClaims) {
        count(c.claims.count)
        for claim in c.claims {
            string(claim.subject); string(claim.relation.rawValue); string(claim.object)
            count(claim.evidence.count)
            for e in claim.evidence {
                string(e.source); int(e.sentence); string(e.text)
                int(e.line); int(e.column); int(e.start); int(e.end); path(e.headingPath)
                string(e.polarity.rawValue); string(e.certainty.rawValue); string(e.attribution); string(e.rule)
            }
        }
        count(c.discovered.count)
        for e in c.discovered {
            string(e.id); string(e.kind.rawValue); string(e.name); strings(e.aliases); string(e.description)
            strings(e.parents); strings(e.targets); string(e.subtype); optional(e.discovered)
        }
    }
}

/// Reads an entry's body; every read is checked and gives nil on bad bytes.
private struct EntryReader {
    var input: ByteReader
    private var table: [String] = []
    private var paths: [[String]] = []

    init(_ input: ByteReader) { self.input = input }

    /// Reads the string and heading-path tables.
    mutating func tables() -> Bool {
        guard let n = input.count() else { return false }
        table.reserveCapacity(n)
        for _ in 0..<n {
            guard let s = input.string() else { return false }
            table.append(s)
        }
        guard let p = input.count() else { return false }
        paths.reserveCapacity(p)
        for _ in 0..<p {
            guard let numbers = input.ints() else { return false }
            var path: [String] = []
            path.reserveCapacity(numbers.count)
            for k in numbers {
                guard k < table.count else { return false }
                path.append(table[k])
            }
            paths.append(path)
        }
        return true
    }

    mutating func count() -> Int? { input.count() }

    mutating func string() -> String? {
        guard let n = input.int(), n < table.count else { return nil }
        return table[n]
    }

    /// An optional string: nil inside when absent, nil outside when malformed.
    mutating func optionalString() -> String?? {
        guard let n = input.int(), n <= table.count else { return nil }
        return .some(n == 0 ? nil : table[n - 1])
    }

    mutating func strings() -> [String]? {
        guard let n = input.count() else { return nil }
        var out: [String] = []
        out.reserveCapacity(n)
        for _ in 0..<n {
            guard let s = string() else { return nil }
            out.append(s)
        }
        return out
    }

    mutating func path() -> [String]? {
        guard let n = input.int(), n < paths.count else { return nil }
        return paths[n]
    }

    mutating func int() -> Int? {
        guard let u = input.varint() else { return nil }
        return Int(Int64(bitPattern: (u >> 1) ^ (0 &- (u & 1))))
    }

    mutating func flag() -> Bool? {
        switch input.byte() {
        case 0: false
        case 1: true
        default: nil
        }
    }

    mutating func value<T: RawRepresentable>(_ type: T.Type) -> T? where T.RawValue == String {
        string().flatMap(T.init(rawValue:))
    }

    mutating func range() -> SourceRange? {
        guard let line = int(), let column = int(), let endLine = int(), let endColumn = int(), let start = int(), let end = int() else { return nil }
        return SourceRange(line: line, column: column, endLine: endLine, endColumn: endColumn, start: start, end: end)
    }

    mutating func document() -> Document? {
        guard let source = string(), let format = value(Document.Format.self),
              let title = optionalString(), let author = optionalString(), let publisher = optionalString(), let date = optionalString(),
              let url = optionalString(), let language = optionalString(), let kind = optionalString(), let extraCount = count() else { return nil }
        var extra: [String: String] = [:]
        for _ in 0..<extraCount {
            guard let k = string(), let v = string() else { return nil }
            extra[k] = v
        }
        let metadata = SourceMetadata(title: title, author: author, publisher: publisher, date: date, url: url, language: language,
                                      kind: kind, extra: extra)
        guard let blockCount = count() else { return nil }
        var blocks: [Block] = []
        blocks.reserveCapacity(blockCount)
        for _ in 0..<blockCount {
            guard let kind = value(Block.Kind.self), let level = int(), let text = string(), let range = range(), let path = path() else { return nil }
            blocks.append(Block(kind: kind, level: level, text: text, range: range, headingPath: path))
        }
        guard let sentenceCount = count() else { return nil }
        var sentences: [Sentence] = []
        sentences.reserveCapacity(sentenceCount)
        for _ in 0..<sentenceCount {
            // A sentence names its block by index: one out of range would trap later.
            guard let text = string(), let range = range(), let block = int(), blocks.indices.contains(block) else { return nil }
            sentences.append(Sentence(text: text, range: range, block: block))
        }
        guard let excludedCount = count() else { return nil }
        var excluded: [ExcludedBlock] = []
        excluded.reserveCapacity(excludedCount)
        for _ in 0..<excludedCount {
            guard let reason = value(ExcludedBlock.Reason.self), let text = string(), let range = range(), let hasLine = flag() else { return nil }
            var firstLine: Int?
            if hasLine {
                guard let line = int() else { return nil }
                firstLine = line
            }
            excluded.append(ExcludedBlock(reason: reason, text: text, range: range, firstLine: firstLine))
        }
        guard let byteCount = int(), let contentHash = string() else { return nil }
        return Document(source: source, format: format, metadata: metadata, blocks: blocks, sentences: sentences, excluded: excluded,
                        byteCount: byteCount, contentHash: contentHash)
    }

    mutating func diagnostic() -> Diagnostic? {
        guard let id = string(), let severity = value(Diagnostic.Severity.self), let file = string(), let line = int(), let column = int(),
              let message = string() else { return nil }
        return Diagnostic(id: id, severity: severity, file: file, line: line, column: column, message: message)
    }

    mutating func claims() -> DocumentClaims? {
        guard let claimCount = count() else { return nil }
        var claims: [Claim] = []
        claims.reserveCapacity(claimCount)
        for _ in 0..<claimCount {
            guard let subject = string(), let relation = value(Relation.self), let object = string(), let n = count() else { return nil }
            var evidence: [Evidence] = []
            evidence.reserveCapacity(n)
            for _ in 0..<n {
                guard let source = string(), let sentence = int(), let text = string(), let line = int(), let column = int(),
                      let start = int(), let end = int(), let headingPath = path(), let polarity = value(Polarity.self),
                      let certainty = value(Certainty.self), let attribution = optionalString(), let rule = string() else { return nil }
                evidence.append(Evidence(source: source, sentence: sentence, text: text, line: line, column: column, start: start, end: end,
                                         headingPath: headingPath, polarity: polarity, certainty: certainty, attribution: attribution, rule: rule))
            }
            claims.append(Claim(subject: subject, relation: relation, object: object, evidence: evidence))
        }
        guard let entityCount = count() else { return nil }
        var discovered: [Entity] = []
        discovered.reserveCapacity(entityCount)
        for _ in 0..<entityCount {
            guard let id = string(), let kind = value(EntityKind.self), let name = string(), let aliases = strings(),
                  let description = string(), let parents = strings(), let targets = strings(), let subtype = optionalString(),
                  let flag = flag() else { return nil }
            discovered.append(Entity(id: id, kind: kind, name: name, aliases: aliases, description: description, parents: parents,
                                     targets: targets, subtype: subtype, discovered: flag))
        }
        return DocumentClaims(claims: claims, discovered: discovered)
    }
}
