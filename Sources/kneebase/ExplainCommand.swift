import ArgumentParser
import Foundation
import KneeBase

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show, sentence by sentence, the entities found in one article and the claims extracted from it.",
        discussion: """
        For lexicon editors and rule authors: why a claim was (or was not) extracted.

        Example:
          kneebase explain content/articles/000-patellar-valgus.md
        """
    )

    @Argument(help: "The article file.")
    var file: String

    @Option(help: "The content folder whose lexicon is used.")
    var content: String = "content"

    func run() throws {
        var diagnostics: [Diagnostic] = []
        let lexicon = LexiconLoader.load(URL(fileURLWithPath: content).appendingPathComponent("lexicon"), diagnostics: &diagnostics)
        guard let document = ArticleIngester().ingest(url: URL(fileURLWithPath: file), displayPath: file, diagnostics: &diagnostics) else {
            for d in diagnostics { Terminal.printError(Terminal.format(d, stderr: true)) }
            throw ExitCode(1)
        }
        for line in Explainer.explain(document, lexicon: lexicon) { print(line) }
    }
}
