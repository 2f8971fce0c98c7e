import GRDB

extension KnowledgeBaseReader {
    /// The audit findings in report order (errors first), with their claims, sources and evidence.
    ///
    /// ```swift
    /// let contested = try reader.findings().filter { $0.kind == .contradiction }
    /// ```
    public func findings() throws -> [Finding] {
        try queue.read { db in
            guard try db.tableExists("findings") else { return [] }
            var claims: [String: [String]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT finding_id, claim_key FROM finding_claims ORDER BY finding_id, position") {
                claims[row[0], default: []].append(row[1])
            }
            var sources: [String: [String]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT finding_id, path FROM finding_sources ORDER BY finding_id, position") {
                sources[row[0], default: []].append(row[1])
            }
            var evidence: [String: [FindingEvidence]] = [:]
            let claimColumn = try db.columns(in: "finding_evidence").contains { $0.name == "claim_key" } ? "claim_key" : "NULL"
            for row in try Row.fetchAll(db, sql: "SELECT finding_id, path, line, text, note, \(claimColumn) FROM finding_evidence ORDER BY finding_id, position") {
                evidence[row[0], default: []].append(FindingEvidence(source: row[1], line: row[2], text: row[3], note: row[4], claim: row[5]))
            }
            return try Row.fetchAll(db, sql: "SELECT id, kind, code, severity, message, support, score FROM findings ORDER BY ordinal").map { row in
                let id: String = row[0]
                return Finding(id: id, kind: Finding.Kind(rawValue: row[1]) ?? .quality, code: row[2],
                               severity: Diagnostic.Severity(rawValue: row[3]) ?? .note, message: row[4],
                               claims: claims[id] ?? [], sources: sources[id] ?? [], evidence: evidence[id] ?? [],
                               support: row[5], score: row[6])
            }
        }
    }
}
