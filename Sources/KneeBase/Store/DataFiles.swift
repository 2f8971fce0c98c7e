/// Writes the build's `data/` folder — `documents.json`, `graph.json`, `graph.jsonld`
/// and `kb.sqlite` — each on its own thread, as none depends on another (only the
/// database's last table waits for the audit's findings); the large JSON files are
/// streamed to disk rather than built in memory.
public enum DataFiles {
    /// Writes the four files into the publisher's staging folder; the database waits for
    /// `findings` only at its end. With a memo, the search index reuses the sentence
    /// analyses of the last cached build (with `prepared`, its rows are already computed);
    /// `documents.json` copies the objects of documents whose build-cache key (`keys`, one
    /// per document) `previous` holds. Returns the byte range of each document's object in
    /// the new `documents.json`.
    @discardableResult
    static func write(documents: [Document], graph: KnowledgeGraph, findings: Pending<[Finding]>, to publisher: OutputPublisher,
                      memo: SentenceMemo? = nil, prepared: SearchIndex.Prepared? = nil, keys: [String?] = [],
                      previous: DocumentsJSON.Previous? = nil) throws -> [Range<Int>] {
        let database = try publisher.stagingURL("data/kb.sqlite")
        let exporter = GraphExporter(entities: graph.entities, claims: graph.claims)
        let objects = Pending<[Range<Int>]>()
        // The database first: it takes longest, so the JSON files fill the other cores meanwhile.
        let jobs: [@Sendable () throws -> Void] = [
            { try KnowledgeBaseWriter.write(graph, findings: findings, to: database, memo: memo, prepared: prepared) },
            {
                try publisher.stream(to: "data/documents.json") {
                    objects.supply(try DocumentsJSON.write(documents, keys: keys, previous: previous, to: $0))
                }
            },
            { try publisher.stream(to: "data/graph.json") { try exporter.writeGraphJSON(to: $0) } },
            { try publisher.write(exporter.jsonLD(), to: "data/graph.jsonld") },
        ]
        for result in parallelMap(Array(jobs.indices), { i in Result { try jobs[i]() } }) { try result.get() }
        return objects.value
    }
}
