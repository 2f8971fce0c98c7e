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
            var claims: [Int64: [String]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT finding, subject_id, relation, object_id FROM finding_claims ORDER BY finding, position") {
                claims[row[0], default: []].append(ClaimKey.join(subject: row[1], relation: row[2], object: row[3]))
            }
            var sources: [Int64: [String]] = [:]
            let sourceSQL = """
                SELECT f.ordinal, coalesce(s.path, j.value, '') FROM findings f, json_each(f.sources) j
                LEFT JOIN sources s ON j.type = 'integer' AND s.id = j.value ORDER BY f.ordinal, j.key
                """
            for row in try Row.fetchAll(db, sql: sourceSQL) { sources[row[0], default: []].append(row[1]) }
            var evidence: [Int64: [FindingEvidence]] = [:]
            let evidenceSQL = """
                SELECT f.finding, coalesce(f.path, s.path, ''), f.line, f.text, f.note, f.claim_key
                FROM finding_evidence f LEFT JOIN sources s ON s.id = f.source_id ORDER BY f.finding, f.position
                """
            for row in try Row.fetchAll(db, sql: evidenceSQL) {
                evidence[row[0], default: []].append(FindingEvidence(source: row[1], line: row[2], text: row[3], note: row[4], claim: row[5]))
            }
            return try Row.fetchAll(db, sql: "SELECT ordinal, id, kind, code, severity, message, support, score FROM findings ORDER BY ordinal").map { row in
                let ordinal: Int64 = row[0]
                return Finding(id: row[1], kind: Finding.Kind(rawValue: row[2]) ?? .quality, code: row[3],
                               severity: Diagnostic.Severity(rawValue: row[4]) ?? .note, message: row[5],
                               claims: claims[ordinal] ?? [], sources: sources[ordinal] ?? [], evidence: evidence[ordinal] ?? [],
                               support: row[6], score: row[7])
            }
        }
    }

    /// The audit's quality score of each source, by path (for `SourceDominance`).
    public func qualityScores() throws -> [String: Int] {
        try queue.read { db in
            guard try db.tableExists("findings") else { return [:] }
            var out: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT coalesce(s.path, j.value), f.score FROM findings f, json_each(f.sources) j
                LEFT JOIN sources s ON j.type = 'integer' AND s.id = j.value
                WHERE f.kind = 'quality' AND f.code = 'score' AND f.score IS NOT NULL
                """) { out[row[0]] = row[1] }
            return out
        }
    }

    /// The groups of sources the audit found to be copies of one text (`quality:copies` findings),
    /// each as its source paths.
    public func copyGroups() throws -> [[String]] {
        try queue.read { db in
            guard try db.tableExists("findings") else { return [] }
            var groups: [Int64: [String]] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT f.ordinal, coalesce(s.path, j.value) FROM findings f, json_each(f.sources) j
                LEFT JOIN sources s ON j.type = 'integer' AND s.id = j.value
                WHERE f.kind = 'quality' AND f.code = 'copies' ORDER BY f.ordinal, j.key
                """) { groups[row[0], default: []].append(row[1]) }
            return groups.keys.sorted().compactMap { groups[$0] }
        }
    }
}
