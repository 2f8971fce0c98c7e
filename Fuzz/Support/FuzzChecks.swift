/// Invariants that hold for every input, checked after each fuzz run: breaking one
/// stops the fuzzer like a crash does, with the input saved.
enum FuzzChecks {
    /// The bytes libFuzzer hands over, as an array.
    static func bytes(_ data: UnsafePointer<UInt8>, _ size: Int) -> [UInt8] {
        Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// Ingests `bytes` as `format` and checks the document and diagnostics.
    @discardableResult
    static func ingest(_ bytes: [UInt8], format: Document.Format) -> Document? {
        var diagnostics: [Diagnostic] = []
        let document = ArticleIngester().ingest(bytes: bytes, format: format, displayPath: "fuzz", diagnostics: &diagnostics)
        check(diagnostics)
        if let document { check(document, byteCount: bytes.count) }
        return document
    }

    /// Every sentence and block lies inside the input, in order, with text and no NUL.
    static func check(_ document: Document, byteCount: Int) {
        precondition(document.byteCount == byteCount, "byteCount \(document.byteCount) != \(byteCount)")
        for block in document.blocks {
            check(block.range, byteCount, "block")
            precondition(!block.text.isEmpty, "empty block")
        }
        for sentence in document.sentences {
            check(sentence.range, byteCount, "sentence")
            precondition(!sentence.text.isEmpty, "empty sentence")
            precondition(!sentence.text.unicodeScalars.contains("\u{0}"), "NUL in sentence text")
            precondition(sentence.block >= 0 && sentence.block < document.blocks.count, "sentence of block \(sentence.block)")
            let first = sentence.text.unicodeScalars.first!, last = sentence.text.unicodeScalars.last!
            precondition(first != " " && last != " ", "sentence not trimmed: '\(sentence.text)'")
        }
        for excluded in document.excluded { check(excluded.range, byteCount, "excluded block") }
        _ = document.sentences.map { document.headingPath(of: $0) }
    }

    static func check(_ r: SourceRange, _ byteCount: Int, _ what: String) {
        precondition(r.start >= 0 && r.start <= r.end && r.end <= byteCount, "\(what) range \(r.start)..<\(r.end) outside 0..<\(byteCount)")
        precondition(r.line >= 1 && r.column >= 1 && r.endColumn >= 1, "\(what) position \(r.line):\(r.column)-\(r.endLine):\(r.endColumn)")
        precondition((r.line, r.column) <= (r.endLine, r.endColumn), "\(what) ends before it starts: \(r.line):\(r.column)-\(r.endLine):\(r.endColumn)")
    }

    static func check(_ diagnostics: [Diagnostic]) {
        for d in diagnostics {
            precondition(d.line >= 1 && d.column >= 1, "diagnostic \(d.id) at \(d.line):\(d.column)")
            precondition(!d.message.isEmpty && !d.id.isEmpty, "empty diagnostic")
            _ = d.formatted
        }
    }
}
