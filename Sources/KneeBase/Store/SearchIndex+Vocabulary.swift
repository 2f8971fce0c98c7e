import GRDB

/// Writes the vocabulary tables: `search_words` (surface word → stem, count),
/// `search_deletes` (every word with one character deleted, the symmetric-delete index
/// `TypoCorrector` looks candidates up in) and `search_terms` (document frequencies).
enum SearchVocabulary {
    /// Words longer than this are not indexed for typo correction.
    static let maxCorrectableLength = 24

    static func write(words: WordCounts, terms: TermTable, _ db: Database) throws {
        let word = try db.makeStatement(sql: "INSERT INTO search_words(word, stem, count) VALUES (?,?,?)")
        let delete = try db.makeStatement(sql: "INSERT OR IGNORE INTO search_deletes(key, word) VALUES (?,?)")
        for (w, value) in words.counts.sorted(by: { $0.key < $1.key }) {
            try word.execute(arguments: [w, value.stem, value.count])
            let scalars = Array(w.unicodeScalars)
            guard scalars.count >= 3, scalars.count <= maxCorrectableLength else { continue }
            for key in deletes(of: scalars).sorted() { try delete.execute(arguments: [key, w]) }
        }
        let term = try db.makeStatement(sql: "INSERT INTO search_terms(term, entities, sources, sentences) VALUES (?,?,?,?)")
        let all = Set(terms.entities.keys).union(terms.sources.keys).union(terms.sentences.keys)
        for t in all.sorted() {
            try term.execute(arguments: [t, terms.entities[t] ?? 0, terms.sources[t] ?? 0, terms.sentences[t] ?? 0])
        }
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
