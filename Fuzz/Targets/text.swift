import Foundation
@testable import KneeBaseFuzzCore

/// The real lexicon (`$KNEEBASE_FUZZ_LEXICON`, default `content/lexicon`), loaded once.
private let fuzzLexicon: Lexicon = {
    var diagnostics: [Diagnostic] = []
    let path = ProcessInfo.processInfo.environment["KNEEBASE_FUZZ_LEXICON"] ?? "content/lexicon"
    return LexiconLoader.load(URL(fileURLWithPath: path), diagnostics: &diagnostics)
}()

/// Its claim extractor, built once (building it costs more than a run).
private let fuzzExtractor = ClaimExtractor(lexicon: fuzzLexicon, finder: MentionFinder(lexicon: fuzzLexicon))

/// Fuzzes the plain-text reader, the sentence segmenter and, on what they produce,
/// claim extraction with the real lexicon: the path every `.txt` article takes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzText(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let document = FuzzChecks.ingest(FuzzChecks.bytes(data, size), format: .text) else { return 0 }
    let extracted = GraphBuilder.extract(document, extractor: fuzzExtractor)
    let graph = GraphBuilder.merge(documents: [document], perDocument: [extracted], lexicon: fuzzLexicon)
    for claim in graph.claims {
        for evidence in claim.evidence {
            precondition(evidence.sentence >= 0 && evidence.sentence < document.sentences.count, "evidence of sentence \(evidence.sentence)")
            precondition(document.sentences[evidence.sentence].text == evidence.text, "evidence text differs from its sentence")
        }
    }
    return 0
}
