/// Reads CommonMark + GFM articles with optional YAML or TOML front matter.
struct MarkdownReader: ArticleReader {
    func read(_ file: SourceFile, diagnostics: inout [Diagnostic]) -> RawArticle {
        let front = FrontMatter.read(file.bytes, file: file.displayPath, lines: file.lines, diagnostics: &diagnostics)
        var body = file.bytes
        // Blank the front matter out (keeping newlines) so cmark's positions stay those of the file.
        for i in front.range where body[i] != 0x0A { body[i] = 0x20 }
        if let deep = MarkdownNesting.cap(&body) {
            let at = file.lines.location(of: deep)
            diagnostics.append(Diagnostic(id: "ingest.markdown.too-deep", severity: .warning, file: file.displayPath, line: at.line, column: at.column,
                                          message: "more than \(MarkdownNesting.maxDepth) nested quotes or list items on one line; the rest of the line is read as text"))
        }
        if let wide = MarkdownTables.cap(&body) {
            let at = file.lines.location(of: wide)
            diagnostics.append(Diagnostic(id: "ingest.markdown.too-many-cells", severity: .warning, file: file.displayPath, line: at.line, column: at.column,
                                          message: "more than \(MarkdownTables.maxCells) '|' on one line; from here on they are read as spaces, not as table cells"))
        }
        let parsed = CommonMarkParser.leaves(of: body)
        var blocks: [RawBlock] = []
        blocks.reserveCapacity(parsed.leaves.count)
        file.bytes.withUnsafeBufferPointer { source in
            parsed.text.withUnsafeBufferPointer { pieceText in
                for leaf in parsed.leaves {
                    let start = file.lines.offset(line: leaf.startLine, byteColumn: leaf.startColumn)
                    let end = file.lines.offset(line: leaf.endLine, byteColumn: leaf.endColumn) + 1
                    var aligner = SourceAligner(source: source, start: start, limit: end)
                    var size = 0
                    for piece in parsed.pieces[leaf.pieces] {
                        if case .text(let range) = piece { size += range.count } else { size += 1 }
                    }
                    var text = MappedText(reservingBytes: size, segments: leaf.pieces.count)
                    for piece in parsed.pieces[leaf.pieces] {
                        switch piece {
                        case .text(let range): aligner.align(UnsafeBufferPointer(rebasing: pieceText[range]), into: &text)
                        case .lineBreak: text.appendBreak(at: aligner.cursor)
                        }
                    }
                    if !text.isEmpty { blocks.append(RawBlock(kind: leaf.kind, level: leaf.level, text: text)) }
                }
            }
        }
        var metadata = front.metadata
        if metadata.title == nil, let h = blocks.first(where: { $0.kind == .heading }) {
            metadata.title = String(decoding: h.text.bytes, as: UTF8.self)
        }
        return RawArticle(format: .markdown, metadata: metadata, blocks: blocks)
    }
}
