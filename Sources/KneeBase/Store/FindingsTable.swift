import GRDB

/// The audit tables of `kb.sqlite`: `findings` (one row per finding, `ordinal` in report
/// order, `sources` a JSON array of its sources — a row id in `sources`, or the path of a
/// source the database does not hold) and its lists `finding_claims` and `finding_evidence`,
/// which refer to a finding by its ordinal and to a source by its row in `sources` (`path`
/// is set only for a source the database does not hold). A finding's sources are one value,
/// not a table: a claim's support note lists every source of the claim, which at 10,000
/// articles made 900,000 rows to write and no query to serve.
///
/// ```sql
/// -- claims marked contested, for entity pages
/// SELECT DISTINCT subject_id, relation, object_id FROM finding_claims JOIN findings f ON f.ordinal = finding
/// WHERE f.kind = 'contradiction';
/// -- the sources of a finding
/// SELECT coalesce(s.path, j.value) FROM findings f, json_each(f.sources) j LEFT JOIN sources s ON j.type = 'integer' AND s.id = j.value
/// WHERE f.id = 'contradiction:treatment:squats' ORDER BY j.key;
/// ```
enum FindingsTable {
    static func create(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE findings(
                ordinal INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, code TEXT NOT NULL,
                severity TEXT NOT NULL, message TEXT NOT NULL, support INTEGER, score INTEGER, sources TEXT NOT NULL);
            CREATE TABLE finding_claims(
                finding INTEGER NOT NULL REFERENCES findings(ordinal), position INTEGER NOT NULL,
                subject_id TEXT NOT NULL, relation TEXT NOT NULL, object_id TEXT NOT NULL, PRIMARY KEY(finding, position)) WITHOUT ROWID;
            CREATE TABLE finding_evidence(
                finding INTEGER NOT NULL REFERENCES findings(ordinal), position INTEGER NOT NULL,
                source_id INTEGER REFERENCES sources(id), path TEXT, line INTEGER NOT NULL, text TEXT NOT NULL, note TEXT,
                claim_key TEXT, PRIMARY KEY(finding, position)) WITHOUT ROWID;
            """)
    }

    /// Indexes, created after the bulk insert. (Findings are read in order, by finding: the
    /// sources are not indexed by source, which at 10,000 articles would cost 10 MB and a
    /// second of the build for a lookup no reader makes.)
    static func index(_ db: Database) throws {
        try db.execute(sql: """
            CREATE INDEX finding_claims_claim ON finding_claims(subject_id, relation, object_id);
            CREATE INDEX finding_claims_object ON finding_claims(object_id);
            """)
    }

    /// Writes `findings`; `sources` gives the row id of each source path in `sources`.
    static func write(_ findings: [Finding], sources sourceIDs: [String: Int64], _ db: Database) throws {
        let finding = try BulkInsert(db, "INSERT INTO findings(ordinal, id, kind, code, severity, message, support, score, sources) VALUES (?,?,?,?,?,?,?,?,?)",
                                     rows: BulkInsert.batch)
        let claim = try BulkInsert(db, "INSERT INTO finding_claims(finding, position, subject_id, relation, object_id) VALUES (?,?,?,?,?)",
                                   rows: BulkInsert.batch)
        let evidence = try BulkInsert(db, """
            INSERT INTO finding_evidence(finding, position, source_id, path, line, text, note, claim_key) VALUES (?,?,?,?,?,?,?,?)
            """, rows: BulkInsert.batch)
        var written = Set<String>()
        for (i, f) in findings.enumerated() where written.insert(f.id).inserted {
            finding.bind(i)
            finding.bind(f.id)
            finding.bind(f.kind.rawValue)
            finding.bind(f.code)
            finding.bind(f.severity.rawValue)
            finding.bind(f.message)
            finding.bind(f.support)
            finding.bind(f.score)
            var list = JSONWriter(capacity: 8 * f.sources.count + 2)
            list.beginArray()
            for path in f.sources {
                if let id = sourceIDs[path] { list.int(Int(id)) } else { list.string(path) }
            }
            list.endArray()
            finding.bind(String(decoding: list.bytes, as: UTF8.self))
            try finding.run()
            for (k, key) in f.claims.enumerated() {
                let parts = ClaimKey.split(key)
                claim.bind(i)
                claim.bind(k)
                claim.bind(parts.subject)
                claim.bind(parts.relation)
                claim.bind(parts.object)
                try claim.run()
            }
            for (k, ev) in f.evidence.enumerated() {
                let id = sourceIDs[ev.source]
                evidence.bind(i)
                evidence.bind(k)
                evidence.bind(id)
                evidence.bind(id == nil ? ev.source : nil)
                evidence.bind(ev.line)
                evidence.bind(ev.text)
                evidence.bind(ev.note)
                evidence.bind(ev.claim)
                try evidence.run()
            }
        }
        for insert in [finding, claim, evidence] { try insert.finish() }
    }
}

/// A claim key, `subject|relation|object`, split into its parts and joined back.
enum ClaimKey {
    static func split(_ key: String) -> (subject: String, relation: String, object: String) {
        // The first two separators split it (the object keeps any later one), found in the UTF-8
        // bytes without building an array of parts: the findings table splits every claim key.
        // A key without two separators is kept whole as the subject, so `join` gives it back.
        let bar = UInt8(ascii: "|")
        let bytes = key.utf8
        guard let first = bytes.firstIndex(of: bar), let second = bytes[bytes.index(after: first)...].firstIndex(of: bar) else {
            return (key, "", "")
        }
        return (String(key[..<first]), String(key[bytes.index(after: first)..<second]), String(key[bytes.index(after: second)...]))
    }

    static func join(subject: String, relation: String, object: String) -> String {
        relation.isEmpty && object.isEmpty ? subject : "\(subject)|\(relation)|\(object)"
    }
}
