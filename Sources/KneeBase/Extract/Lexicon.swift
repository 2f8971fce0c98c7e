/// The curated vocabulary: entities with their names, aliases, parents and targets.
public struct Lexicon: Sendable {
    /// Entities sorted by id.
    public private(set) var entities: [Entity]
    private var index: [String: Int]
    /// For an alias claimed by several entities (case-folded): the entity it is read as.
    public private(set) var resolvedAmbiguities: [String: String]

    public init(entities: [Entity], resolvedAmbiguities: [String: String] = [:]) {
        self.entities = entities.sorted { $0.id < $1.id }
        self.index = [:]
        for (i, e) in self.entities.enumerated() where index[e.id] == nil { index[e.id] = i }
        self.resolvedAmbiguities = resolvedAmbiguities
    }

    /// The entity with this id.
    public subscript(id: String) -> Entity? {
        index[id].map { entities[$0] }
    }

    /// Ids of `id` and all its ancestors through `parents`.
    public func lineage(of id: String) -> [String] {
        Self.lineage(of: id) { self[$0]?.parents ?? [] }
    }

    /// Ids of `id` and all its ancestors, following `parents` (each id once, cycles cut).
    static func lineage(of id: String, parents: (String) -> [String]) -> [String] {
        var out: [String] = []
        var queue = [id]
        var seen = Set<String>()
        while let next = queue.popLast() {
            guard seen.insert(next).inserted else { continue }
            out.append(next)
            queue.append(contentsOf: parents(next))
        }
        return out
    }
}
