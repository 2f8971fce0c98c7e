import Foundation

/// Ranks conditions by how well symptoms described in words match their symptom claims.
///
/// Each description is searched among symptom entities (aliases, stems and typo
/// correction count, as in `SearchEngine`); the best matches, with their narrower
/// symptoms (weight 0.8) and broader ones (0.25), are looked up in the `symptom` claims.
/// A claim weighs `1 + log2(independent sources)` — sources by different publishers, a
/// sentence copied word for word counting once — and 0.6 of that when every source
/// hedges it; denied claims do not count. A condition scores, for each description,
/// its best match, summed over the descriptions, a claim counting for one description only.
///
/// This is a reference to what the sources say, not a diagnosis.
public struct SymptomRanker {
    let engine: SearchEngine

    public init(engine: SearchEngine) { self.engine = engine }

    /// Ranks conditions for `descriptions` ("pain when squatting", "swelling").
    public func rank(_ descriptions: [String], limit: Int = 10) throws -> ConditionRanking {
        try engine.queue.read { db in
            let lookup = IndexLookup(db: db)
            var readings: [SymptomReading] = []
            for text in descriptions {
                readings.append(try read(text, lookup))
            }
            var weights: [String: [(query: Int, weight: Double, via: String?, link: SymptomLink)]] = [:]
            for (q, reading) in readings.enumerated() {
                for s in reading.symptoms {
                    weights[s.id, default: []].append((q, s.weight, nil, .same))
                    for child in try lookup.related(s.id, children: true) { weights[child, default: []].append((q, s.weight * 0.8, s.id, .narrower)) }
                    for parent in try lookup.related(s.id, children: false) { weights[parent, default: []].append((q, s.weight * 0.25, s.id, .broader)) }
                }
            }
            let claims = try lookup.symptomClaims(Array(weights.keys))
            var conditions: [String: RankedCondition] = [:]
            var candidates: [String: [(query: Int, match: MatchedSymptom)]] = [:]
            for claim in claims {
                guard let support = claim.support else { continue }
                for w in weights[claim.symptom] ?? [] {
                    candidates[claim.condition, default: []].append((w.query, MatchedSymptom(
                        query: descriptions[w.query], symptom: claim.symptom, name: claim.symptomName, via: w.via, link: w.link, score: w.weight * support,
                        sources: claim.independentSources, evidence: claim.evidence)))
                    conditions[claim.condition] = RankedCondition(id: claim.condition, name: claim.conditionName, score: 0, matched: [])
                }
            }
            var ranked: [RankedCondition] = conditions.values.map { c in
                var c = c
                c.matched = Self.pair(candidates[c.id] ?? [])
                c.score = c.matched.reduce(0) { $0 + $1.score }
                return c
            }
            ranked.sort { $0.score != $1.score ? $0.score > $1.score : $0.name < $1.name }
            return ConditionRanking(readings: readings, conditions: Array(ranked.prefix(max(limit, 1))))
        }
    }

    /// A condition's matches, at most one per description and one per claimed symptom, the
    /// best first: a broad "knee pain" claim read for both "pain below the kneecap" and
    /// "pain when squatting" counts once. In description order.
    static func pair(_ candidates: [(query: Int, match: MatchedSymptom)]) -> [MatchedSymptom] {
        let ordered = candidates.sorted { ($1.match.score, $0.query, $0.match.symptom) < ($0.match.score, $1.query, $1.match.symptom) }
        var queries = Set<Int>()
        var symptoms = Set<String>()
        var chosen: [(query: Int, match: MatchedSymptom)] = []
        for c in ordered where !queries.contains(c.query) && !symptoms.contains(c.match.symptom) {
            queries.insert(c.query)
            symptoms.insert(c.match.symptom)
            chosen.append(c)
        }
        return chosen.sorted { $0.query < $1.query }.map(\.match)
    }

    /// The symptom entities a description most likely means, with a weight in 0…1.
    private func read(_ text: String, _ lookup: IndexLookup) throws -> SymptomReading {
        var query = try QueryParser.parse(text)
        query.kinds = [.symptom]
        query.excludedKinds = []
        let analyzed = try QueryAnalyzer(lookup: lookup, tokenizer: engine.tokenizer).analyze(query)
        let ranked = try engine.rankEntities(analyzed, lookup, limit: 5)
        var reading = SymptomReading(text: text, corrected: analyzed.corrected(text), symptoms: [])
        if let whole = analyzed.recognized.first(where: { $0.wholeQuery && $0.kind == .symptom }) {
            reading.symptoms = [ReadSymptom(id: whole.id, name: whole.id, weight: 1)]
        } else if let top = ranked.first?.score, top > 0 {
            reading.symptoms = ranked.filter { $0.score >= top * 0.6 }.prefix(3).map {
                ReadSymptom(id: $0.row.key, name: $0.row.key, weight: $0.score / top)
            }
        }
        let details = try lookup.entityDetails(reading.symptoms.map(\.id))
        for i in reading.symptoms.indices { reading.symptoms[i].name = details[reading.symptoms[i].id]?.name ?? reading.symptoms[i].id }
        return reading
    }
}

/// How one symptom description was read.
public struct SymptomReading: Sendable, Hashable {
    /// The description as given.
    public var text: String
    /// The description with typos corrected, if any was.
    public var corrected: String?
    /// The symptom entities it was read as, best first; empty when nothing matched.
    public var symptoms: [ReadSymptom]
}

/// A symptom entity a description was read as, with how surely (0…1).
public struct ReadSymptom: Sendable, Hashable {
    public var id: String
    public var name: String
    public var weight: Double
}

/// Conditions ranked for a set of symptom descriptions.
public struct ConditionRanking: Sendable, Hashable {
    public var readings: [SymptomReading]
    public var conditions: [RankedCondition]

    /// `{"conditions": [{"id", "name", "score", "matched": [{"query", "symptom", "name", "via", "link", "score", "sources", "evidence": [{"source", "line", "text", "certainty", "attribution"}]}]}]}`
    public func json() -> String {
        var w = JSONWriter()
        w.beginObject()
        w.key("conditions")
        w.beginArray()
        for c in conditions {
            w.beginObject()
            w.key("id"); w.string(c.id)
            w.key("name"); w.string(c.name)
            w.key("score"); w.double((c.score * 1000).rounded() / 1000)
            w.key("matched")
            w.beginArray()
            for m in c.matched {
                w.beginObject()
                w.key("query"); w.string(m.query)
                w.key("symptom"); w.string(m.symptom)
                w.key("name"); w.string(m.name)
                w.key("via"); w.string(m.via)
                w.key("link"); w.string(m.link.rawValue)
                w.key("score"); w.double((m.score * 1000).rounded() / 1000)
                w.key("sources"); w.int(m.sources)
                w.key("evidence")
                w.beginArray()
                for ev in m.evidence {
                    w.beginObject()
                    w.key("source"); w.string(ev.source)
                    w.key("line"); w.int(ev.line)
                    w.key("text"); w.string(ev.text)
                    w.key("certainty"); w.string(ev.certainty.rawValue)
                    w.key("attribution"); w.string(ev.attribution)
                    w.endObject()
                }
                w.endArray()
                w.endObject()
            }
            w.endArray()
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return String(decoding: w.bytes, as: UTF8.self)
    }
}

/// A condition and the symptoms that matched it.
public struct RankedCondition: Sendable, Hashable {
    public var id: String
    public var name: String
    public var score: Double
    /// One entry per description that matched, in the order given.
    public var matched: [MatchedSymptom]
}

/// A symptom claim of a condition that matched one description.
public struct MatchedSymptom: Sendable, Hashable {
    /// The description it matched.
    public var query: String
    public var symptom: String
    public var name: String
    /// For a broader or narrower symptom: the symptom the description was read as.
    public var via: String?
    /// How the claimed symptom relates to the one the description was read as.
    public var link: SymptomLink
    public var score: Double
    /// Independent sources that make the claim.
    public var sources: Int
    public var evidence: [SymptomEvidence]
}

/// How a condition's symptom relates to the symptom a description was read as.
public enum SymptomLink: String, Sendable, Hashable {
    /// The same symptom.
    case same
    /// A narrower one ("pain when squatting" for "knee pain"), weight 0.8.
    case narrower
    /// A broader one ("knee pain" for "pain when squatting"), weight 0.25.
    case broader
}

/// One sentence behind a symptom claim.
public struct SymptomEvidence: Sendable, Hashable {
    public var source: String
    public var line: Int
    public var text: String
    public var certainty: Certainty
    public var attribution: String?
}
