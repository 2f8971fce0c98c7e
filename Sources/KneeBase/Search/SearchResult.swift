/// One search result: an entity, a source or a passage, with where it stands.
public struct SearchResult: Sendable, Hashable {
    public var kind: ResultKind
    /// Entity id, source path, or `path:line:column` for a passage.
    public var id: String
    /// Entity name, source title, or the passage's heading path (else its source's title).
    public var title: String
    /// The text with the query's words marked: an entity's description, a source's
    /// title and byline, or the sentence.
    public var snippet: Snippet
    /// The source path, for sources and passages.
    public var source: String?
    /// The line in the source, for passages (1 for sources).
    public var line: Int?
    /// Relevance: BM25F over the weighted columns; higher is better.
    public var score: Double
    /// For entities: aliases (when there is no description), subtype and the best-supported relations.
    public var aliases: [String] = []
    public var subtype: String? = nil
    public var discovered = false
    public var relations: [RelationSummary] = []
    /// For passages: other sources with the very same sentence.
    public var duplicates = 0
}

/// One relation of an entity, as shown under an entity result.
public struct RelationSummary: Sendable, Hashable {
    public var relation: Relation
    /// True when the entity is the claim's subject.
    public var outgoing: Bool
    public var other: String
    public var otherName: String
    /// Distinct sources that make the claim.
    public var sources: Int
}

/// What `SearchEngine.search` found.
public struct SearchResponse: Sendable, Hashable {
    /// The query as given.
    public var query: String
    /// The query with typos corrected, when any was ("showing results for …").
    public var corrected: String?
    /// Things the user should know: words left out, relaxed matching.
    public var notes: [String]
    /// Entities first, then sources, then passages.
    public var results: [SearchResult]

    /// The stable JSON form:
    /// `{"query", "corrected", "results": [{"kind", "id", "title", "snippet", "text", "source", "line", "score"}]}`.
    /// `snippet` marks matched words with `**`; `text` is the same snippet without marks.
    public func json() -> String {
        var w = JSONWriter()
        w.beginObject()
        w.key("query"); w.string(query)
        w.key("corrected"); w.string(corrected)
        w.key("results")
        w.beginArray()
        for r in results {
            w.beginObject()
            w.key("kind"); w.string(r.kind.rawValue)
            w.key("id"); w.string(r.id)
            w.key("title"); w.string(r.title)
            w.key("snippet"); w.string(r.snippet.marked("**", "**"))
            w.key("text"); w.string(r.snippet.plain)
            w.key("source"); w.string(r.source)
            if let line = r.line { w.key("line"); w.int(line) } else { w.key("line"); w.null() }
            w.key("score"); w.double((r.score * 1000).rounded() / 1000)
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return String(decoding: w.bytes, as: UTF8.self)
    }
}
