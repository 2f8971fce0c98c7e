import KneeBase

/// The message for a name that no entity has, with the entities a search for it finds first.
enum EntitySuggestions {
    /// "no entity named 'pain'; did you mean knee pain, …?" (or the search to try when none is found).
    static func notFound(_ name: String, _ reader: KnowledgeBaseReader) -> String {
        if name.allSatisfy(\.isWhitespace) { return empty }
        let kinds = Set(ResultKind.allCases.filter { $0.entityKind != nil })
        let found = (try? SearchEngine(reader: reader).search(name, options: SearchOptions(kinds: kinds, limit: 3)).results) ?? []
        let names = found.map { "‘\($0.title)’" }
        guard !names.isEmpty else { return tryInstead(name) }
        return "error: no entity named '\(name)'; did you mean \(names.joined(separator: ", "))?"
    }

    /// The message for an empty name.
    static let empty = "error: the entity name is empty; give an id, a name or an alias (`kneebase search WORDS` finds them)"

    /// The message for a name no entity has, without suggestions: the search to try.
    static func tryInstead(_ name: String) -> String {
        name.allSatisfy(\.isWhitespace) ? empty : "error: no entity named '\(name)' (try `kneebase search \(name)`)"
    }
}
