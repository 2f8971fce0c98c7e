/// Turns a reader's raw blocks into a `Document`: leaves out repeats and boilerplate
/// (reporting them), works out heading paths, and splits blocks into sentences with
/// positions in the original file.
struct DocumentAssembler: Sendable {
    var cleaner = BlockCleaner()
    var segmenter = SentenceSegmenter()

    func assemble(_ raw: RawArticle, file: SourceFile, originalOffsets: [Int]?, byteCount: Int, contentHash: String,
                  diagnostics: inout [Diagnostic]) -> Document {
        var cursor = LineIndex.Cursor(file.lines)
        func range(_ start: Int, _ end: Int) -> SourceRange {
            var r = cursor.range(start, end)
            if let map = originalOffsets {
                r.start = map[min(start, map.count - 1)]
                r.end = map[min(end, map.count - 1)]
            }
            return r
        }
        func blockRange(_ b: RawBlock) -> SourceRange {
            let span = b.text.sourceSpan(0, b.text.bytes.count)
            return range(span.start, span.end)
        }
        let verdicts = cleaner.verdicts(raw.blocks) { file.lines.line(of: raw.blocks[$0].text.sourceSpan(0, 1).start) }
        var blocks: [Block] = []
        var sentences: [Sentence] = []
        var excluded: [ExcludedBlock] = []
        var headings: [(level: Int, text: String)] = []
        var cutCount = 0
        var firstCut: SourceRange? = nil
        blocks.reserveCapacity(raw.blocks.count)
        sentences.reserveCapacity(raw.blocks.count * 3)
        for (i, rawBlock) in raw.blocks.enumerated() {
            let text = String(decoding: rawBlock.text.bytes, as: UTF8.self)
            let r = blockRange(rawBlock)
            switch verdicts[i] {
            case .boilerplate:
                excluded.append(ExcludedBlock(reason: .boilerplate, text: text, range: r))
                continue
            case .duplicate(let first):
                excluded.append(ExcludedBlock(reason: .duplicate, text: text, range: r, firstLine: blockRange(raw.blocks[first]).line))
                continue
            case .keep:
                break
            }
            if rawBlock.kind == .heading {
                while let last = headings.last, last.level >= rawBlock.level { headings.removeLast() }
            }
            let block = Block(kind: rawBlock.kind, level: rawBlock.level, text: text, range: r, headingPath: headings.map(\.text))
            if rawBlock.kind == .heading { headings.append((rawBlock.level, text)) }
            let index = blocks.count
            blocks.append(block)
            rawBlock.text.bytes.withUnsafeBufferPointer { bytes in
                var cuts: [Int] = []
                let ranges = segmenter.split(bytes, cuts: &cuts)
                if let cut = cuts.first, firstCut == nil {
                    let at = rawBlock.text.sourceSpan(cut, cut + 1).start
                    firstCut = range(at, at)
                }
                cutCount += cuts.count
                for s in ranges {
                    let span = rawBlock.text.sourceSpan(s.lowerBound, s.upperBound)
                    let sentenceText = String(decoding: UnsafeBufferPointer(rebasing: bytes[s]), as: UTF8.self)
                    sentences.append(Sentence(text: sentenceText, range: range(span.start, span.end), block: index))
                }
            }
        }
        report(excluded, file: file.displayPath, diagnostics: &diagnostics)
        if let first = firstCut {
            diagnostics.append(Diagnostic(id: "ingest.sentence.too-long", severity: .warning, file: file.displayPath, line: first.line, column: first.column,
                                          message: "\(cutCount == 1 ? "a sentence runs" : "sentences run") past \(segmenter.maxSentenceTokens) words or \(segmenter.maxSentenceBytes) bytes\(cutCount == 1 ? "" : " (\(cutCount) times)"); cut into pieces there"))
        }
        return Document(source: file.displayPath, format: raw.format, metadata: raw.metadata, blocks: blocks, sentences: sentences,
                        excluded: excluded, byteCount: byteCount, contentHash: contentHash)
    }

    /// One warning per run of repeated blocks, one note for the boilerplate.
    private func report(_ excluded: [ExcludedBlock], file: String, diagnostics: inout [Diagnostic]) {
        var i = 0
        let duplicates = excluded.filter { $0.reason == .duplicate }
        while i < duplicates.count {
            var j = i + 1
            while j < duplicates.count, let a = duplicates[j - 1].firstLine, let b = duplicates[j].firstLine, b >= a,
                  duplicates[j].range.line - duplicates[j - 1].range.endLine <= 3 { j += 1 }
            let first = duplicates[i]
            let count = j - i
            let what = count == 1 ? "this block repeats" : "these \(count) blocks (to line \(duplicates[j - 1].range.endLine)) repeat"
            diagnostics.append(Diagnostic(id: "ingest.duplicate-block", severity: .warning, file: file, line: first.range.line,
                                          column: first.range.column,
                                          message: "\(what) the text first seen at line \(first.firstLine ?? 0) (“\(first.text.prefix(50))…”); kept once"))
            i = j
        }
        let boilerplate = excluded.filter { $0.reason == .boilerplate }
        if let first = boilerplate.first {
            let lines = boilerplate.prefix(8).map { String($0.range.line) }.joined(separator: ", ")
            diagnostics.append(Diagnostic(id: "ingest.boilerplate", severity: .note, file: file, line: first.range.line, column: first.range.column,
                                          message: "left out \(boilerplate.count) boilerplate block\(boilerplate.count == 1 ? "" : "s") (line\(boilerplate.count == 1 ? "" : "s") \(lines)\(boilerplate.count > 8 ? ", …" : ""))"))
        }
    }
}
