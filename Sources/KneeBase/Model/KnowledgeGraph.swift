/// The compiled knowledge base: entities, claims with evidence, and the sources read.
public struct KnowledgeGraph: Sendable {
    /// Entities sorted by id.
    public var entities: [Entity]
    /// Claims sorted by subject, relation, object.
    public var claims: [Claim]
    /// The documents the claims come from, sorted by source path.
    public var documents: [Document]

    public init(entities: [Entity], claims: [Claim], documents: [Document]) {
        self.entities = entities
        self.claims = claims
        self.documents = documents
    }

    /// Entities by id.
    public func entityIndex() -> [String: Entity] {
        Dictionary(entities.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }
}
