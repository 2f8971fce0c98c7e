import Foundation
import Testing

/// Runs `Scripts/bench` on a small synthetic corpus with the `kneebase` binary beside
/// this test bundle, as issue 7 asks of CI: the figures are printed (into the test log
/// on failure), never compared with a time; what is asserted is that every part of the
/// benchmark ran and that its incremental rebuild matched a clean build byte for byte.
@Suite("Benchmark smoke run")
struct BenchSmokeTests {
    @Test("Scripts/bench on 20 articles prints ingest, build, incremental and per-stage figures",
          .timeLimit(.minutes(10)))
    func smallCorpus() throws {
        let binary = try KneeBaseBinary.url()
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("kneebase-bench-smoke-\(getpid())")
        defer { try? FileManager.default.removeItem(at: work) }

        let (status, output) = try ScriptRun.run(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["python3", Repo.root.appendingPathComponent("Scripts/bench").path, "--sizes", "20", "--runs", "1",
             "--kneebase", binary.path, "--no-hugo", "--workdir", work.path, "--clean"],
            in: Repo.root)
        print(output)

        #expect(status == 0, "Scripts/bench exited with \(status):\n\(output.suffix(3000))")
        #expect(output.contains("ingest only"), "no ingest-only figures")
        let rows = output.split(separator: "\n").filter { $0.hasPrefix("20 ") }
        #expect(rows.count == 1, "expected the one build row for 20 articles, got \(rows.count)")
        #expect(output.contains("ingest s  extract s  analyze s  audit s  store s  render s"), "no per-stage columns")
        #expect(output.contains("incremental 20: rebuild with nothing changed"), "no incremental figures")
        #expect(output.contains("byte-identical to a clean build"),
                "the one-edit rebuild differed from a clean build:\n\(output.suffix(3000))")
        #expect(!FileManager.default.fileExists(atPath: work.path) || (try? FileManager.default.contentsOfDirectory(atPath: work.path))?.isEmpty == true,
                "--clean left the corpus behind")
    }
}
