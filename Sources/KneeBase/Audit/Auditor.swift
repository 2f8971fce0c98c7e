/// Audits the graph: support, contradictions, source quality and lexicon findings.
/// (Owned by the audit work; currently finds nothing.)
public enum Auditor {
    /// All findings for `graph`, sorted by severity (errors first) then id.
    public static func audit(_ graph: KnowledgeGraph, lexicon: Lexicon) -> [Finding] {
        []
    }
}
