import Foundation

/// BM25F relevance over an FTS row's weighted columns, computed on the candidates FTS5
/// returns. Each column's term frequency is normalised by the column's length and
/// weighted (name > aliases > heading > body, see `SearchSchema.Weight`); the sum is
/// saturated once per term and multiplied by the term's inverse document frequency.
/// A group scores its best alternative; a row scores the sum of its groups.
///
/// Scoring here rather than with FTS5's `bm25()` lets a query stop after the first
/// few hundred matches: `bm25()` counts every matching row of every term to get its
/// IDF, which on a 10,000-article corpus costs tens of milliseconds for common words,
/// while the IDF is one lookup in `search_terms`.
struct BM25F {
    struct Column {
        var weight: Double
        var averageLength: Double
    }

    let columns: [Column]
    let documentCount: Double
    /// Which document frequency of `TermFrequency` applies to this table.
    let frequency: KeyPath<TermFrequency, Int>
    let k1 = 1.2
    let b = 0.75

    func idf(_ df: Int) -> Double {
        let n = max(documentCount, 1)
        let d = Double(min(max(df, 0), Int(n)))
        return log(1 + (n - d + 0.5) / (d + 0.5))
    }

    /// The score of `row` for `groups`, and how many groups it matches.
    func score(_ row: CandidateRow, groups: [AnalyzedQuery.Group], frequencies: [String: TermFrequency]) -> (score: Double, matched: Int) {
        let tokens = row.columns.map { $0.split(separator: " ", omittingEmptySubsequences: true) }
        var norms: [Double] = []
        for (i, column) in columns.enumerated() where i < tokens.count {
            let length = Double(tokens[i].lazy.filter { $0 != SearchSchema.aliasSeparator }.count)
            norms.append(column.averageLength > 0 ? (1 - b + b * length / column.averageLength) : 1)
        }
        var total = 0.0
        var matched = 0
        for g in groups {
            var best = 0.0
            for a in g.alternatives {
                let s = alternativeScore(a, tokens, norms, frequencies)
                if s > best { best = s }
            }
            if best > 0 { matched += 1 }
            total += best
        }
        return (total, matched)
    }

    private func alternativeScore(_ a: AnalyzedQuery.Alternative, _ tokens: [[Substring]], _ norms: [Double],
                                  _ frequencies: [String: TermFrequency]) -> Double {
        func df(_ s: String) -> Int { frequencies[s]?[keyPath: frequency] ?? 0 }
        switch a.form {
        case .term:
            return idf(df(a.stems[0])) * saturate(weighted(tokens, norms) { count($0, a.stems[0]) })
        case .entity:
            return idf(df(a.stems[0])) * saturate(weighted(tokens, norms) { count($0, a.stems[0]) }) * a.weight
        case .all:
            var sum = 0.0
            for s in a.stems {
                let part = saturate(weighted(tokens, norms) { count($0, s) })
                guard part > 0 else { return 0 }
                sum += idf(df(s)) * part
            }
            return sum
        case .phrase:
            let part = saturate(weighted(tokens, norms) { phraseCount($0, a.stems) })
            guard part > 0 else { return 0 }
            return a.stems.reduce(0) { $0 + idf(df($1)) } * part
        }
    }

    private func weighted(_ tokens: [[Substring]], _ norms: [Double], _ tf: ([Substring]) -> Int) -> Double {
        var sum = 0.0
        for i in 0..<min(tokens.count, norms.count) {
            let n = tf(tokens[i])
            if n > 0 { sum += columns[i].weight * Double(n) / norms[i] }
        }
        return sum
    }

    private func saturate(_ tf: Double) -> Double { tf > 0 ? tf * (k1 + 1) / (k1 + tf) : 0 }

    private func count(_ tokens: [Substring], _ stem: String) -> Int {
        var n = 0
        for t in tokens where t == stem { n += 1 }
        return n
    }

    private func phraseCount(_ tokens: [Substring], _ stems: [String]) -> Int {
        guard !stems.isEmpty, stems.count <= tokens.count else { return 0 }
        var n = 0
        for start in 0...(tokens.count - stems.count) where tokens[start] == stems[0] {
            if (1..<stems.count).allSatisfy({ tokens[start + $0] == stems[$0] }) { n += 1 }
        }
        return n
    }
}
