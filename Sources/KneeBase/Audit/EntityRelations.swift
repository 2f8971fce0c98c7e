/// How entities relate through the lexicon: parents, the anatomy an entity is about
/// (a treatment's targets, or the anatomy its name contains: *weak quadriceps* →
/// quadriceps), and what kind of remedy or deficit it is (strengthening, stretching;
/// weakness, tightness). The contradiction finder asks these questions.
struct EntityRelations: Sendable {
    enum Remedy: Sendable, Hashable { case strengthening, stretching }

    let entities: [String: Entity]
    private(set) var children: [String: [String]] = [:]
    /// Anatomy an entity is about, without regions (joints and areas that contain other parts).
    private(set) var footprint: [String: Set<String>] = [:]
    /// A treatment's targets without those that contain another of its targets.
    private(set) var specificTargets: [String: Set<String>] = [:]
    private(set) var remedy: [String: Remedy] = [:]
    private(set) var deficit: [String: Remedy] = [:]
    private var lineages: [String: Set<String>] = [:]

    init(entities: [Entity], lexicon: Lexicon) {
        let index = Dictionary(entities.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.entities = index
        for e in entities {
            for p in e.parents { children[p, default: []].append(e.id) }
        }
        for e in entities { lineages[e.id] = Set(Lexicon.lineage(of: e.id) { index[$0]?.parents ?? [] }) }
        let regions = Set(entities.filter { e in
            e.kind == .anatomy && (e.subtype == "joint" || (e.subtype == "other" && (children[e.id] ?? []).contains { index[$0]?.kind == .anatomy }))
        }.map(\.id))
        let finder = MentionFinder(lexicon: Lexicon(entities: entities.filter { $0.kind == .anatomy }))
        let tokenizer = Tokenizer(stemmer: Stemmer())
        for e in entities where e.kind != .anatomy {
            // A treatment is about its targets; a cause or condition about the anatomy its names name.
            let names = e.kind == .treatment ? [e.name] : [e.name] + e.aliases
            let named = Set(names.flatMap { finder.mentions(in: tokenizer.tokens($0)).map(\.entity) })
            let targets = Set(e.targets)
            let about = (e.kind == .treatment && !targets.isEmpty ? targets : named).subtracting(regions)
            if !about.isEmpty { footprint[e.id] = about }
            if e.kind == .treatment {
                let specific = about.filter { t in !about.contains { $0 != t && (lineages[$0] ?? []).contains(t) } }
                if !specific.isEmpty { specificTargets[e.id] = specific }
            }
            let words = (lineages[e.id] ?? [e.id]).joined(separator: " ")
            switch e.kind {
            case .treatment:
                if words.contains("strength") { remedy[e.id] = .strengthening }
                else if ["stretch", "relax", "release", "foam-rolling", "massage"].contains(where: words.contains) { remedy[e.id] = .stretching }
            case .cause:
                if words.contains("weak") || words.contains("imbalance") { deficit[e.id] = .strengthening }
                else if words.contains("tight") { deficit[e.id] = .stretching }
            default:
                break
            }
        }
        for a in entities where a.kind == .anatomy && !regions.contains(a.id) { footprint[a.id] = [a.id] }
    }

    /// `id` and all its ancestors.
    func lineage(_ id: String) -> Set<String> { lineages[id] ?? [id] }

    func parents(_ id: String) -> [String] { entities[id]?.parents ?? [] }

    /// One is the direct parent of the other.
    func adjacent(_ a: String, _ b: String) -> Bool {
        parents(a).contains(b) || parents(b).contains(a)
    }

    /// The same anatomy, or one directly part of the other.
    func relatedAnatomy(_ a: String, _ b: String) -> Bool {
        a == b || adjacent(a, b)
    }

    /// "a kind of X" when `y` is a kind of `x`, "which X is a kind of" when `x` is a kind of `y`. A
    /// family at the root of the lexicon ("strength training", "stretching") is too broad to count:
    /// advising against one kind of it neither contradicts the family nor its other kinds.
    func kinship(_ x: String, _ y: String) -> String? {
        if parents(y).contains(x), !parents(x).isEmpty { return "a kind of \(name(x))" }
        if parents(x).contains(y), !parents(y).isEmpty { return "which \(name(x)) is a kind of" }
        return nil
    }

    /// The single anatomy a treatment is about, when it is about one only (*VMO strengthening* → vastus medialis).
    func soleTarget(_ id: String) -> String? {
        guard let s = specificTargets[id], s.count == 1 else { return nil }
        return s.first
    }

    /// How treatment `y` relates to treatment `x`, if closely: a kind of it, or aimed at the muscle `x` is about.
    func treatmentRelation(_ x: String, _ y: String) -> String? {
        if let how = kinship(x, y) { return how }
        if let t = soleTarget(y), specificTargets[x]?.contains(t) == true { return "both work the \(name(t))" }
        if let t = soleTarget(x), specificTargets[y]?.contains(t) == true { return "both work the \(name(t))" }
        return nil
    }

    /// The anatomy of `a` related to some anatomy of `b`, if any.
    func sharedAnatomy(_ a: Set<String>, _ b: Set<String>) -> String? {
        for x in a.sorted() where b.contains(where: { relatedAnatomy(x, $0) }) { return x }
        return nil
    }

    /// Anatomy a treatment works: its specific targets, else what its name names.
    func worked(_ id: String) -> Set<String> { specificTargets[id] ?? footprint[id] ?? [] }

    func name(_ id: String) -> String { entities[id]?.name ?? id }
}
