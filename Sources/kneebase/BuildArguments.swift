import ArgumentParser
import Foundation
import KneeBase

/// `--cache DIR` and `--no-cache`: where incremental builds keep per-article results.
struct CacheOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The incremental-build cache folder (default: .kneebase-cache beside the output folder).", valueName: "dir"))
    var cache: String?

    @Flag(help: "Build everything from scratch, without reading or writing the cache.")
    var noCache = false

    /// The cache folder for a build into `output`, nil with `--no-cache`.
    func folder(for output: URL) -> URL? {
        if noCache { return nil }
        return cache.map { URL(fileURLWithPath: $0) } ?? BuildOptions.defaultCache(for: output)
    }
}
