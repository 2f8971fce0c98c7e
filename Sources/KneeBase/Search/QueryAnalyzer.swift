/// Resolves a parsed `Query` against the index, in four steps:
/// 1. tokenize and stem every term with the extraction `Tokenizer`;
/// 2. correct words the index has never seen (`TypoCorrector`);
/// 3. read runs of words that spell a lexicon name or alias as that entity
///    ("runner's knee" → patellofemoral pain syndrome, "VMO" → vastus medialis), so
///    they also match every other way of naming it;
/// 4. expand `prefix*` to the indexed words it starts, and drop lone stopwords.
struct QueryAnalyzer {
    let lookup: IndexLookup
    let tokenizer: Tokenizer

    /// Most words a prefix expands to.
    static let prefixExpansions = 40

    private struct Piece {
        var clause: Int
        var term: Term
        var tokens: [Token]
        /// Index of a token that is not in the index and could not be corrected.
        var unknown: Set<Int> = []
    }

    func analyze(_ query: Query) throws -> AnalyzedQuery {
        var out = AnalyzedQuery()
        out.kinds = query.kinds
        out.excludedKinds = query.excludedKinds
        // 1. Tokens of every term (a term of punctuation only has none and is dropped).
        var pieces: [[Piece]] = query.clauses.enumerated().map { c, clause in
            clause.alternatives.map { Piece(clause: c, term: $0, tokens: tokenizer.tokens($0.text)) }.filter { !$0.tokens.isEmpty }
        }
        // 2. Known stems, and corrections for the others.
        var stems = Set<String>()
        for list in pieces { for p in list { for (k, t) in p.tokens.enumerated() where !(p.term.form == .prefix && k == p.tokens.count - 1) { stems.insert(t.stem) } } }
        out.frequencies = try lookup.frequencies(stems)
        try correct(&pieces, &out)
        // 3. Aliases: every run of words that could spell one is looked up.
        let runs = Self.runs(query, pieces)
        var grams = Set<String>()
        for run in runs {
            let stems = run.map(\.token.stem)
            for i in stems.indices { for j in i..<min(stems.count, i + 10) { grams.insert(stems[i...j].joined(separator: " ")) } }
        }
        for list in pieces { for p in list { grams.insert(p.tokens.map(\.stem).joined(separator: " ")) } }
        let aliases = Dictionary(grouping: try lookup.aliases(grams), by: { $0.stems[0] })
        var consumed = Set<Int>()
        var spans: [Int: AnalyzedQuery.Group] = [:]
        recognizeRuns(query, pieces, runs, aliases, &consumed, &spans, &out)
        // 4. Groups, in the order written.
        for (c, clause) in query.clauses.enumerated() {
            if let span = spans[c] { out.groups.append(span); continue }
            if consumed.contains(c) { continue }
            var group = AnalyzedQuery.Group(alternatives: [], label: clause.alternatives.map(\.text).joined(separator: " OR "))
            group.stopword = pieces[c].count == 1 && pieces[c][0].term.form == .word && pieces[c][0].tokens.count == 1
                && Stopwords.contains(pieces[c][0].tokens[0].norm)
            for p in pieces[c] {
                group.alternatives += try alternatives(p, aliases: aliases, &out)
            }
            if group.alternatives.isEmpty {
                if !clause.excluded, pieces[c].contains(where: { !$0.unknown.isEmpty || $0.term.form == .prefix }) { out.unmatchable = true }
                continue
            }
            if clause.excluded { out.excluded.append(group) } else { out.groups.append(group) }
        }
        var kindOf: [String: EntityKind] = [:]
        for list in aliases.values { for a in list { kindOf[a.entity] = a.kind } }
        dropStopwords(query, pieces, kindOf: kindOf, &out)
        try completeFrequencies(&out)
        if out.unmatchable, !out.groups.isEmpty, query.clauses.contains(where: { !$0.excluded }) {
            // Unknown words were left out; search with the rest.
            out.unmatchable = false
        }
        return out
    }

    private func correct(_ pieces: inout [[Piece]], _ out: inout AnalyzedQuery) throws {
        var wanted: [(Int, Int, Int)] = []
        var keys = Set<String>()
        for (c, list) in pieces.enumerated() {
            for (a, p) in list.enumerated() {
                for (k, t) in p.tokens.enumerated() where out.frequencies[t.stem]?.isKnown != true {
                    if p.term.form == .prefix && k == p.tokens.count - 1 { continue }
                    wanted.append((c, a, k))
                    if WordCounts.isWord(t.norm) && keys.count < 600 { keys.formUnion(TypoCorrector.lookupKeys(t.norm)) }
                }
            }
        }
        guard !wanted.isEmpty else { return }
        let candidates = try lookup.correctionCandidates(keys.sorted())
        for (c, a, k) in wanted {
            let token = pieces[c][a].tokens[k]
            guard WordCounts.isWord(token.norm), !Stopwords.contains(token.norm),
                  let fix = TypoCorrector.best(for: token.norm, among: candidates) else {
                pieces[c][a].unknown.insert(k)
                // A stopword the sources never use is no loss; anything else is worth saying.
                if !Stopwords.contains(token.norm) { out.notes.append("no source uses '\(token.norm)'; it is left out") }
                continue
            }
            pieces[c][a].tokens[k].norm = fix.word
            pieces[c][a].tokens[k].stem = fix.stem
            let start = pieces[c][a].term.offset + token.start
            out.corrections.append(AnalyzedQuery.Correction(range: start..<(pieces[c][a].term.offset + token.end), replacement: fix.word))
        }
    }

    /// Runs of consecutive plain words (not excluded, not OR, not quoted, not unknown).
    private static func runs(_ query: Query, _ pieces: [[Piece]]) -> [[(clause: Int, token: Token)]] {
        var runs: [[(clause: Int, token: Token)]] = [[]]
        for (c, clause) in query.clauses.enumerated() {
            let plain = !clause.excluded && clause.alternatives.count == 1 && pieces[c].count == 1
                && pieces[c][0].term.form == .word && pieces[c][0].unknown.isEmpty
            if plain { runs[runs.count - 1] += pieces[c][0].tokens.map { (c, $0) } } else if !runs[runs.count - 1].isEmpty { runs.append([]) }
        }
        return runs.filter { !$0.isEmpty }
    }

    /// Finds aliases in runs of plain positive words; a match becomes one group.
    private func recognizeRuns(_ query: Query, _ pieces: [[Piece]], _ runs: [[(clause: Int, token: Token)]], _ aliases: [String: [AliasEntry]],
                               _ consumed: inout Set<Int>, _ spans: inout [Int: AnalyzedQuery.Group], _ out: inout AnalyzedQuery) {
        let contentTokens = runs.joined().filter { !Stopwords.contains($0.token.norm) }.count
        let otherPositive = query.clauses.enumerated().contains { c, clause in
            !clause.excluded && !runs.joined().contains { $0.clause == c } && !pieces[c].isEmpty
        }
        for run in runs where !run.isEmpty {
            var i = 0
            while i < run.count {
                guard let match = longestAlias(run.map(\.token), from: i, aliases) else { i += 1; continue }
                let span = run[i..<(i + match.stems.count)]
                let content = span.filter { !Stopwords.contains($0.token.norm) }.map(\.token.stem)
                var group = AnalyzedQuery.Group(alternatives: [], label: span.map(\.token.norm).joined(separator: " "))
                if !content.isEmpty { group.alternatives.append(AnalyzedQuery.Alternative(form: .all, stems: content)) }
                group.alternatives.append(entityAlternative(match, words: content.count))
                let clauses = Set(span.map(\.clause))
                consumed.formUnion(clauses)
                spans[clauses.min()!] = group
                out.recognized.append(AnalyzedQuery.Recognized(rowid: match.rowid, id: match.entity, kind: match.kind,
                                                               wholeQuery: !otherPositive && content.count == contentTokens))
                i += match.stems.count
            }
        }
    }

    /// The longest alias at `tokens[i...]`; among aliases with the same stems, the one
    /// spelt as typed, else the one extraction reads them as.
    private func longestAlias(_ tokens: [Token], from i: Int, _ aliases: [String: [AliasEntry]]) -> AliasEntry? {
        var best: (entry: AliasEntry, exact: Bool)? = nil
        for entry in aliases[tokens[i].stem] ?? [] where i + entry.stems.count <= tokens.count {
            guard (0..<entry.stems.count).allSatisfy({ tokens[i + $0].stem == entry.stems[$0] }) else { continue }
            // A lone stopword ("it", "us") is not read as an abbreviation unless written in capitals.
            if entry.stems.count == 1, Stopwords.contains(tokens[i].norm), !(entry.upperOnly && tokens[i].isUpper) { continue }
            let exact = (0..<entry.words.count).allSatisfy { k in i + k < tokens.count && tokens[i + k].norm == entry.words[k] }
            if let b = best {
                if entry.stems.count < b.entry.stems.count { continue }
                if entry.stems.count == b.entry.stems.count && (b.exact || !exact) { continue }
            }
            best = (entry, exact)
        }
        return best?.entry
    }

    /// The alias whose stems are exactly `tokens`, preferring the one spelt as typed.
    private func exactAlias(_ tokens: [Token], _ aliases: [String: [AliasEntry]]) -> AliasEntry? {
        let stems = tokens.map(\.stem)
        let matches = (aliases[stems[0]] ?? []).filter { $0.stems == stems }
        return matches.first { $0.words == tokens.map(\.norm) } ?? matches.first
    }

    private func entityAlternative(_ entry: AliasEntry, words: Int) -> AnalyzedQuery.Alternative {
        AnalyzedQuery.Alternative(form: .entity, stems: [SearchSchema.entityToken(entry.rowid)], weight: Double(max(words, 1)),
                                  entityRow: entry.rowid, entity: entry.entity)
    }

    /// The alternatives one term gives.
    private func alternatives(_ p: Piece, aliases: [String: [AliasEntry]], _ out: inout AnalyzedQuery) throws -> [AnalyzedQuery.Alternative] {
        guard p.unknown.isEmpty else { return [] }
        let stems = p.tokens.map(\.stem)
        switch p.term.form {
        case .prefix:
            let last = p.tokens[p.tokens.count - 1].norm
            let words = try lookup.words(prefix: last, limit: Self.prefixExpansions)
            var seen = Set<String>()
            let expanded = words.map(\.stem).filter { seen.insert($0).inserted }
            if expanded.isEmpty { out.notes.append("no word in the knowledge base starts with '\(last)'") }
            let head = Array(stems.dropLast())
            return expanded.map { head.isEmpty ? AnalyzedQuery.Alternative(form: .term, stems: [$0], expanded: true)
                                               : AnalyzedQuery.Alternative(form: .phrase, stems: head + [$0]) }
        case .word, .phrase:
            var list = [stems.count == 1 ? AnalyzedQuery.Alternative.term(stems[0]) : AnalyzedQuery.Alternative(form: .phrase, stems: stems)]
            // A phrase, an excluded word or an OR alternative that is exactly an alias also stands for its entity.
            if let entry = exactAlias(p.tokens, aliases),
               !(stems.count == 1 && Stopwords.contains(p.tokens[0].norm)) {
                list.append(entityAlternative(entry, words: stems.count))
            }
            return list
        }
    }

    /// Drops groups that are a lone stopword, unless nothing else is left.
    private func dropStopwords(_ query: Query, _ pieces: [[Piece]], kindOf: [String: EntityKind], _ out: inout AnalyzedQuery) {
        let kept = out.groups.filter { !$0.stopword }
        if !kept.isEmpty { out.groups = kept }
        // Entities named by a phrase or an OR alternative are recognized too.
        for g in out.groups {
            for a in g.alternatives where a.form == .entity && !out.recognized.contains(where: { $0.rowid == a.entityRow }) {
                guard let row = a.entityRow, let id = a.entity else { continue }
                out.recognized.append(AnalyzedQuery.Recognized(rowid: row, id: id, kind: kindOf[id] ?? .condition,
                                                               wholeQuery: out.groups.count == 1 && g.alternatives.count == 2))
            }
        }
    }

    /// Frequencies of every term the groups use (corrections, expansions, entity markers).
    private func completeFrequencies(_ out: inout AnalyzedQuery) throws {
        var missing = Set<String>()
        for g in out.groups { for a in g.alternatives { for s in a.stems where out.frequencies[s] == nil { missing.insert(s) } } }
        guard !missing.isEmpty else { return }
        for (k, v) in try lookup.frequencies(missing) { out.frequencies[k] = v }
    }
}
