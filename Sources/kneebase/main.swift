import ArgumentParser
import Foundation

/// Runs the command line, mapping usage errors to exit status 2.
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
