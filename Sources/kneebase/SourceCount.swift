import KneeBase

/// "2 sources" for a claim, told apart from copies: sources the audit found to be copies of
/// one text count once ("2 sources, copies of one text"; "3 sources, 2 independent").
struct SourceCount {
    /// The group of each source that has copies.
    private var group: [String: Int] = [:]

    init(copies: [[String]]) {
        for (i, members) in copies.enumerated() { for s in members { group[s] = i } }
    }

    init(_ reader: KnowledgeBaseReader) {
        self.init(copies: (try? reader.copyGroups()) ?? [])
    }

    /// The independent sources among `sources` (distinct paths).
    func independent(_ sources: Set<String>) -> Int {
        var groups = Set<Int>()
        var alone = 0
        for s in sources { if let g = group[s] { groups.insert(g) } else { alone += 1 } }
        return alone + groups.count
    }

    /// "1 source", "3 sources", "2 sources, copies of one text", "3 sources, 2 independent":
    /// `total` sources, of which those in `sources` (the ones known) may be copies.
    func label(_ total: Int, sources: Set<String>) -> String {
        let n = total
        let base = "\(n) source\(n == 1 ? "" : "s")"
        let k = n - (sources.count - independent(sources))
        guard k < n else { return base }
        return base + (k == 1 ? ", copies of one text" : ", \(k) independent")
    }
}
