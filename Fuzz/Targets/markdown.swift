@testable import KneeBaseFuzzCore

/// Fuzzes the Markdown reader (cmark-gfm, front matter, source alignment) through
/// `ArticleIngester`, as a `.md` file is read.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzChecks.ingest(FuzzChecks.bytes(data, size), format: .markdown)
    return 0
}
