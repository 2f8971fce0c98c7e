/// Audits the graph: support, contradictions, source quality and lexicon findings.
///
/// ```swift
/// let findings = Auditor.audit(graph, lexicon: lexicon)
/// for f in findings where f.severity == .error { print(f.id, f.message) }
/// ```
public enum Auditor {
    /// All findings for `graph`, sorted by severity (errors first) then id.
    public static func audit(_ graph: KnowledgeGraph, lexicon: Lexicon) -> [Finding] {
        audit(graph, lexicon: lexicon, memo: nil).findings
    }

    /// All findings for `graph`, and what each document gave on its own by its memo key;
    /// with a `memo`, a document whose key it holds is not read again.
    static func audit(_ graph: KnowledgeGraph, lexicon: Lexicon, memo: AuditMemo?) -> (findings: [Finding], documents: [String: DocumentAudit]) {
        let stats = claimStats(graph.claims)
        let scanner = DenialScanner(lexicon: lexicon)
        // Per document, in parallel: each sentence split into words once, for every reader of the text.
        let audited = parallelMap(graph.documents) { d -> (key: String?, result: DocumentAudit) in
            let docStats = stats[d.source] ?? .init()
            let key = memo?.key(d.source, stats: docStats)
            if let key, let hit = memo?.previous[key] { return (key, hit) }
            let words = d.sentences.map { AuditWords($0.text) }
            return (key, DocumentAudit(denials: scanner.scan(d, words: words), quality: SourceQuality().findings(d, stats: docStats, words: words),
                                       fingerprints: words.compactMap(\.fingerprint)))
        }
        let perDocument = audited.map(\.result)
        var documents: [String: DocumentAudit] = [:]
        if memo != nil { for a in audited { if let key = a.key { documents[key] = a.result } } }
        let independence = SourceIndependence(graph.documents, fingerprints: perDocument.map(\.fingerprints))
        let relations = EntityRelations(entities: graph.entities, lexicon: lexicon)
        var findings = SupportAnalysis(independence: independence, describe: ClaimDescriber(entities: relations.entities)).findings(graph.claims)
        findings += ContradictionFinder(relations: relations, independence: independence)
            .findings(claims: graph.claims, denials: perDocument.flatMap(\.denials))
        findings += SelfContradictions(relations: relations).findings(graph.claims)
        findings += perDocument.flatMap(\.quality)
        findings += independence.copyFindings()
        findings += LexiconFindings(lexicon: lexicon, graph: graph, relations: relations, independence: independence).findings()
        return (sorted(findings), documents)
    }

    /// Per source: evidence sentences, and how many are personal experience.
    static func claimStats(_ claims: [Claim]) -> [String: SourceQuality.ClaimStats] {
        var stats: [String: SourceQuality.ClaimStats] = [:]
        for c in claims {
            let evidence = c.evidence
            for k in evidence.indices {
                let anecdotal = evidence[k].attribution == SupportAnalysis.anecdote
                stats[evidence[k].source, default: .init()].evidence += 1
                if anecdotal { stats[evidence[k].source, default: .init()].anecdotal += 1 }
            }
        }
        return stats
    }

    /// Errors first, then warnings, then notes; by id within a severity.
    public static func sorted(_ findings: [Finding]) -> [Finding] {
        findings.sorted { ($1.severity, $0.id) < ($0.severity, $1.id) }
    }
}
