import GRDB

/// The full-text search tables of `kb.sqlite`. (Owned by the search work; not yet written.)
enum SearchIndex {
    static func build(_ graph: KnowledgeGraph, _ db: Database) throws {}
}
