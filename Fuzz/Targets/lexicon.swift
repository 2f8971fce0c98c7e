@testable import KneeBaseFuzzCore

/// A small article, ingested once, that the fuzzed lexicon is matched against.
private let fuzzDocument: Document = {
    var diagnostics: [Diagnostic] = []
    let text = """
    # Runner's knee

    Runner's knee (PFPS) is pain around the kneecap. Weak hips may cause runner's knee.
    Clamshells strengthen the gluteus medius and often help. Don't rest completely.
    """
    return ArticleIngester().ingest(bytes: Array(text.utf8), format: .markdown, displayPath: "fuzz.md", diagnostics: &diagnostics)!
}()

/// Fuzzes the lexicon loader: the input is one lexicon file (or several, split at
/// lines of `%%%`), parsed, validated across files, and used to find mentions and
/// claims in a small article and in the lexicon's own names and aliases.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLexicon(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: FuzzChecks.bytes(data, size), as: UTF8.self)
    var diagnostics: [Diagnostic] = []
    var all: [(Entity, file: String, line: Int)] = []
    for (i, part) in text.split(separator: "\n%%%\n", omittingEmptySubsequences: false).prefix(6).enumerated() {
        all += LexiconLoader.parse(String(part), file: "lexicon/\(i).yml", diagnostics: &diagnostics)
    }
    let lexicon = LexiconLoader.validate(all, diagnostics: &diagnostics)
    FuzzChecks.check(diagnostics)
    for entity in lexicon.entities { _ = lexicon.lineage(of: entity.id) }
    var documents = [fuzzDocument]
    let names = lexicon.entities.prefix(50).flatMap { [$0.name] + $0.aliases.prefix(5) }.joined(separator: ". ")
    if !names.isEmpty {
        var d: [Diagnostic] = []
        if let doc = ArticleIngester().ingest(bytes: Array(names.utf8), format: .text, displayPath: "names.txt", diagnostics: &d) {
            documents.append(doc)
        }
    }
    _ = GraphBuilder.build(documents: documents, lexicon: lexicon)
    return 0
}
