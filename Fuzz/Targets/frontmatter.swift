@testable import KneeBaseFuzzCore

/// Fuzzes front matter: the input is read as a Markdown file's head (YAML between
/// `---`, TOML between `+++`, or `key: value` lines with only a closing `---`), and
/// again wrapped in `---` and `+++` delimiters so every run reaches the parsers.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrontMatter(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = FuzzChecks.bytes(data, size)
    for input in [bytes, Array("---\n".utf8) + bytes + Array("\n---\nBody.\n".utf8), Array("+++\n".utf8) + bytes + Array("\n+++\nBody.\n".utf8)] {
        var diagnostics: [Diagnostic] = []
        let file = SourceFile(displayPath: "fuzz.md", bytes: input)
        let front = FrontMatter.read(file.bytes, file: file.displayPath, lines: file.lines, diagnostics: &diagnostics)
        precondition(front.range.lowerBound == 0 && front.range.upperBound <= input.count, "front matter range \(front.range)")
        FuzzChecks.check(diagnostics)
    }
    return 0
}
