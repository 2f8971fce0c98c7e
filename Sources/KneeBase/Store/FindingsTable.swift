import GRDB

/// The audit tables of `kb.sqlite`: `findings` (one row per finding, in report order)
/// and its lists `finding_claims`, `finding_sources` and `finding_evidence`.
///
/// ```sql
/// -- claims marked contested, for entity pages
/// SELECT DISTINCT claim_key FROM finding_claims JOIN findings f ON f.id = finding_id WHERE f.kind = 'contradiction';
/// ```
enum FindingsTable {
    static func create(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE findings(
                id TEXT PRIMARY KEY, ordinal INTEGER NOT NULL, kind TEXT NOT NULL, code TEXT NOT NULL,
                severity TEXT NOT NULL, message TEXT NOT NULL, support INTEGER, score INTEGER);
            CREATE TABLE finding_claims(
                finding_id TEXT NOT NULL REFERENCES findings(id), position INTEGER NOT NULL, claim_key TEXT NOT NULL,
                subject_id TEXT NOT NULL, relation TEXT NOT NULL, object_id TEXT NOT NULL, PRIMARY KEY(finding_id, position));
            CREATE TABLE finding_sources(
                finding_id TEXT NOT NULL REFERENCES findings(id), position INTEGER NOT NULL, path TEXT NOT NULL,
                PRIMARY KEY(finding_id, position));
            CREATE TABLE finding_evidence(
                finding_id TEXT NOT NULL REFERENCES findings(id), position INTEGER NOT NULL, path TEXT NOT NULL,
                line INTEGER NOT NULL, text TEXT NOT NULL, note TEXT, claim_key TEXT, PRIMARY KEY(finding_id, position));
            CREATE INDEX finding_claims_key ON finding_claims(claim_key);
            CREATE INDEX finding_claims_subject ON finding_claims(subject_id);
            CREATE INDEX finding_claims_object ON finding_claims(object_id);
            CREATE INDEX finding_sources_path ON finding_sources(path);
            CREATE INDEX finding_evidence_claim ON finding_evidence(claim_key);
            """)
    }

    static func write(_ findings: [Finding], _ db: Database) throws {
        let finding = try db.makeStatement(sql: "INSERT OR IGNORE INTO findings(id, ordinal, kind, code, severity, message, support, score) VALUES (?,?,?,?,?,?,?,?)")
        let claim = try db.makeStatement(sql: "INSERT INTO finding_claims(finding_id, position, claim_key, subject_id, relation, object_id) VALUES (?,?,?,?,?,?)")
        let source = try db.makeStatement(sql: "INSERT INTO finding_sources(finding_id, position, path) VALUES (?,?,?)")
        let evidence = try db.makeStatement(sql: "INSERT INTO finding_evidence(finding_id, position, path, line, text, note, claim_key) VALUES (?,?,?,?,?,?,?)")
        var written = Set<String>()
        for (i, f) in findings.enumerated() where written.insert(f.id).inserted {
            try finding.execute(arguments: [f.id, i, f.kind.rawValue, f.code, f.severity.rawValue, f.message, f.support, f.score])
            for (k, key) in f.claims.enumerated() {
                let parts = key.split(separator: "|", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
                try claim.execute(arguments: [f.id, k, key, parts.first ?? "", parts.count > 1 ? parts[1] : "", parts.count > 2 ? parts[2] : ""])
            }
            for (k, path) in f.sources.enumerated() { try source.execute(arguments: [f.id, k, path]) }
            for (k, ev) in f.evidence.enumerated() { try evidence.execute(arguments: [f.id, k, ev.source, ev.line, ev.text, ev.note, ev.claim]) }
        }
    }
}
