import Foundation
import GRDB

/// Claim queries for `SymptomRanker` and `kneebase why`.
extension IndexLookup {
    /// The narrower (`children: true`) or broader entities of `id` through `parents`.
    func related(_ id: String, children: Bool) throws -> [String] {
        let sql = children ? "SELECT entity_id FROM entity_parents WHERE parent_id = ?" : "SELECT parent_id FROM entity_parents WHERE entity_id = ?"
        return try String.fetchAll(db.cachedStatement(sql: sql), arguments: [id])
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
