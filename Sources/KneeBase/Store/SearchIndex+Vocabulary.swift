import GRDB

/// Writes the vocabulary tables: `search_words` (surface word → stem, count),
/// `search_deletes` (every word with one character deleted, the symmetric-delete index
/// `TypoCorrector` looks candidates up in) and `search_terms` (document frequencies).
enum SearchVocabulary {
    /// Words longer than this are not indexed for typo correction.
    static let maxCorrectableLength = 24

    static func write(words: WordCounts, terms: TermTable, _ db: Database) throws {
        let word = try BulkInsert(db, "INSERT INTO search_words(word, stem, count) VALUES (?,?,?)", rows: BulkInsert.batch)
        let delete = try BulkInsert(db, "INSERT OR IGNORE INTO search_deletes(key, word) VALUES (?,?)", rows: BulkInsert.batch)
        // The deletes in primary-key order, each pair once: the table is filled from left to right.
        var deletes: [(key: String, word: String)] = []
        for (w, value) in words.counts.sorted(by: { $0.key < $1.key }) {
            word.bind(w)
            word.bind(value.stem)
            word.bind(value.count)
            try word.run()
            let scalars = Array(w.unicodeScalars)
            guard scalars.count >= 3, scalars.count <= maxCorrectableLength else { continue }
            for key in self.deletes(of: scalars) { deletes.append((key, w)) }
        }
        try word.finish()
        deletes.sort { ($0.key, $0.word) < ($1.key, $1.word) }
        for d in deletes {
            delete.bind(d.key)
            delete.bind(d.word)
            try delete.run()
        }
        try delete.finish()
        let term = try BulkInsert(db, "INSERT INTO search_terms(term, entities, sources, sentences) VALUES (?,?,?,?)", rows: BulkInsert.batch)
        let all = Set(terms.entities.keys).union(terms.sources.keys).union(terms.sentences.keys)
        for t in all.sorted() {
            term.bind(t)
            term.bind(terms.entities[t] ?? 0)
            term.bind(terms.sources[t] ?? 0)
            term.bind(terms.sentences[t] ?? 0)
            try term.run()
        }
        try term.finish()
    }

    /// The distinct strings made by deleting one scalar of `scalars`.
    static func deletes(of scalars: [Unicode.Scalar]) -> Set<String> {
        var out = Set<String>()
        for i in scalars.indices {
            var s = String.UnicodeScalarView()
            s.append(contentsOf: scalars[..<i])
            s.append(contentsOf: scalars[(i + 1)...])
            out.insert(String(s))
        }
        return out
    }
}
