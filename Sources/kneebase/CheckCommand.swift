import ArgumentParser
import Foundation
import KneeBase

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the content and print its diagnostics, compiler-style.",
        discussion: """
        Reads every article and the lexicon as a build would (duplicate ids, unknown parents \
        or targets, empty names, aliases claimed twice) and writes nothing. Exit status: 0 \
        when there are no errors, 1 otherwise.

        Examples:
          kneebase check
          kneebase check --json | jq '.diagnostics[] | select(.severity == "error")'
        """
    )

    @Option(help: "The content folder (articles/ and lexicon/).")
    var content: String = "content"

    @Flag(help: "Print diagnostics as JSON.")
    var json = false

    func run() throws {
        let options = BuildOptions(content: URL(fileURLWithPath: content), output: URL(fileURLWithPath: "public"))
        var diagnostics: [Diagnostic] = []
        _ = LexiconLoader.load(options.content.appendingPathComponent("lexicon"), diagnostics: &diagnostics)
        do {
            _ = try Builder.ingest(options, diagnostics: &diagnostics, keepDocuments: false)
        } catch let failure as BuildFailure {
            Terminal.printError(failure.description)
            throw ExitCode(1)
        }
        diagnostics = diagnostics.sortedForOutput()
        if json {
            print(Terminal.json(diagnostics))
        } else {
            for d in diagnostics { print(Terminal.format(d)) }
            if diagnostics.isEmpty { print("No problems found.") }
        }
        if diagnostics.count(of: .error) > 0 { throw ExitCode(1) }
    }
}
