import ArgumentParser
import Foundation

/// Runs the command line, mapping usage errors to exit status 2. A plain search skips
/// ArgumentParser (see `SearchRequest.init?(commandLine:)`): most of its process time
/// would be parsing.
if let request = SearchRequest(commandLine: Array(CommandLine.arguments.dropFirst())) {
    do {
        try request.run()
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
