import Foundation

/// Candidate retrieval and ranking: FTS5 finds the first matches in rowid order (the
/// most useful rows first), `BM25F` orders them. When no row has every term, the
/// query is relaxed to rows with all but one, all but two, … of them.
extension SearchEngine {
    /// Candidates of `table` for `analyzed`, relaxing the query when nothing matches;
    /// the number of terms required when relaxed.
    func candidates(_ analyzed: AnalyzedQuery, table: SearchTable, _ lookup: IndexLookup,
                    anyOf: [String] = [], noneOf: [String] = [], relax: Bool = true) throws -> (rows: [CandidateRow], relaxed: Int?) {
        let groups = analyzed.groups
        guard let match = MatchExpression.make(groups: groups, anyOf: anyOf, excluded: analyzed.excluded, noneOf: noneOf) else { return ([], nil) }
        let rows = try table.fetch(lookup, match)
        guard relax, rows.isEmpty, groups.count >= 2 else { return (rows, nil) }
        for k in stride(from: groups.count - 1, through: 1, by: -1) {
            guard k == 1 || MatchExpression.binomial(groups.count, k) <= 24 else { continue }
            guard let relaxed = MatchExpression.make(groups: groups, atLeast: k, anyOf: anyOf, excluded: analyzed.excluded, noneOf: noneOf) else { break }
            let rows = try table.fetch(lookup, relaxed, relaxed: true)
            if !rows.isEmpty { return (rows, k) }
        }
        return ([], nil)
    }

    /// Ranks `rows` by BM25F, most groups matched first when the query was relaxed.
    func ranked(_ rows: [CandidateRow], _ analyzed: AnalyzedQuery, table: SearchTable, relaxed: Bool) -> [Ranked] {
        let scorer = table.scorer(stats)
        let plan = scorer.plan(analyzed.groups, frequencies: analyzed.frequencies)
        var out = rows.map { row -> Ranked in
            let (score, matched) = scorer.score(row, plan)
            return Ranked(row: row, score: score, matched: matched)
        }
        out.sort {
            if relaxed && $0.matched != $1.matched { return $0.matched > $1.matched }
            if $0.score != $1.score { return $0.score > $1.score }
            return $0.row.rowid < $1.row.rowid
        }
        return out
    }

    func rank(_ analyzed: AnalyzedQuery, table: SearchTable, _ lookup: IndexLookup, limit: Int, relax: Bool = true) throws -> [Ranked] {
        let (rows, relaxed) = try candidates(analyzed, table: table, lookup, relax: relax)
        return Array(ranked(rows, analyzed, table: table, relaxed: relaxed != nil).prefix(limit))
    }

    /// Passages, without repeats of the same sentence in other sources.
    func rankPassages(_ analyzed: AnalyzedQuery, _ lookup: IndexLookup, limit: Int) throws -> ([Ranked], Int?) {
        let (rows, relaxed) = try candidates(analyzed, table: .sentences, lookup)
        return (ranked(rows, analyzed, table: .sentences, relaxed: relaxed != nil), relaxed)
    }

    /// Whether the content words of the alias that names the entity at `rowid` are at least
    /// as many as the query's other (non-stopword) words.
    private func namesHalf(_ analyzed: AnalyzedQuery, _ rowid: Int64) -> Bool {
        guard let alias = analyzed.groups.lazy.flatMap(\.alternatives).first(where: { $0.form == .entity && $0.entityRow == rowid }) else { return false }
        let others = analyzed.groups.count { g in !g.stopword && !g.alternatives.contains { $0.form == .entity } }
        return alias.weight >= Double(others)
    }

    /// A slight lead for entities the sources talk about most (entity rowids follow how much
    /// evidence names them): among near-equal matches for "pain", *knee pain* before *hip pain*.
    static func prominence(_ rowid: Int64) -> Double {
        1 + 0.1 / log2(Double(max(rowid, 1)) + 1)
    }

    /// Entities of the allowed kinds. Entities the query names by an alias come first
    /// (or near the top when the query says more than their name).
    func rankEntities(_ analyzed: AnalyzedQuery, _ lookup: IndexLookup, limit: Int) throws -> [Ranked] {
        let allowed = EntityKind.allCases.filter { analyzed.allows(ResultKind($0)) }
        let restricted = allowed.count < EntityKind.allCases.count || analyzed.groups.isEmpty
        let anyOf = restricted ? allowed.map(SearchSchema.kindToken) : []
        if analyzed.unmatchable { return [] }
        let (rows, relaxed) = try candidates(analyzed, table: .entities, lookup, anyOf: anyOf)
        var out = ranked(rows, analyzed, table: .entities, relaxed: relaxed != nil).map { r -> Ranked in
            var r = r
            r.score *= Self.prominence(r.row.rowid)
            return r
        }
        out.sort { relaxed != nil && $0.matched != $1.matched ? $0.matched > $1.matched
                   : $0.score != $1.score ? $0.score > $1.score : $0.row.rowid < $1.row.rowid }
        let top = out.first?.score ?? 1
        // The one entity the query names leads when no entity has every word, or when its
        // name is at least half of what the query says ("can I run with runner's knee");
        // otherwise it comes near the top.
        let leads = analyzed.recognized.count == 1 && (relaxed != nil || namesHalf(analyzed, analyzed.recognized[0].rowid))
        for r in analyzed.recognized where allowed.contains(r.kind) {
            let least = r.wholeQuery ? top * 3 : leads ? top * 1.01 : 0
            if let i = out.firstIndex(where: { $0.row.rowid == r.rowid }) {
                out[i].score = max(out[i].score * (r.wholeQuery ? 3 : 1), least)
            } else if let row = try lookup.entities(matching: MatchExpression.quote(SearchSchema.entityToken(r.rowid)), limit: 1).first {
                out.append(Ranked(row: row, score: max(least, top * 0.8), matched: analyzed.groups.count))
            }
        }
        out.sort { $0.score != $1.score ? $0.score > $1.score : $0.row.rowid < $1.row.rowid }
        return Array(out.prefix(limit))
    }
}
