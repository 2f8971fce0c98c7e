import Foundation
import Testing

/// Runs the browser tests in `Tests/browser` (selenium driving Debian's chromium, and
/// axe-core) against a site built by the `kneebase` binary beside this test bundle.
/// They need chromium, chromium-driver and the Python packages that
/// `Scripts/browser-deps` installs (`Scripts/setup` and `.ci/run` call it).
@Suite("Browser")
struct BrowserTests {
    @Test("searches, links, CSP and axe in headless chromium: every browser test passes")
    func browser() throws {
        let binary = try KneeBaseBinary.url()
        let process = Process()
        process.executableURL = Repo.root.appendingPathComponent("Tests/browser/run.sh")
        var env = ProcessInfo.processInfo.environment
        env["KNEEBASE"] = binary.path
        env["NO_COLOR"] = "1"
        process.environment = env
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("kneebase-browser-\(getpid()).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        defer { try? FileManager.default.removeItem(at: log) }
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try handle.close()
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        let summary = output.split(separator: "\n").last(where: { $0.contains("passed") || $0.contains("failed") || $0.contains("error") }) ?? "no pytest summary"
        #expect(process.terminationStatus == 0,
                "Tests/browser/run.sh exited with \(process.terminationStatus) (\(summary)); run Scripts/browser-deps if chromium or selenium is missing:\n\(output.suffix(4000))")
        #expect(output.contains(" passed"), "no browser test ran: \(summary)")
        #expect(!output.contains(" failed"), "\(summary)")
    }
}
