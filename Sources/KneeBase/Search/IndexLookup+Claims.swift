import Foundation
import GRDB

/// Claim queries for `SymptomRanker`, relation queries (`RelationIntent`) and `kneebase why`.
extension IndexLookup {
    /// The narrower (`children: true`) or broader entities of `id` through `parents`.
    func related(_ id: String, children: Bool) throws -> [String] {
        let sql = children ? "SELECT entity_id FROM entity_parents WHERE parent_id = ?" : "SELECT parent_id FROM entity_parents WHERE entity_id = ?"
        return try String.fetchAll(db.cachedStatement(sql: sql), arguments: [id])
    }

    /// The objects of `id`'s claims of `relations` that some source asserts, with their
    /// search row, subtype and number of sources: most sources first, then the earlier
    /// relation, then by name.
    func claimed(by id: String, _ relations: [Relation]) throws -> [ClaimedEntity] {
        guard !relations.isEmpty else { return [] }
        let sql = """
            SELECT c.object_id, c.relation, c.source_count, o.subtype, o.name, o.kind FROM claims c JOIN entities o ON o.id = c.object_id
            WHERE c.subject_id = ? AND c.relation IN (\(Self.placeholders(relations.count)))
              AND EXISTS (SELECT 1 FROM evidence e WHERE e.claim_id = c.id AND e.polarity = 'asserted')
            ORDER BY c.source_count DESC, o.name, c.object_id
            """
        var out: [ClaimedEntity] = []
        var seen = Set<String>()
        try StatementRows.each(db, sql, [.text(id)] + relations.map { .text($0.rawValue) }) { row in
            let object = row.text(0)
            guard seen.insert(object).inserted, let relation = Relation(rawValue: row.text(1)),
                  let kind = EntityKind(rawValue: row.text(5)) else { return }
            out.append(ClaimedEntity(id: object, name: row.text(4), kind: kind, relation: relation, sources: row.int(2), subtype: row.optionalText(3)))
        }
        guard !out.isEmpty else { return [] }
        // One pass over the alias table for the search rows (it is keyed by stems, not by entity).
        var rows: [String: Int64] = [:]
        let rowSQL = "SELECT entity_id, min(entity_rowid) FROM search_aliases WHERE entity_id IN (\(Self.placeholders(out.count))) GROUP BY entity_id"
        try StatementRows.each(db, rowSQL, texts: out.map(\.id)) { rows[$0.text(0)] = $0.int64(1) }
        for i in out.indices { out[i].rowid = rows[out[i].id] }
        let rank = Dictionary(uniqueKeysWithValues: relations.enumerated().map { ($1, $0) })
        // Stable: equal sources and relation keep the name order.
        return out.enumerated().sorted { a, b in
            if a.element.sources != b.element.sources { return a.element.sources > b.element.sources }
            let (ra, rb) = (rank[a.element.relation] ?? 0, rank[b.element.relation] ?? 0)
            return ra != rb ? ra < rb : a.offset < b.offset
        }.map(\.element)
    }

    /// `symptom` claims of conditions whose object is one of `symptoms`, with their asserted evidence.
    func symptomClaims(_ symptoms: [String]) throws -> [SymptomClaim] {
        guard !symptoms.isEmpty else { return [] }
        let sql = """
            SELECT c.id, c.subject_id, sub.name, c.object_id, obj.name, e.polarity, e.certainty, e.attribution,
                   so.path, so.publisher, s.line, s.text
            FROM claims c JOIN entities sub ON sub.id = c.subject_id JOIN entities obj ON obj.id = c.object_id
            JOIN evidence e ON e.claim_id = c.id JOIN sentences s ON s.id = e.sentence_id JOIN sources so ON so.id = e.source_id
            WHERE c.relation = 'symptom' AND sub.kind = 'condition' AND c.object_id IN (\(Self.placeholders(symptoms.count)))
            ORDER BY c.id, so.path, s.start
            """
        var claims: [Int64: SymptomClaim] = [:]
        var order: [Int64] = []
        for row in try Row.fetchAll(db.cachedStatement(sql: sql), arguments: StatementArguments(symptoms)) {
            let id: Int64 = row[0]
            if claims[id] == nil {
                claims[id] = SymptomClaim(condition: row[1], conditionName: row[2], symptom: row[3], symptomName: row[4])
                order.append(id)
            }
            let polarity = Polarity(rawValue: row[5]) ?? .asserted
            let certainty = Certainty(rawValue: row[6]) ?? .plain
            let publisher: String? = row[9]
            let source: String = row[8]
            claims[id]?.add(SymptomEvidence(source: source, line: row[10], text: row[11], certainty: certainty, attribution: row[7]),
                            polarity: polarity, publisher: publisher)
        }
        return order.compactMap { claims[$0] }
    }
}

/// An entity a claim points to (`IndexLookup.claimed(by:_:)`).
struct ClaimedEntity: Sendable, Equatable {
    var id: String
    var name: String
    var kind: EntityKind
    var relation: Relation
    var sources: Int
    var subtype: String?
    /// Its row in `search_entities`; nil when it has none.
    var rowid: Int64? = nil
}

/// A condition's symptom claim, with what makes it weigh.
struct SymptomClaim: Sendable {
    var condition: String
    var conditionName: String
    var symptom: String
    var symptomName: String
    /// Asserted evidence, each distinct sentence once.
    var evidence: [SymptomEvidence] = []
    private var publishers = Set<String>()
    private var texts = Set<String>()
    private var plain = false

    init(condition: String, conditionName: String, symptom: String, symptomName: String) {
        self.condition = condition
        self.conditionName = conditionName
        self.symptom = symptom
        self.symptomName = symptomName
    }

    mutating func add(_ ev: SymptomEvidence, polarity: Polarity, publisher: String?) {
        guard polarity == .asserted else { return }
        // A sentence copied word for word into another source is not another voice.
        guard texts.insert(ev.text.lowercased()).inserted else { return }
        evidence.append(ev)
        publishers.insert(publisher.map { $0.lowercased() }.flatMap { $0.isEmpty ? nil : "publisher:\($0)" } ?? "source:\(ev.source)")
        if ev.certainty == .plain { plain = true }
    }

    /// Sources by different publishers (or, without a publisher, different files).
    var independentSources: Int { publishers.count }

    /// `1 + log2(independent sources)`, 0.6 of it when every source hedges; nil without asserted evidence.
    var support: Double? {
        guard !evidence.isEmpty else { return nil }
        return (1 + log2(Double(max(independentSources, 1)))) * (plain ? 1 : 0.6)
    }
}
