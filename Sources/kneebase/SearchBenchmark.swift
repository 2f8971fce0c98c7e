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
        for _ in 0..<max(rounds, 1) {
            for q in queries {
                let start = clock.now
                _ = try? engine.search(q)
                times.append((clock.now - start).milliseconds)
            }
        }
        times.sort()
        func percentile(_ p: Double) -> Double { times.isEmpty ? 0 : times[min(times.count - 1, Int((p * Double(times.count)).rounded(.up)) - 1)] }
        let mean = times.reduce(0, +) / Double(max(times.count, 1))
        let figures: [(String, Double)] = [("p50_ms", percentile(0.5)), ("p90_ms", percentile(0.9)), ("p99_ms", percentile(0.99)),
                                           ("max_ms", times.last ?? 0), ("mean_ms", mean)]
        if json {
            let fields = ["\"queries\":\(queries.count)", "\"rounds\":\(rounds)", "\"failed\":\(failed)", "\"results\":\(results)"]
                + figures.map { "\"\($0.0)\":\(String(format: "%.4f", $0.1))" }
            print("{" + fields.joined(separator: ",") + "}")
        } else {
            print("\(queries.count) queries × \(rounds) rounds in process (\(failed) malformed, \(results) results per round)")
            print(figures.map { "\($0.0.replacingOccurrences(of: "_ms", with: "")) \(String(format: "%.3f", $0.1)) ms" }.joined(separator: ", "))
        }
    }
}

extension Duration {
    var milliseconds: Double {
        let c = components
        return Double(c.seconds) * 1000 + Double(c.attoseconds) / 1e15
    }
}
