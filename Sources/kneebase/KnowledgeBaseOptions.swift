import ArgumentParser
import Foundation
import KneeBase

/// `--kb PATH` for commands that read the knowledge base; with the default path the
/// knowledge base is rebuilt first when the content changed.
struct KnowledgeBaseOptions: ParsableArguments {
    static let defaultPath = "public/data/kb.sqlite"
    static let defaultContent = "content"

    @Option(help: "The knowledge base to read (default: public/data/kb.sqlite, rebuilt from content/ when stale).")
    var kb: String = KnowledgeBaseOptions.defaultPath

    @Option(help: "The content folder used to rebuild the default knowledge base.")
    var content: String = KnowledgeBaseOptions.defaultContent

    /// Opens the knowledge base, rebuilding the default one first when content/ is newer.
    func open() throws -> KnowledgeBaseReader {
        try Self.open(kb: kb, content: content)
    }

    /// Opens the knowledge base at `kb`, rebuilding it from `content` first when it is the default one and stale.
    static func open(kb: String, content: String) throws -> KnowledgeBaseReader {
        let output = URL(fileURLWithPath: "public")
        let cache = BuildOptions.defaultCache(for: output)
        if kb == defaultPath, Freshness.isStale(kb: URL(fileURLWithPath: kb), content: URL(fileURLWithPath: content), cache: cache) {
            Terminal.printError(Terminal.paint("Content changed; rebuilding the knowledge base…", "2", stderr: true))
            do {
                let report = try Builder.build(BuildOptions(content: URL(fileURLWithPath: content), output: output, cache: cache))
                for d in report.diagnostics where d.severity == .error { Terminal.printError(Terminal.format(d, stderr: true)) }
                if !report.published {
                    Terminal.printError(Terminal.paint("The content has errors, so the knowledge base was not rebuilt; reading the previous one.",
                                                       "1;33", stderr: true))
                }
            } catch let failure as BuildFailure {
                Terminal.printError(failure.description)
                throw ExitCode(1)
            }
        }
        do {
            return try KnowledgeBaseReader(url: URL(fileURLWithPath: kb))
        } catch let failure as BuildFailure {
            Terminal.printError(failure.description)
            throw ExitCode(1)
        }
    }
}
