import Foundation
import CKneeSupport
import Synchronization

/// Prints the process's resident and heap memory to standard error at named points of a
/// build when `KNEEBASE_MEMLOG` is set, with the highest heap use sampled in between (for
/// measuring where a build's memory goes).
enum MemoryProbe {
    static let enabled = ProcessInfo.processInfo.environment["KNEEBASE_MEMLOG"] != nil
    private static let peak = Atomic<Int>(0)
    private static let sampler: Void = {
        Thread.detachNewThread {
            while true {
                let used = kb_heap_in_use()
                if used > peak.load(ordering: .relaxed) { peak.store(used, ordering: .relaxed) }
                usleep(20_000)
            }
        }
    }()

    /// Prints `label` with VmRSS, VmHWM, malloc's in-use and held bytes and the highest
    /// in-use sampled since the last mark, in MB.
    static func mark(_ label: String) {
        guard enabled else { return }
        _ = sampler
        var rss = "?", hwm = "?"
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) {
            for line in status.split(separator: "\n") {
                let parts = line.split(separator: " ", omittingEmptySubsequences: true)
                if line.hasPrefix("VmRSS:"), parts.count > 1 { rss = String(Int(parts[1])! / 1024) }
                if line.hasPrefix("VmHWM:"), parts.count > 1 { hwm = String(Int(parts[1])! / 1024) }
            }
        }
        let inUse = kb_heap_in_use() >> 20, held = kb_heap_held() >> 20
        let top = max(peak.exchange(0, ordering: .relaxed), kb_heap_in_use()) >> 20
        FileHandle.standardError.write(Data("mem \(label): rss \(rss) hwm \(hwm) heap-in-use \(inUse) (peak since last \(top)) heap-held \(held) MB\n".utf8))
    }
}
