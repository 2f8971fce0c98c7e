import ArgumentParser
import Foundation
import KneeBase

/// The options of a site build, shared by `build` and `serve`: content, output, theme,
/// base URL and the incremental-build cache.
struct BuildArguments: ParsableArguments {
    @Option(help: "The content folder (articles/ and lexicon/).")
    var content: String = "content"

    @Option(help: "The output folder.")
    var output: String = "public"

    @Option(help: ArgumentHelp("A theme folder (templates/*.mustache, assets/…) laid over the built-in theme.", valueName: "dir"))
    var theme: String?

    @Option(help: ArgumentHelp("The address the site will be published at (https://example.org/kb/); sitemap.xml lists absolute URLs under it.", valueName: "url"))
    var baseURL: String?

    @Option(help: ArgumentHelp("The incremental-build cache folder (default: .kneebase-cache beside the output folder).", valueName: "dir"))
    var cache: String?

    @Flag(help: "Build everything from scratch, without reading or writing the cache.")
    var noCache = false

    func validate() throws {
        if let baseURL, let problem = BuildOptions.problem(withBaseURL: baseURL) {
            throw ValidationError("--base-url: \(problem)")
        }
    }

    /// What `Builder.build` needs; the cache is nil with `--no-cache`.
    var options: BuildOptions {
        let outputURL = URL(fileURLWithPath: output)
        var options = BuildOptions(content: URL(fileURLWithPath: content), output: outputURL,
                                   theme: theme.map { URL(fileURLWithPath: $0) },
                                   cache: noCache ? nil : cache.map { URL(fileURLWithPath: $0) } ?? BuildOptions.defaultCache(for: outputURL))
        options.baseURL = baseURL
        return options
    }
}
