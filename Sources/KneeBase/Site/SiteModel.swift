/// Everything the pages need, computed once from the graph: lookups by entity and by
/// source sentence, counts, titles, and where every page lives.
struct SiteModel: Sendable {
    let graph: KnowledgeGraph
    let findings: [Finding]
    let paths: SitePaths
    let entities: [String: Entity]
    /// Claim indexes (into `graph.claims`) by subject and by object.
    let claimsBySubject: [String: [Int]]
    let claimsByObject: [String: [Int]]
    /// Document index by source path.
    let documentIndex: [String: Int]
    /// Per document: claim indexes by sentence index.
    let sentenceClaims: [[Int: [Int]]]
    /// Per document: the (sentence, claim) pairs whose evidence denies the claim, as `pairKey`.
    let deniedClaims: [Set<Int>]
    /// Distinct sources behind the claims about an entity (as subject or object).
    let sourceCount: [String: Int]
    /// Claims about an entity (as subject or object).
    let claimCount: [String: Int]
    let evidenceCount: Int
    /// Entities in page order: by kind, then name.
    let orderedEntities: [Entity]
    /// The search index's document number of each entity (its place in `orderedEntities`);
    /// sources follow, numbered from `orderedEntities.count` in graph order.
    let entityNumber: [String: Int]
    /// Distinct sources of each claim, by claim index.
    let claimSources: [Int]
    /// Quality findings by the source they are about.
    let qualityFindings: [String: [Finding]]
    /// The entities that name each entity as a parent, in graph order.
    let children: [String: [Entity]]
    /// The entities that name each entity among their `targets` (the exercises working a
    /// muscle), in graph order.
    let targetedBy: [String: [Entity]]
    /// For sources the audit found to be copies of one text (`quality:copies`): their group.
    let copyGroup: [String: Int]

    init(graph: KnowledgeGraph, findings: [Finding]) {
        self.graph = graph
        self.findings = findings
        paths = SitePaths(entities: graph.entities, documents: graph.documents)
        entities = graph.entityIndex()
        var bySubject: [String: [Int]] = [:], byObject: [String: [Int]] = [:]
        var docIndex: [String: Int] = [:]
        for (i, d) in graph.documents.enumerated() where docIndex[d.source] == nil { docIndex[d.source] = i }
        var perSentence = [[Int: [Int]]](repeating: [:], count: graph.documents.count)
        var denied = [Set<Int>](repeating: [], count: graph.documents.count)
        var sources: [String: Set<Int>] = [:]
        var claimCount: [String: Int] = [:]
        var evidence = 0
        var claimSources = [Int](repeating: 0, count: graph.claims.count)
        for ci in graph.claims.indices {
            // Fields read in place: copying each Evidence (a dozen strings) cost more than the rest of the loop.
            let subject = graph.claims[ci].subject, object = graph.claims[ci].object
            let list = graph.claims[ci].evidence
            bySubject[subject, default: []].append(ci)
            byObject[object, default: []].append(ci)
            claimCount[subject, default: 0] += 1
            if object != subject { claimCount[object, default: 0] += 1 }
            var docs = Set<Int>()
            var unknownSources = Set<String>()
            for k in list.indices {
                guard let di = docIndex[list[k].source] else { unknownSources.insert(list[k].source); continue }
                docs.insert(di)
                let sentence = list[k].sentence
                if perSentence[di][sentence]?.last != ci { perSentence[di][sentence, default: []].append(ci) }
                if list[k].polarity == .negated { denied[di].insert(Self.pairKey(sentence: sentence, claim: ci)) }
            }
            evidence += list.count
            // Distinct sources: each known one has its own document index.
            claimSources[ci] = docs.count + unknownSources.count
            sources[subject, default: []].formUnion(docs)
            if object != subject { sources[object, default: []].formUnion(docs) }
        }
        claimsBySubject = bySubject
        self.claimSources = claimSources
        claimsByObject = byObject
        documentIndex = docIndex
        sentenceClaims = perSentence
        deniedClaims = denied
        sourceCount = sources.mapValues(\.count)
        self.claimCount = claimCount
        evidenceCount = evidence
        let ordered = graph.entities.sorted { ($0.kind, $0.name.lowercased(), $0.id) < ($1.kind, $1.name.lowercased(), $1.id) }
        orderedEntities = ordered
        var numbers: [String: Int] = [:]
        for (i, e) in ordered.enumerated() where numbers[e.id] == nil { numbers[e.id] = i }
        entityNumber = numbers
        var quality: [String: [Finding]] = [:]
        for f in findings where f.kind == .quality { for s in Set(f.sources) { quality[s, default: []].append(f) } }
        qualityFindings = quality
        var copyGroup: [String: Int] = [:]
        for (g, f) in findings.filter({ $0.kind == .quality && $0.code == "copies" }).enumerated() { for s in f.sources { copyGroup[s] = g } }
        self.copyGroup = copyGroup
        var children: [String: [Entity]] = [:]
        for e in graph.entities { for p in Set(e.parents) { children[p, default: []].append(e) } }
        self.children = children
        var targetedBy: [String: [Entity]] = [:]
        for e in graph.entities { for t in Set(e.targets) { targetedBy[t, default: []].append(e) } }
        self.targetedBy = targetedBy
    }

    /// "2 sources" for claim `ci`, or "2 sources, copies of one text" / "3 sources, 2 independent"
    /// when some of them are copies of one text.
    func sourceLabel(claim ci: Int) -> String {
        let n = claimSources[ci]
        guard !copyGroup.isEmpty else { return Text.count(n, "source") }
        var groups = Set<Int>(), copied = Set<String>()
        for ev in graph.claims[ci].evidence { if let g = copyGroup[ev.source], copied.insert(ev.source).inserted { groups.insert(g) } }
        let independent = n - copied.count + groups.count
        guard independent < n else { return Text.count(n, "source") }
        return Text.count(n, "source") + (independent == 1 ? ", copies of one text" : ", \(independent) independent")
    }

    /// The key of a (sentence, claim) pair in `deniedClaims`.
    static func pairKey(sentence: Int, claim: Int) -> Int { sentence << 32 | claim }

    /// The title shown for a document: its metadata title, its first heading, or its file name.
    func title(of document: Document) -> String { Self.title(of: document) }

    /// The title of `document`'s page: its metadata title, else its first heading, else its file name.
    static func title(of document: Document) -> String {
        if let t = document.metadata.title?.trimmingASCIIWhitespace(), !t.isEmpty { return t }
        if let h = document.blocks.first(where: { $0.kind == .heading }), !h.text.isEmpty { return h.text }
        return document.source.split(separator: "/").last.map(String.init) ?? document.source
    }

    /// The display name of an entity id (the id itself when unknown).
    func name(_ id: String) -> String { entities[id]?.name ?? id }

    /// A link from a page at `root` to an entity's page.
    func entityHref(_ id: String, root: String) -> String? { paths.entity(id).map { root + $0 } }

    /// A link from a page at `root` to a sentence of a source.
    func sentenceHref(source: String, sentence: Int, root: String) -> String? {
        paths.source(source).map { root + $0 + "#" + SitePaths.sentenceAnchor(sentence) }
    }
}
