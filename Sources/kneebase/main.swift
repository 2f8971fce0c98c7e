import ArgumentParser
import Foundation

/// Runs the command line, mapping usage errors to exit status 2. A plain search skips
/// ArgumentParser (see `SearchRequest.init?(commandLine:)`): most of its process time
/// would be parsing.
if let request = SearchRequest(commandLine: Array(CommandLine.arguments.dropFirst())) {
    do {
        let engine = try request.engine()
        try request.run(with: engine)
        // Exit while the engine is alive: the system reclaims the read-only connection and
        // its memory map faster than closing them one by one would.
        withExtendedLifetime(engine) { exit(0) }
    } catch let code as ExitCode {
        exit(code.rawValue)
    } catch {
        KneeBaseCommand.exit(withError: error)
    }
} else {
    do {
        var command = try KneeBaseCommand.parseAsRoot()
        try command.run()
    } catch {
        let code = KneeBaseCommand.exitCode(for: error)
        if code == .validationFailure {
            FileHandle.standardError.write(Data((KneeBaseCommand.fullMessage(for: error) + "\n").utf8))
            exit(2)
        }
        KneeBaseCommand.exit(withError: error)
    }
}
