import KneeBase

/// The message for a name that no entity has, with the entities a search for it finds first.
enum EntitySuggestions {
    /// "no entity named 'pain'; did you mean knee pain, …?" (or the search to try when none is found).
    static func notFound(_ name: String, _ reader: KnowledgeBaseReader) -> String {
        let kinds = Set(ResultKind.allCases.filter { $0.entityKind != nil })
        let found = (try? SearchEngine(reader: reader).search(name, options: SearchOptions(kinds: kinds, limit: 3)).results) ?? []
        let names = found.map { "‘\($0.title)’" }
        guard !names.isEmpty else { return "error: no entity named '\(name)' (try `kneebase search \(name)`)" }
        return "error: no entity named '\(name)'; did you mean \(names.joined(separator: ", "))?"
    }
}
