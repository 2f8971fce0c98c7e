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

    /// Groups `documents`, given each one's sentence fingerprints (see `fingerprints(_:)`).
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
        var bySentence: [UInt64: [Int]] = [:]
        var counts = [Int](repeating: 0, count: documents.count)
        for (i, list) in fingerprints.enumerated() {
            let unique = Set(list)
            for key in unique { bySentence[key, default: []].append(i) }
            counts[i] = unique.count
        }
        var pairs: [Int64: Int] = [:]
        for list in bySentence.values where list.count > 1 && list.count <= Self.maxSourcesPerSentence {
            for a in 0..<list.count {
                for b in (a + 1)..<list.count { pairs[Int64(list[a]) << 32 | Int64(list[b]), default: 0] += 1 }
            }
        }
        for (pair, shared) in pairs {
            let a = Int(pair >> 32), b = Int(pair & 0xFFFF_FFFF)
            let shorter = max(1, min(counts[a], counts[b]))
            if shared >= Self.minShared && Double(shared) >= Self.minShareOfShorter * Double(shorter) { union(a, b) }
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

    /// The number of independent groups among `sources`.
    func independentCount<S: Sequence>(_ sources: S) -> Int where S.Element == String {
        Set(sources.map { groupOf($0) }).count
    }

    /// One hash per sentence long enough to tell copying from stock phrases (six words or more),
    /// from the sentences' words.
    static func fingerprints(_ words: [[String]]) -> [UInt64] {
        words.compactMap { w in
            guard w.count >= 6 else { return nil }
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for word in w {
                for b in word.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
                h = (h ^ 0x20) &* 0x100_0000_01b3
            }
            return h
        }
    }

    /// Groups `documents` (splitting their sentences into words here).
    init(_ documents: [Document]) {
        self.init(documents, fingerprints: documents.map { d in Self.fingerprints(d.sentences.map { RewriteSwaps.words($0.text) }) })
    }
}
