/// A structure named after a verb of injuring it names the structure's injury: "more likely
/// to tear their anterior cruciate ligament" speaks of *ACL injury*, not of the ligament.
extension ClaimExtractor {
    /// Stems of verbs (and participles) of injuring a structure.
    static let injuryVerbs: Set<String> = ["tear", "tore", "torn", "ruptur", "injur", "sprain"]
    /// Words that may stand between an injuring verb and the structure: "tear *their* ACL".
    static let injuryDeterminers: Set<String> = ["the", "their", "your", "his", "her", "its", "my", "a", "an", "our"]

    /// `mentions` with each structure that follows an injuring verb (possibly through a
    /// determiner: "tear their ACL", "a torn meniscus") read as the condition named after it.
    func injuries(in mentions: [Mention], _ tokens: [Token]) -> [Mention] {
        guard mentions.contains(where: { $0.kind == .anatomy }) else { return mentions }
        let determiners = Self.injuryDeterminers
        return mentions.map { m in
            guard m.kind == .anatomy, let condition = anatomyConditions[m.entity] else { return m }
            var k = m.first - 1
            while k >= 0, determiners.contains(tokens[k].norm) { k -= 1 }
            guard k >= 0, Self.injuryVerbs.contains(tokens[k].stem),
                  !mentions.contains(where: { $0.first <= k && k <= $0.last }) else { return m }
            return Mention(entity: condition, kind: .condition, first: k, last: m.last, start: tokens[k].start, end: m.end)
        }
    }
}
