import Foundation
import KneeBase

/// `kneebase search --bench-queries FILE`: runs every query of FILE (one per line, `#`
/// comments) in this process — one warm-up round, then `rounds` timed rounds — and
/// prints the latency percentiles. Used by `Scripts/bench-search`.
struct SearchBenchmark {
    let engine: SearchEngine
    let file: String
    let rounds: Int
    let json: Bool

    func run() throws {
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let queries = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") }
        var failed = 0
        var results = 0
        for q in queries {  // warm-up: statement cache, stemmer cache, page cache
            do { results += try engine.search(q).results.count } catch { failed += 1 }
        }
        let clock = ContinuousClock()
        var times: [Double] = []
        times.reserveCapacity(queries.count * rounds)
        var perQuery = [[Double]](repeating: [], count: queries.count)
        // CPU time of this thread too: on a busy machine wall time includes waiting for a core.
        var cpu: [Double] = []
        for _ in 0..<max(rounds, 1) {
            for (i, q) in queries.enumerated() {
                let cpuStart = Self.threadCPU()
                let start = clock.now
                _ = try? engine.search(q)
                let ms = (clock.now - start).seconds * 1000
                cpu.append(Self.threadCPU() - cpuStart)
                times.append(ms)
                perQuery[i].append(ms)
            }
        }
        cpu.sort()
        // The slowest queries by their median time, to see where the time goes.
        let slowest = perQuery.enumerated().map { ($0.offset, $0.element.sorted()[$0.element.count / 2]) }.sorted { $0.1 > $1.1 }.prefix(8)
        times.sort()
        func percentile(_ p: Double, _ list: [Double]) -> Double { list.isEmpty ? 0 : list[min(list.count - 1, Int((p * Double(list.count)).rounded(.up)) - 1)] }
        let mean = times.reduce(0, +) / Double(max(times.count, 1))
        let figures: [(String, Double)] = [("p50_ms", percentile(0.5, times)), ("p90_ms", percentile(0.9, times)), ("p99_ms", percentile(0.99, times)),
                                           ("max_ms", times.last ?? 0), ("mean_ms", mean),
                                           ("cpu_p50_ms", percentile(0.5, cpu)), ("cpu_p99_ms", percentile(0.99, cpu))]
        if json {
            let fields = ["\"queries\":\(queries.count)", "\"rounds\":\(rounds)", "\"failed\":\(failed)", "\"results\":\(results)"]
                + figures.map { "\"\($0.0)\":\(String(format: "%.4f", $0.1))" }
            let slow = slowest.map { "[\(Self.quoted(queries[$0.0])),\(String(format: "%.4f", $0.1))]" }.joined(separator: ",")
            print("{" + (fields + ["\"slowest\":[\(slow)]"]).joined(separator: ",") + "}")
        } else {
            print("\(queries.count) queries × \(rounds) rounds in process (\(failed) malformed, \(results) results per round)")
            print(figures.map { "\($0.0.replacingOccurrences(of: "_ms", with: "")) \(String(format: "%.3f", $0.1)) ms" }.joined(separator: ", "))
            print("slowest (median ms): " + slowest.map { "\(queries[$0.0]) \(String(format: "%.2f", $0.1))" }.joined(separator: "; "))
        }
    }
}

extension SearchBenchmark {
    /// CPU time used by the calling thread, in milliseconds.
    static func threadCPU() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) * 1000 + Double(ts.tv_nsec) / 1e6
    }

    static func quoted(_ s: String) -> String {
        String(decoding: (try? JSONEncoder().encode(s)) ?? Data("\"\"".utf8), as: UTF8.self)
    }
}
