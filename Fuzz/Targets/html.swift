@testable import KneeBaseFuzzCore

/// Fuzzes the HTML reader (libxml2 SAX, charset sniffing, main-content extraction)
/// through `ArticleIngester`, as an `.html` file is read.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzChecks.ingest(FuzzChecks.bytes(data, size), format: .html)
    return 0
}
