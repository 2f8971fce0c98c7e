import ArgumentParser
import Foundation
import KneeBase

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Compile the content folder into the output folder.",
        discussion: """
        Reads every article in parallel, writes OUTPUT/data/documents.json and swaps the \
        new output into place only when the build succeeds: an error in the content (an \
        unreadable article, broken front matter, an invalid lexicon file) is reported with \
        every other diagnostic and leaves the output folder as it was. Exit status: 0 built, \
        1 errors in the content (nothing written), 2 usage errors.

        Examples:
          kneebase build
          kneebase build --content ~/notes/content --output /tmp/site
          kneebase build --theme site
          kneebase build --base-url https://example.org/knee/
        """
    )

    @OptionGroup var site: BuildArguments

    @Flag(help: "Print diagnostics as JSON instead of the summary.")
    var json = false

    @Flag(name: .shortAndLong, help: "Print notes as well as warnings and errors.")
    var verbose = false

    func run() throws {
        let options = site.options
        let bar = ProgressBar(enabled: !json)
        let report: BuildReport
        do {
            report = try Builder.build(options) { bar.update($0, $1) }
        } catch let failure as BuildFailure {
            Terminal.printError(failure.description)
            throw ExitCode(1)
        }
        if json {
            print(Terminal.json(report.diagnostics))
        } else {
            Self.printSummary(report, output: site.output, verbose: verbose)
        }
        if report.diagnostics.count(of: .error) > 0 { throw ExitCode(1) }
    }

    /// How many warnings of one kind a file shows before the rest are counted in one line
    /// (all with `--verbose`): a 5 MB page of repeated blocks is not 400 lines of the same warning.
    static let warningsPerKind = 5

    /// Prints the diagnostics (notes only when `verbose`) and the summary lines of a build.
    static func printSummary(_ report: BuildReport, output: String, verbose: Bool) {
        let shown = report.diagnostics.filter { verbose || $0.severity != .note }
        var printed = 0
        for d in verbose ? shown.map({ ($0, 0) }) : Self.folded(shown) {
            var line = Terminal.format(d.0, stderr: true)
            if d.1 > 0 { line += "\n" + Terminal.paint("  … and \(d.1) more like this [\(d.0.id)] in \(d.0.file) (all shown with --verbose)", "2") }
            Terminal.printError(line)
            printed += 1
        }
        // Errors stop the build: after a long list, say them again where the reader looks last.
        let errorList = report.diagnostics.filter { $0.severity == .error }
        if !errorList.isEmpty && printed > 20 {
            Terminal.printError(Terminal.paint("The errors again:", "1"))
            for d in errorList { Terminal.printError(Terminal.format(d, stderr: true)) }
        }
        let errors = report.diagnostics.count(of: .error)
        let warnings = report.diagnostics.count(of: .warning)
        let notes = report.diagnostics.count(of: .note)
        let mb = Double(report.bytes) / 1_000_000
        let counts = "\(report.sources) source\(report.sources == 1 ? "" : "s") (\(String(format: "%.2f", mb)) MB): "
            + "\(report.blocks) blocks, \(report.sentences) sentences, \(report.entities) entities, \(report.claims) claims"
        if report.published {
            print("Built \(output)/ from \(counts)")
        } else {
            print("Not published: the content has \(errors) error\(errors == 1 ? "" : "s"); \(output)/ was left as it was (read \(counts))")
        }
        print("Diagnostics: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"), \(notes) note\(notes == 1 ? "" : "s")"
              + (notes > 0 && !verbose ? " (notes shown with --verbose)" : ""))
        let stages = report.stages.map { "\($0.name) \(String(format: "%.2f", $0.seconds))s" }.joined(separator: ", ")
        let cached = report.cacheHits > 0 ? "; \(report.cacheHits) of \(report.sources) articles from the cache" : ""
        print("Done in \(String(format: "%.2f", report.elapsed))s (\(stages))\(cached)")
    }

    /// Each diagnostic with how many of the same file and kind it stands for: errors all
    /// count 0, the first `warningsPerKind` warnings or notes of a file and kind too, and the
    /// last one shown of a kind carries the count of the ones left out.
    static func folded(_ diagnostics: [Diagnostic]) -> [(Diagnostic, Int)] {
        var seen: [String: Int] = [:]
        var out: [(Diagnostic, Int)] = []
        var lastShown: [String: Int] = [:]
        for d in diagnostics {
            guard d.severity != .error else { out.append((d, 0)); continue }
            let key = d.file + "\u{0}" + d.id
            let n = seen[key, default: 0]
            seen[key] = n + 1
            if n < warningsPerKind {
                lastShown[key] = out.count
                out.append((d, 0))
            } else if let k = lastShown[key] {
                out[k].1 += 1
            }
        }
        return out
    }
}
