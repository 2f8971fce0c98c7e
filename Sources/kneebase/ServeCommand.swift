import ArgumentParser
import Foundation
import KneeBase

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build, serve the output folder locally, and rebuild when the content changes.",
        discussion: """
        Builds first, then serves OUTPUT on http://127.0.0.1:PORT/ and watches the content \
        folder (articles and lexicon) and the theme folder. A change rebuilds incrementally \
        and reloads the open pages; build errors are printed here and shown over the page. \
        Only files inside OUTPUT are served. Stop with Ctrl-C.

        Examples:
          kneebase serve
          kneebase serve --port 9000 --theme site
        """
    )

    @OptionGroup var site: BuildArguments

    @Option(help: "The port to listen on (0 picks a free one).")
    var port: UInt16 = 8080

    @Option(help: "The address to listen on; other than 127.0.0.1 the site is reachable from the network.")
    var host: String = "127.0.0.1"

    @Option(help: ArgumentHelp("How often to look for changes, in milliseconds.", valueName: "ms"))
    var poll: Int = 300

    @Flag(name: .shortAndLong, help: "Print notes as well as warnings and errors.")
    var verbose = false

    func run() throws {
        // Stop on Ctrl-C or `kill` even when started by a parent that blocks these signals.
        var stop = sigset_t()
        sigemptyset(&stop)
        for signal in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&stop, signal) }
        pthread_sigmask(SIG_UNBLOCK, &stop, nil)
        let options = site.options
        let preview = PreviewServer(output: options.output)
        let server: HTTPServer
        do {
            server = try HTTPServer(host: host, port: port)
        } catch let failure as HTTPServer.Failure {
            Terminal.printError("serve: error: \(failure.description)")
            throw ExitCode(1)
        }
        var watcher = FileWatcher([options.content] + (options.theme.map { [$0] } ?? []))
        build(options, preview)
        Thread.detachNewThread { server.run(preview.handle) }
        if !HTTPServer.isLoopback(host) {
            Terminal.printError(Terminal.paint("warning: listening on \(host): anyone who can reach this machine can read the site", "33", stderr: true))
        }
        print("Serving \(site.output)/ at http://\(server.host):\(server.port)/ — watching \(watcher.roots.map { Self.relative($0.path) }.joined(separator: ", ")); Ctrl-C stops")
        fflush(nil)
        let interval = UInt32(max(50, poll)) * 1000
        while true {
            usleep(interval)
            var changed = watcher.changes()
            guard !changed.isEmpty else { continue }
            // Let a burst of saves settle before building.
            while true {
                usleep(interval)
                let more = watcher.changes()
                if more.isEmpty { break }
                changed += more
            }
            let shown = Set(changed).sorted().prefix(3).map(Self.relative)
            print(Terminal.paint("Changed: \(shown.joined(separator: ", "))\(changed.count > 3 ? " …" : ""); rebuilding…", "2"))
            build(options, preview)
        }
    }

    /// Builds once, prints the outcome, and tells open pages.
    private func build(_ options: BuildOptions, _ preview: PreviewServer) {
        do {
            let report = try Builder.build(options)
            BuildCommand.printSummary(report, output: site.output, verbose: verbose)
            let errors = report.diagnostics.filter { $0.severity == .error }.map(\.formatted)
            preview.buildFinished(published: report.published, errors: errors.joined(separator: "\n"))
        } catch let failure as BuildFailure {
            Terminal.printError(Terminal.paint("Build failed; still serving the previous output.", "1;31", stderr: true))
            Terminal.printError(failure.description)
            preview.buildFinished(published: false, errors: failure.description)
        } catch {
            Terminal.printError("Build failed: \(error)")
            preview.buildFinished(published: false, errors: "\(error)")
        }
        fflush(nil)
    }

    /// `path` relative to the working directory when below it.
    private static func relative(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath + "/"
        let full = URL(fileURLWithPath: path).standardizedFileURL.path
        return full.hasPrefix(cwd) ? String(full.dropFirst(cwd.count)) : full
    }
}
