/// Support for each claim: how many independent sources make it (repeats inside one
/// source, and copies of one text, count once), and whether it rests only on hedged
/// sentences or only on the author's personal experience.
struct SupportAnalysis: Sendable {
    static let anecdote = "author (personal experience)"
    /// Attributions of a first-person story: the author's, or a reader's in a Q&A column.
    static let anecdotes: Set<String> = [anecdote, ClaimExtractor.readerAttribution]

    let independence: SourceIndependence
    let describe: ClaimDescriber

    /// The support findings of every claim, in claim order (claims are read in parallel).
    func findings(_ claims: [Claim]) -> [Finding] {
        parallelMap(claims) { findings($0) }.flatMap { $0 }
    }

    /// The support findings of one claim.
    func findings(_ c: Claim) -> [Finding] {
        var out: [Finding] = []
        let sources = orderedSources(c)
        let n = independence.independentCount(sources)
        let what = describe(c)
        let quotes = Self.quotes(c, perSource: n == 1 ? 2 : 1, limit: 4)
        if n <= 1 {
            let copies = sources.count > 1 ? " (\(sources.count) copies of one text)" : ""
            out.append(Finding(id: "support:single-source:\(c.key)", kind: .support, code: "single-source", severity: .note,
                               message: "\(what) rests on one source: \(sources.map(SourceQuality.name).joined(separator: ", "))\(copies)",
                               claims: [c.key], sources: sources, evidence: quotes, support: n))
        } else {
            out.append(Finding(id: "support:corroborated:\(c.key)", kind: .support, code: "corroborated", severity: .note,
                               message: "\(what) stands on \(n) independent sources",
                               claims: [c.key], sources: sources, evidence: quotes, support: n))
        }
        if c.evidence.allSatisfy({ $0.certainty == .hedged }) {
            out.append(Finding(id: "support:hedged-only:\(c.key)", kind: .support, code: "hedged-only", severity: .note,
                               message: "\(what) is only ever hedged (\(Self.hedgeWords(c.evidence))) in \(c.evidence.count) sentence\(c.evidence.count == 1 ? "" : "s")",
                               claims: [c.key], sources: sources, evidence: Self.quotes(c, perSource: 2, limit: 4, note: "hedged"), support: n))
        }
        if c.evidence.allSatisfy({ $0.attribution.map(Self.anecdotes.contains) == true }) {
            let whose = c.evidence.allSatisfy { $0.attribution == Self.anecdote } ? "the author's own story" : "a first-person story"
            out.append(Finding(id: "support:anecdote-only:\(c.key)", kind: .support, code: "anecdote-only", severity: .warning,
                               message: "\(what) rests only on personal experience (\(whose))",
                               claims: [c.key], sources: sources, evidence: Self.quotes(c, perSource: 2, limit: 4, note: "personal experience"), support: n))
        }
        return out
    }

    /// The hedge words of the evidence as written ("“may”, “perhaps”"), at most three, from
    /// the first sentences; what hedges in general when none is found word for word.
    static func hedgeWords(_ evidence: [Evidence]) -> String {
        let tokenizer = Tokenizer(stemmer: StemmerPool.current)
        var words: [String] = []
        for e in evidence.prefix(4) {
            for t in tokenizer.tokens(e.text) where Cues.hedges.contains(t.stem) && !words.contains(t.norm) && words.count < 3 {
                words.append(t.norm)
            }
        }
        return (words.isEmpty ? ["may", "in theory", "some studies"] : words).map { "“\($0)”" }.joined(separator: ", ")
    }

    /// The claim's sources, sorted, each once.
    private func orderedSources(_ c: Claim) -> [String] {
        let evidence = c.evidence
        // A merged claim's evidence is sorted by source already: its sources are the changes along it.
        if evidence.indices.dropFirst().allSatisfy({ evidence[$0 - 1].source <= evidence[$0].source }) {
            var out: [String] = []
            for k in evidence.indices where out.last != evidence[k].source { out.append(evidence[k].source) }
            return out
        }
        var seen = Set<String>()
        return evidence.map(\.source).filter { seen.insert($0).inserted }.sorted()
    }

    /// Up to `perSource` sentences of each source, `limit` in all.
    static func quotes(_ c: Claim, perSource: Int, limit: Int, note: String? = nil) -> [FindingEvidence] {
        // Sentences taken per source: at most `limit` sources, so a short list beats hashing every path.
        var taken: [(source: String, count: Int)] = []
        var out: [FindingEvidence] = []
        let evidence = c.evidence
        let key = c.key
        for k in evidence.indices {
            let n = taken.firstIndex { $0.source == evidence[k].source }
            if (n.map { taken[$0].count } ?? 0) >= perSource { continue }
            let ev = evidence[k]
            if let n { taken[n].count += 1 } else { taken.append((ev.source, 1)) }
            out.append(FindingEvidence(source: ev.source, line: ev.line, text: ev.text, note: note ?? marks(ev), claim: key))
            if out.count == limit { break }
        }
        return out
    }

    /// "negated, hedged, Dr. Li Yanyu" — how a sentence makes its claim.
    static func marks(_ ev: Evidence) -> String? {
        var m: [String] = []
        if ev.polarity == .negated { m.append("negated") }
        if ev.certainty == .hedged { m.append("hedged") }
        if let a = ev.attribution { m.append(a) }
        return m.isEmpty ? nil : m.joined(separator: ", ")
    }
}

/// Names a claim for messages: “mini squats” advised against for patellofemoral pain syndrome.
struct ClaimDescriber: Sendable {
    let entities: [String: Entity]

    func name(_ id: String) -> String { entities[id]?.name ?? id }

    func callAsFunction(_ c: Claim) -> String {
        let s = name(c.subject), o = "“\(name(c.object))”"
        switch c.relation {
        case .symptom: return "\(o) as a symptom of \(s)"
        case .cause: return "\(o) as a cause of \(s)"
        case .riskFactor: return "\(o) as a risk factor for \(s)"
        case .treatment: return "\(o) as a treatment for \(s)"
        case .notRecommended: return "\(o) advised against for \(s)"
        case .complication: return "\(o) as a complication of \(s)"
        case .differential: return "\(o) as a differential diagnosis of \(s)"
        case .involves: return "\(o) as involved in \(s)"
        case .targets: return "\(s) targeting \(o)"
        case .leadsTo: return "\(s) leading to \(o)"
        }
    }
}
