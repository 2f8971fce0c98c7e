import Foundation
@testable import KneeBase

/// The matching of `eval/score.py`, for tests: a gold claim and an extracted claim match
/// when the relation is equal (risk_factor counts as cause), the gold condition matches the
/// subject and the gold object the object (token F1 ≥ 0.5 over a name or alias, after
/// lower-casing, stop-word removal, the same synonym folding and suffix stripping).
/// Matching is one-to-one, best pairs first. Keep it in step with score.py.
struct GoldScorer {
    /// One gold claim: `{condition: …, relation: …, object: …}`.
    struct GoldClaim {
        var condition: String
        var relation: String
        var object: String
    }

    /// Counts for one article or a whole set.
    struct Counts {
        var gold = 0
        var extracted = 0
        var matched = 0
        var precision: Double { extracted == 0 ? 0 : Double(matched) / Double(extracted) }
        var recall: Double { gold == 0 ? 0 : Double(matched) / Double(gold) }
        var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    }

    static let scored: Set<String> = ["symptom", "cause", "treatment", "not_recommended"]
    static let stop = Set(("a an the of to in on at for and or with without your you my their its his her from by as is are be "
        + "into onto than then that this these those it when after before during over under about around "
        + "very more most less much many some any all each both").split(separator: " ").map(String.init))
    static let synonyms: [(NSRegularExpression, String)] = [
        (#"\bknee ?caps?\b"#, "patella"), (#"\bpatellar\b"#, "patella"), (#"\bglutes?\b"#, "gluteus"),
        (#"\bgluteal\b"#, "gluteus"), (#"\bglut\b"#, "gluteus"), (#"\bquads?\b"#, "quadriceps"),
        (#"\bit ?band\b"#, "iliotibial band"), (#"\bitb\b"#, "iliotibial band"), (#"\bvmo\b"#, "vastus medialis"),
        (#"\bpfps\b"#, "patellofemoral pain syndrome"), (#"\brunner'?s knee\b"#, "patellofemoral pain syndrome"),
        (#"\bthigh ?bone\b"#, "femur"), (#"\bweak\b"#, "weakness"), (#"\btight\b"#, "tightness"),
        (#"\bache\b"#, "pain"), (#"\bsore(ness)?\b"#, "pain"), (#"\bpainful\b"#, "pain"),
        (#"\bstrengthening\b"#, "strength"), (#"\bstrengthen\b"#, "strength"), (#"\bexercises?\b"#, ""),
        (#"\btraining\b"#, ""), (#"\bsyndrome\b"#, "syndrome"),
    ].map { (try! NSRegularExpression(pattern: $0.0), $0.1) }

    /// The gold claims of a gold file (the flow-mapping lines of its `claims:` list).
    static func goldClaims(_ yaml: String) -> [GoldClaim] {
        yaml.split(separator: "\n").compactMap { line -> GoldClaim? in
            let t = line.trimmingCharacters(in: .whitespaces)
            guard t.hasPrefix("- {"), t.hasSuffix("}") else { return nil }
            var fields: [String: String] = [:]
            for part in t.dropFirst(3).dropLast().split(separator: ",") {
                let kv = part.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if kv.count == 2 { fields[kv[0]] = kv[1] }
            }
            guard let c = fields["condition"], let r = fields["relation"], let o = fields["object"] else { return nil }
            return GoldClaim(condition: c, relation: r, object: o)
        }
    }

    static func tokens(_ text: String) -> [String] {
        var t = text.lowercased().replacingOccurrences(of: "’", with: "'")
        for (pattern, replacement) in synonyms {
            t = pattern.stringByReplacingMatches(in: t, range: NSRange(t.startIndex..., in: t), withTemplate: replacement)
        }
        let words = t.split { !(("a"..."z").contains($0) || ("0"..."9").contains($0)) }.map(String.init)
        return words.filter { !stop.contains($0) }.map { w in
            for suffix in ["ing", "ed", "es", "s", "ly"] where w.count > suffix.count + 3 && w.hasSuffix(suffix) {
                return String(w.dropLast(suffix.count))
            }
            return w
        }
    }

    static func tokenF1(_ a: String, _ b: String) -> Double {
        let ta = tokens(a)
        var rest = tokens(b)
        guard !ta.isEmpty, !rest.isEmpty else { return 0 }
        let total = rest.count
        var common = 0
        for w in ta { if let i = rest.firstIndex(of: w) { rest.remove(at: i); common += 1 } }
        guard common > 0 else { return 0 }
        let p = Double(common) / Double(ta.count), r = Double(common) / Double(total)
        return 2 * p * r / (p + r)
    }

    static func nameScore(_ phrase: String, _ entity: Entity?) -> Double {
        guard let entity else { return 0 }
        return ([entity.name] + entity.aliases).filter { !$0.isEmpty }.map { tokenF1(phrase, $0) }.max() ?? 0
    }

    /// Scores the claims of `graph` whose evidence comes from a source named with `prefix` against `gold`.
    static func score(_ graph: KnowledgeGraph, prefix: String, gold: [GoldClaim]) -> Counts {
        let entities = Dictionary(graph.entities.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        func relation(_ c: Claim) -> String { c.relation == .riskFactor ? "cause" : c.relation.rawValue }
        let mine = graph.claims.filter { c in
            scored.contains(relation(c)) && c.evidence.contains { URL(fileURLWithPath: $0.source).lastPathComponent.hasPrefix(prefix) }
        }
        let golds = gold.filter { scored.contains($0.relation) }
        var pairs: [(score: Double, g: Int, m: Int)] = []
        for (i, g) in golds.enumerated() {
            for (j, c) in mine.enumerated() where relation(c) == g.relation {
                let cs = nameScore(g.condition, entities[c.subject])
                guard cs >= 0.5 else { continue }
                let os = nameScore(g.object, entities[c.object])
                if os >= 0.5 { pairs.append((os + cs, i, j)) }
            }
        }
        pairs.sort { ($0.score, $0.g, $0.m) > ($1.score, $1.g, $1.m) }
        var usedG = Set<Int>(), usedM = Set<Int>()
        for p in pairs where !usedG.contains(p.g) && !usedM.contains(p.m) {
            usedG.insert(p.g)
            usedM.insert(p.m)
        }
        return Counts(gold: golds.count, extracted: mine.count, matched: usedG.count)
    }
}
