import Glibc

/// Turns a reader's raw blocks into a `Document`: leaves out repeats and boilerplate
/// (reporting them), works out heading paths, and splits blocks into sentences with
/// positions in the original file.
///
/// An article is read up to the first of three limits that no real article meets
/// (`maxBlocks`, `maxSentences`, `maxTextBytes`), so that the stages after ingest —
/// whose cost grows with the sentences — take seconds at most on any file. Past a limit
/// the rest of the article is not read, and one warning, `ingest.article.too-long`,
/// says where reading stopped and how much was left.
struct DocumentAssembler: Sendable {
    /// Most blocks (paragraphs, headings, list items, table cells, quotes — kept, repeated
    /// or boilerplate) read from one article. A long web page has a few hundred.
    static let maxBlocks = 10_000
    /// Most sentences read from one article. A long web article has a few hundred; a
    /// whole book some 10,000.
    static let maxSentences = 10_000
    /// Most bytes of cleaned block text read from one article (1 MB, some 170,000 words: a long book).
    static let maxTextBytes = 1 << 20

    var cleaner = BlockCleaner()
    var segmenter = SentenceSegmenter()

    /// `unread` says where the input handed to the reader was cut short (an offset in
    /// `file.bytes`), and how many bytes the whole input had.
    func assemble(_ raw: RawArticle, file: SourceFile, originalOffsets: [Int]?, byteCount: Int, contentHash: String,
                  unread: (from: Int, of: Int)? = nil, diagnostics: inout [Diagnostic]) -> Document {
        var cursor = LineIndex.Cursor(file.lines)
        /// The range of bytes `start..<end` whose start and end are placed at `a` and `b`.
        func placed(_ a: (line: Int, column: Int), _ b: (line: Int, column: Int), _ start: Int, _ end: Int) -> SourceRange {
            var r = SourceRange(line: a.line, column: a.column, endLine: b.line, endColumn: b.column, start: start, end: max(start, end))
            if let map = originalOffsets {
                r.start = map[min(start, map.count - 1)]
                r.end = map[min(end, map.count - 1)]
            }
            return r
        }
        func range(_ start: Int, _ end: Int) -> SourceRange {
            let a = cursor.location(of: start)
            return placed(a, cursor.location(of: max(start, end)), start, end)
        }
        func blockRange(_ b: RawBlock) -> SourceRange {
            let span = b.text.sourceSpan(0, b.text.bytes.count)
            return range(span.start, span.end)
        }
        let readable = raw.blocks.count <= Self.maxBlocks ? raw.blocks : Array(raw.blocks.prefix(Self.maxBlocks))
        let verdicts = cleaner.verdicts(readable) { file.lines.line(of: raw.blocks[$0].text.sourceSpan(0, 1).start) }
        var blocks: [Block] = []
        var sentences: [Sentence] = []
        var excluded: [ExcludedBlock] = []
        var headings: [(level: Int, text: String)] = []
        // The texts of `headings`, made again only when they change: the blocks under one heading share one array.
        var headingPath: [String] = []
        var cutCount = 0
        var firstCut: SourceRange? = nil
        blocks.reserveCapacity(readable.count)
        sentences.reserveCapacity(min(raw.blocks.count * 3, Self.maxSentences))
        var textBytes = 0
        // Where reading stopped (an offset in `file.bytes`), and which limit stopped it.
        var stop: (offset: Int, block: Int, limit: String)? = nil
        // The sentence ranges of the block at hand (one buffer for all blocks).
        var ranges: [Range<Int>] = []
        var cuts: [Int] = []
        for (i, rawBlock) in readable.enumerated() {
            let text = String(decoding: rawBlock.text.bytes, as: UTF8.self)
            switch verdicts[i] {
            case .boilerplate:
                excluded.append(ExcludedBlock(reason: .boilerplate, text: text, range: blockRange(rawBlock)))
                continue
            case .duplicate(let first):
                let r = blockRange(rawBlock)
                excluded.append(ExcludedBlock(reason: .duplicate, text: text, range: r, firstLine: blockRange(raw.blocks[first]).line))
                continue
            case .notProse(let reading):
                let r = blockRange(rawBlock)
                excluded.append(ExcludedBlock(reason: .notProse, text: text, range: r))
                let sampled = reading.words < cleaner.proseCheck.sampleWords ? "its \(reading.words) words" : "its first \(Text.grouped(reading.words)) words"
                let why = reading.distinct.map { "\(sampled) are \($0) different words over and over (prose uses hundreds)" }
                    ?? "\(Text.percent(reading.functionShare)) of \(sampled) are words like “the”, “of”, “is” (prose has 30–50%)"
                diagnostics.append(Diagnostic(id: "ingest.not-prose", severity: .warning, file: file.displayPath, line: r.line, column: r.column,
                                              message: "this block (to line \(r.endLine)) reads as a word list, not prose: \(why); left out"))
                continue
            case .keep:
                break
            }
            // The block's start is placed first and its end after its sentences, so that the
            // cursor moves forward through the block once (the places do not depend on the order).
            let span = rawBlock.text.sourceSpan(0, rawBlock.text.bytes.count)
            let blockStart = cursor.location(of: span.start)
            if rawBlock.kind == .heading, headings.last.map({ $0.level >= rawBlock.level }) == true {
                while let last = headings.last, last.level >= rawBlock.level { headings.removeLast() }
                headingPath = headings.map(\.text)
            }
            let index = blocks.count
            // The sentences of the block that fit in what is left of the text and sentence limits.
            cuts.removeAll(keepingCapacity: true)
            let (keptEnd, limit) = rawBlock.text.bytes.withUnsafeBufferPointer { bytes in
                sentenceRanges(bytes, textBudget: Self.maxTextBytes - textBytes, sentenceBudget: Self.maxSentences - sentences.count,
                               cuts: &cuts, into: &ranges)
            }
            if let cut = cuts.first, firstCut == nil {
                let at = rawBlock.text.sourceSpan(cut, cut + 1).start
                firstCut = range(at, at)
            }
            cutCount += cuts.count
            if let limit {
                var next = keptEnd
                while next + 1 < rawBlock.text.bytes.count && rawBlock.text.bytes[next] == 0x20 { next += 1 }
                stop = (rawBlock.text.sourceSpan(next, next + 1).start, i, limit)
                if ranges.isEmpty { break }
            }
            let whole = keptEnd == rawBlock.text.bytes.count
            let kept = whole ? text : String(decoding: rawBlock.text.bytes[..<keptEnd], as: UTF8.self)
            if rawBlock.kind == .heading {
                headings.append((rawBlock.level, kept))
            }
            textBytes += keptEnd
            rawBlock.text.bytes.withUnsafeBufferPointer { bytes in
                // Sentences are cut out of the block's string when it holds the block's bytes as
                // they are (always, as the readers give valid UTF-8; checked all the same).
                let shared = Self.holdsBytes(kept, UnsafeBufferPointer(rebasing: bytes[..<keptEnd]))
                for s in ranges {
                    let span = rawBlock.text.sourceSpan(s.lowerBound, s.upperBound)
                    // A block that is one sentence shares the block's string.
                    let sentenceText = s == 0..<bytes.count ? kept
                        : shared && Self.isScalarBoundary(bytes, s.lowerBound) && Self.isScalarBoundary(bytes, s.upperBound)
                        ? String(kept[kept.utf8.index(kept.startIndex, offsetBy: s.lowerBound)..<kept.utf8.index(kept.startIndex, offsetBy: s.upperBound)])
                        : String(decoding: UnsafeBufferPointer(rebasing: bytes[s]), as: UTF8.self)
                    sentences.append(Sentence(text: sentenceText, range: range(span.start, span.end), block: index))
                }
            }
            let keptRange: SourceRange
            if whole {
                keptRange = placed(blockStart, cursor.location(of: max(span.start, span.end)), span.start, span.end)
            } else {
                let keptSpan = rawBlock.text.sourceSpan(0, keptEnd)
                keptRange = range(keptSpan.start, keptSpan.end)
            }
            blocks.append(Block(kind: rawBlock.kind, level: rawBlock.level, text: kept, range: keptRange, headingPath: headingPath))
            if rawBlock.kind == .heading {
                headingPath.append(kept)
            }
            if stop != nil { break }
        }
        if stop == nil, raw.blocks.count > Self.maxBlocks {
            let next = raw.blocks[Self.maxBlocks].text
            stop = (next.sourceSpan(0, 1).start, Self.maxBlocks, Text.count(Self.maxBlocks, "block"))
        }
        if stop == nil, let unread {
            stop = (unread.from, raw.blocks.count, "\(ArticleIngester.maxTextInputBytes >> 20) MB of Markdown or text")
        }
        report(excluded, file: file.displayPath, diagnostics: &diagnostics)
        if let stop {
            let at = range(stop.offset, stop.offset)
            let left = (unread?.of ?? file.bytes.count) - stop.offset
            let tenths = (left * 10 + (1 << 19)) >> 20
            var rest = tenths > 0 ? "\(tenths / 10).\(tenths % 10) MB" : Text.count(left, "byte")
            // Blocks past a cut input were never made: their number is not known.
            if unread == nil { rest += ", " + Text.count(raw.blocks.count - stop.block, "block") }
            diagnostics.append(Diagnostic(id: "ingest.article.too-long", severity: .warning, file: file.displayPath, line: at.line, column: at.column,
                                          message: "the article is past the limit of \(stop.limit) per file: \(Text.count(sentences.count, "sentence")) \(sentences.count == 1 ? "was" : "were") read, "
                                              + "up to here; the rest (\(rest)) was not read"))
        }
        if let first = firstCut {
            diagnostics.append(Diagnostic(id: "ingest.sentence.too-long", severity: .warning, file: file.displayPath, line: first.line, column: first.column,
                                          message: "\(cutCount == 1 ? "a sentence runs" : "sentences run") past \(segmenter.maxSentenceTokens) words or \(segmenter.maxSentenceBytes) bytes\(cutCount == 1 ? "" : " (\(cutCount) times)"); cut into pieces there"))
        }
        return Document(source: file.displayPath, format: raw.format, metadata: raw.metadata, blocks: blocks, sentences: sentences,
                        excluded: excluded, byteCount: byteCount, contentHash: contentHash)
    }

    /// The sentence ranges of a block's text that fit in `textBudget` bytes and
    /// `sentenceBudget` sentences, the end of the text they cover, and the limit that
    /// cut the block short (nil when the whole block fits). A block cut by bytes ends
    /// at its last whole sentence.
    private func sentenceRanges(_ bytes: UnsafeBufferPointer<UInt8>, textBudget: Int, sentenceBudget: Int,
                                cuts: inout [Int], into ranges: inout [Range<Int>]) -> (keptEnd: Int, limit: String?) {
        var limit: String? = nil
        var end = bytes.count
        if end > textBudget {
            // Only the bytes within the limit are split; a character is never cut.
            end = max(0, textBudget)
            while end > 0 && bytes[end] & 0xC0 == 0x80 { end -= 1 }
            limit = "\(Self.maxTextBytes >> 20) MB of text"
        }
        segmenter.split(UnsafeBufferPointer(rebasing: bytes[..<end]), cuts: &cuts, into: &ranges)
        if limit != nil, ranges.count > 1 { ranges.removeLast() }
        if ranges.count > sentenceBudget {
            ranges.removeSubrange(max(0, sentenceBudget)...)
            limit = Text.count(Self.maxSentences, "sentence")
        }
        let keptEnd = limit == nil ? bytes.count : ranges.last?.upperBound ?? 0
        cuts.removeAll { $0 >= keptEnd }
        return (keptEnd, limit)
    }

    /// Whether the string's UTF-8 is `bytes`, byte for byte.
    private static func holdsBytes(_ string: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        string.utf8.count == bytes.count && string.utf8.withContiguousStorageIfAvailable { own in
            bytes.isEmpty || memcmp(own.baseAddress!, bytes.baseAddress!, bytes.count) == 0
        } == true
    }

    /// Whether a scalar starts at `i` (or `i` is the end).
    private static func isScalarBoundary(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        i >= bytes.count || bytes[i] & 0xC0 != 0x80
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
