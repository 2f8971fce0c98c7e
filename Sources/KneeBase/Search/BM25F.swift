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
        /// A column of alternative names (`_`-separated aliases): a term counts once however
        /// many of them hold it, whatever their number, so an entity with many aliases built
        /// on one word ("pain in the knee", "knee pain from running", …) does not outrank the
        /// one whose name the word is.
        var alternatives = false
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

    /// The query's groups with their terms numbered, and each term's IDF in this table.
    func plan(_ groups: [AnalyzedQuery.Group], frequencies: [String: TermFrequency]) -> Plan {
        var plan = Plan()
        var index: [String: Int32] = [:]
        func id(_ s: String) -> Int32 {
            if let i = index[s] { return i }
            let i = Int32(plan.terms.count)
            index[s] = i
            plan.terms.append(Array(s.utf8))
            plan.idf.append(idf(frequencies[s]?[keyPath: frequency] ?? 0))
            return i
        }
        plan.groups = groups.map { g in g.alternatives.map { Plan.Alternative(form: $0.form, ids: $0.stems.map(id), weight: $0.weight) } }
        // The words a prefix expands to weigh as the commonest of them: "kn*" is about words
        // starting "kn", and a rare completion ("kneecap") should not outrank "knee".
        for (g, group) in groups.enumerated() {
            let expanded = group.alternatives.indices.filter { group.alternatives[$0].expanded && group.alternatives[$0].form == .term }
            guard let least = expanded.map({ plan.idf[Int(plan.groups[g][$0].ids[0])] }).min(), least > 0 else { continue }
            for a in expanded { plan.groups[g][a].weight *= least / plan.idf[Int(plan.groups[g][a].ids[0])] }
        }
        return plan
    }

    /// The query, numbered for scoring.
    struct Plan {
        struct Alternative {
            var form: AnalyzedQuery.Alternative.Form
            var ids: [Int32]
            var weight: Double
        }

        var terms: [[UInt8]] = []
        var idf: [Double] = []
        var groups: [[Alternative]] = []
    }

    /// The score of `row` and how many groups it matches.
    func score(_ row: CandidateRow, _ plan: Plan) -> (score: Double, matched: Int) {
        var ids: [[Int32]] = []
        var norms: [Double] = []
        for (i, column) in columns.enumerated() where i < row.columns.count {
            let (columnIDs, length) = Self.termIDs(row.columns[i], plan.terms)
            ids.append(columnIDs)
            norms.append(column.averageLength > 0 && !column.alternatives ? (1 - b + b * Double(length) / column.averageLength) : 1)
        }
        var total = 0.0
        var matched = 0
        for group in plan.groups {
            var best = 0.0
            for a in group {
                let s = alternativeScore(a, ids, norms, plan)
                if s > best { best = s }
            }
            if best > 0 { matched += 1 }
            total += best
        }
        return (total, matched)
    }

    private func alternativeScore(_ a: Plan.Alternative, _ ids: [[Int32]], _ norms: [Double], _ plan: Plan) -> Double {
        switch a.form {
        case .term, .entity:
            return plan.idf[Int(a.ids[0])] * saturate(weighted(ids, norms) { Self.count($0, a.ids[0]) }) * a.weight
        case .all:
            var sum = 0.0
            for t in a.ids {
                let part = saturate(weighted(ids, norms) { Self.count($0, t) })
                guard part > 0 else { return 0 }
                sum += plan.idf[Int(t)] * part
            }
            return sum
        case .phrase:
            let part = saturate(weighted(ids, norms) { Self.phraseCount($0, a.ids) })
            guard part > 0 else { return 0 }
            return a.ids.reduce(0) { $0 + plan.idf[Int($1)] } * part
        }
    }

    private func weighted(_ ids: [[Int32]], _ norms: [Double], _ tf: ([Int32]) -> Int) -> Double {
        var sum = 0.0
        for i in 0..<min(ids.count, norms.count) {
            let n = columns[i].alternatives ? min(tf(ids[i]), 1) : tf(ids[i])
            if n > 0 { sum += columns[i].weight * Double(n) / norms[i] }
        }
        return sum
    }

    private func saturate(_ tf: Double) -> Double { tf > 0 ? tf * (k1 + 1) / (k1 + tf) : 0 }

    private static func count(_ ids: [Int32], _ t: Int32) -> Int {
        var n = 0
        for i in ids where i == t { n += 1 }
        return n
    }

    private static func phraseCount(_ ids: [Int32], _ phrase: [Int32]) -> Int {
        guard !phrase.isEmpty, phrase.count <= ids.count else { return 0 }
        var n = 0
        for start in 0...(ids.count - phrase.count) where ids[start] == phrase[0] {
            var k = 1
            while k < phrase.count && ids[start + k] == phrase[k] { k += 1 }
            if k == phrase.count { n += 1 }
        }
        return n
    }

    /// Each space-separated token of `column` as the index of the query term it is
    /// (-1 for others, -2 for the `_` alias separator), and the column's length.
    static func termIDs(_ column: String, _ terms: [[UInt8]]) -> ([Int32], Int) {
        var out: [Int32] = []
        var length = 0
        var text = column
        text.withUTF8 { buf in
            out.reserveCapacity(buf.count / 5)
            let n = buf.count
            var i = 0
            while i < n {
                while i < n && buf[i] == 0x20 { i += 1 }
                let start = i
                while i < n && buf[i] != 0x20 { i += 1 }
                let len = i - start
                guard len > 0 else { break }
                if len == 1 && buf[start] == 0x5F { out.append(-2); continue }
                length += 1
                var id: Int32 = -1
                for (t, term) in terms.enumerated() where term.count == len && term[0] == buf[start] {
                    if term.withUnsafeBufferPointer({ memcmp($0.baseAddress!, buf.baseAddress! + start, len) == 0 }) { id = Int32(t); break }
                }
                out.append(id)
            }
        }
        return (out, length)
    }
}
