/// Groups sources that are not independent of each other: copies of one text (many
/// sentences in common) or pages with the same URL. Support counts one per group.
struct SourceIndependence: Sendable {
    /// Group number of each source path.
    let group: [String: Int]
    /// For each group with more than one source, its members, sorted.
    let sharedGroups: [[String]]

    /// A sentence shared by more sources than this is a stock phrase, not a sign of copying.
    static let maxSourcesPerSentence = 20
    /// Two sources are copies when they share at least this many sentences…
    static let minShared = 3
    /// …and at least this share of the shorter one's sentences.
    static let minShareOfShorter = 0.5

    /// Groups `documents`, given each one's sentence fingerprints (`AuditWords.fingerprint`).
    init(_ documents: [Document], fingerprints: [[UInt64]]) {
        var parent = Array(documents.indices)
        func find(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
            return i
        }
        func union(_ a: Int, _ b: Int) {
            let ra = find(a), rb = find(b)
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
        }
        // Every (fingerprint, document) once, sorted: the documents sharing a sentence are a run.
        var counts = [Int](repeating: 0, count: documents.count)
        var entries: [(key: UInt64, document: Int32)] = []
        entries.reserveCapacity(fingerprints.reduce(0) { $0 + $1.count })
        for (i, list) in fingerprints.enumerated() {
            let before = entries.count
            for key in list.sorted() where entries.count == before || entries[entries.count - 1].key != key { entries.append((key, Int32(i))) }
            counts[i] = entries.count - before
        }
        entries.sort { $0.key < $1.key || ($0.key == $1.key && $0.document < $1.document) }
        // One number per pair of documents per sentence they share: sorted, a pair's shared sentences are a run.
        var pairs: [Int64] = []
        var start = 0
        while start < entries.count {
            var end = start + 1
            while end < entries.count && entries[end].key == entries[start].key { end += 1 }
            let n = end - start
            if n > 1 && n <= Self.maxSourcesPerSentence {
                for a in start..<end {
                    for b in (a + 1)..<end { pairs.append(Int64(entries[a].document) << 32 | Int64(entries[b].document)) }
                }
            }
            start = end
        }
        pairs.sort()
        start = 0
        while start < pairs.count {
            var end = start + 1
            while end < pairs.count && pairs[end] == pairs[start] { end += 1 }
            let pair = pairs[start], shared = end - start
            let a = Int(pair >> 32), b = Int(pair & 0xFFFF_FFFF)
            let shorter = max(1, min(counts[a], counts[b]))
            if shared >= Self.minShared && Double(shared) >= Self.minShareOfShorter * Double(shorter) { union(a, b) }
            start = end
        }
        var byURL: [String: Int] = [:]
        for (i, d) in documents.enumerated() {
            guard let url = d.metadata.url?.lowercased(), !url.isEmpty else { continue }
            if let first = byURL[url] { union(first, i) } else { byURL[url] = i }
        }
        var group: [String: Int] = [:]
        var members: [Int: [String]] = [:]
        for (i, d) in documents.enumerated() {
            let root = find(i)
            group[d.source] = root
            members[root, default: []].append(d.source)
        }
        self.group = group
        sharedGroups = members.values.filter { $0.count > 1 }.map { $0.sorted() }.sorted { $0[0] < $1[0] }
    }

    /// The group of `source`; sources not read (unknown) are their own group.
    func groupOf(_ source: String) -> Int {
        if let g = group[source] { return g }
        var h: UInt32 = 2_166_136_261
        for b in source.utf8 { h = (h ^ UInt32(b)) &* 16_777_619 }
        return -1 - Int(h)
    }

    /// One warning per group of copies, naming its sources: their claims count once in the audit,
    /// which a reader of "2 sources" elsewhere should know.
    func copyFindings() -> [Finding] {
        sharedGroups.map { members in
            let names = members.map(SourceQuality.name)
            let listed = names.count == 2 ? "\(names[0]) and \(names[1])" : names.dropLast().joined(separator: ", ") + " and \(names[names.count - 1])"
            return Finding(id: "quality:copies:\(members[0])", kind: .quality, code: "copies", severity: .warning,
                           message: "\(listed) are \(members.count == 2 ? "two copies" : "\(members.count) copies") of one text (most of their sentences, or their URL, in common): the audit counts them as one source",
                           sources: members)
        }
    }

    /// The number of independent groups among `sources`.
    func independentCount<S: Sequence>(_ sources: S) -> Int where S.Element == String {
        Set(sources.map { groupOf($0) }).count
    }

    /// Groups `documents` (splitting their sentences into words here).
    init(_ documents: [Document]) {
        self.init(documents, fingerprints: documents.map { d in d.sentences.compactMap { AuditWords($0.text).fingerprint } })
    }
}
