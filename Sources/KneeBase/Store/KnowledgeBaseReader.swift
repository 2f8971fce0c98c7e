import Foundation
import GRDB

/// Opens `kb.sqlite` read-only and loads what commands need.
public struct KnowledgeBaseReader: Sendable {
    public let queue: DatabaseQueue

    /// Opens the database at `url`; fails with a clear message when it is missing or not a KneeBase database.
    public init(url: URL) throws {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw BuildFailure(description: "\(ContentScanner.displayPath(url)): error: no knowledge base here (run `kneebase build` first)")
        }
        var config = Configuration()
        config.readonly = true
        do {
            queue = try DatabaseQueue(path: url.path, configuration: config)
        } catch {
            throw BuildFailure(description: "\(ContentScanner.displayPath(url)): error: not a SQLite database; give --kb the kb.sqlite that `kneebase build` writes")
        }
        let version = try? queue.read { try String.fetchOne($0, sql: "SELECT value FROM meta WHERE key = 'schema_version'") }
        guard version == String(Schema.version) else {
            throw BuildFailure(description: "\(ContentScanner.displayPath(url)): error: not a KneeBase database of schema version \(Schema.version) (rebuild it with `kneebase build`)")
        }
    }

    /// All entities, by id order.
    public func entities() throws -> [Entity] {
        try queue.read { db in
            var aliases: [String: [String]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT entity_id, alias FROM aliases ORDER BY entity_id, rowid") {
                aliases[row[0], default: []].append(row[1])
            }
            var parents: [String: [String]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT entity_id, parent_id FROM entity_parents ORDER BY rowid") { parents[row[0], default: []].append(row[1]) }
            var targets: [String: [String]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT entity_id, target_id FROM entity_targets ORDER BY rowid") { targets[row[0], default: []].append(row[1]) }
            return try Row.fetchAll(db, sql: "SELECT id, kind, name, description, subtype, discovered FROM entities ORDER BY id").map { row in
                let id: String = row[0]
                return Entity(id: id, kind: EntityKind(rawValue: row[1]) ?? .condition, name: row[2], aliases: aliases[id] ?? [],
                              description: row[3], parents: parents[id] ?? [], targets: targets[id] ?? [], subtype: row[4], discovered: row[5])
            }
        }
    }

    /// Claims with their evidence; `entity` restricts to claims whose subject or object it is.
    public func claims(involving entity: String? = nil) throws -> [Claim] {
        try queue.read { db in
            let filter = entity == nil ? "" : "WHERE c.subject_id = :e OR c.object_id = :e"
            let rows = try Row.fetchAll(db, sql: """
                SELECT c.id, c.subject_id, c.relation, c.object_id, so.path, s.idx, s.text, s.line, s."column", s.start, s."end",
                       h.path, e.polarity, e.certainty, e.attribution, e.rule
                FROM claims c JOIN evidence e ON e.claim_id = c.id JOIN sentences s ON s.id = e.sentence_id
                JOIN heading_paths h ON h.id = s.heading_path_id
                JOIN sources so ON so.id = e.source_id \(filter)
                ORDER BY c.id, so.path, s.start
                """, arguments: entity.map { ["e": $0] } ?? [:])
            var claims: [Claim] = []
            var lastID: Int64 = -1
            for row in rows {
                let id: Int64 = row[0]
                let heading: String = row[11]
                let ev = Evidence(source: row[4], sentence: row[5], text: row[6], line: row[7], column: row[8], start: row[9], end: row[10],
                                  headingPath: heading.isEmpty ? [] : heading.components(separatedBy: " › "),
                                  polarity: Polarity(rawValue: row[12]) ?? .asserted, certainty: Certainty(rawValue: row[13]) ?? .plain,
                                  attribution: row[14], rule: row[15])
                if id != lastID {
                    claims.append(Claim(subject: row[1], relation: Relation(rawValue: row[2]) ?? .cause, object: row[3], evidence: [ev]))
                    lastID = id
                } else {
                    claims[claims.count - 1].evidence.append(ev)
                }
            }
            return claims
        }
    }

    /// The paths of the sources whose path contains `text`, in path order.
    public func sourcePaths(containing text: String) throws -> [String] {
        try queue.read { db in
            try String.fetchAll(db, sql: "SELECT path FROM sources WHERE instr(path, ?) > 0 ORDER BY path", arguments: [text])
        }
    }

    /// The entity whose id, name or alias is `text` (case-insensitive), if any.
    public func resolve(_ text: String) throws -> Entity? {
        let id: String? = try queue.read { db in
            try String.fetchOne(db, sql: "SELECT id FROM entities WHERE id = ? COLLATE NOCASE OR name = ? COLLATE NOCASE", arguments: [text, text])
                ?? String.fetchOne(db, sql: "SELECT entity_id FROM aliases WHERE alias = ? COLLATE NOCASE ORDER BY entity_id LIMIT 1", arguments: [text])
        }
        guard let id else { return nil }
        return try entities().first { $0.id == id }
    }
}
