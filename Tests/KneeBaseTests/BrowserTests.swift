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
        var env = ProcessInfo.processInfo.environment
        env["KNEEBASE"] = binary.path
        env["NO_COLOR"] = "1"
        let (status, output) = try ScriptRun.run(Repo.root.appendingPathComponent("Tests/browser/run.sh"), environment: env)
        let summary = output.split(separator: "\n").last(where: { $0.contains("passed") || $0.contains("failed") || $0.contains("error") }) ?? "no pytest summary"
        #expect(status == 0,
                "Tests/browser/run.sh exited with \(status) (\(summary)); run Scripts/browser-deps if chromium or selenium is missing:\n\(output.suffix(4000))")
        #expect(output.contains(" passed"), "no browser test ran: \(summary)")
        #expect(!output.contains(" failed"), "\(summary)")
    }
}
