@testable import KneeBaseFuzzCore

/// Fuzzes the search query parser: any text either parses into a query whose terms
/// point into the text, or throws a `QueryError` whose offset is inside it (and whose
/// caret rendering works).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQuery(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let count = text.utf8.count
    do {
        let query = try QueryParser.parse(text)
        precondition(!query.clauses.isEmpty || !query.kinds.isEmpty || !query.excludedKinds.isEmpty, "empty query parsed")
        precondition(query.clauses.count <= QueryParser.maxClauses, "too many clauses")
        for clause in query.clauses {
            precondition(!clause.alternatives.isEmpty, "clause without terms")
            for term in clause.alternatives {
                precondition(!term.text.isEmpty, "empty term")
                precondition(term.offset >= 0 && term.offset <= count, "term offset \(term.offset) outside 0...\(count)")
            }
        }
        _ = query.allows(.condition)
    } catch {
        precondition(error.offset >= 0 && error.offset <= count, "error offset \(error.offset) outside 0...\(count)")
        precondition(!error.message.isEmpty, "empty error message")
        _ = error.annotated(text)
    }
    return 0
}
