/// Entities named across several words of a sentence, found by trying lexicon phrases:
/// activities that bring on pain ("pain that gets worse when running downhill"), activities
/// that aggravate it, and coordinated words ("unable to squat or kneel", "gluteus medius and maximus").
extension ClaimExtractor {
    /// The words `activityWords` holds: second and third stems of symptom names that start with "pain".
    static func activityWords(_ lexicon: Lexicon) -> Set<String> {
        let tokenizer = Tokenizer(stemmer: Stemmer())
        var out = Set<String>()
        for e in lexicon.entities where e.kind == .symptom {
            for text in [e.name] + e.aliases {
                let stems = tokenizer.tokens(text).map(\.stem)
                guard stems.count > 1, stems[0] == "pain" else { continue }
                out.insert(stems[1])
                if stems.count > 2 { out.insert(stems[2]) }
            }
        }
        return out
    }

    /// Symptoms named by a pain word and the activity that brings it on, with words between:
    /// "pain that gets worse when running downhill" names *pain when running downhill* when the
    /// lexicon has "pain when running downhill", "pain running downhill" or "pain on …".
    func activitySymptoms(_ s: AnalyzedSentence) -> [(Entity, Int, Int)] {
        var out: [(Entity, Int, Int)] = []
        for p in s.positions(.pain) {
            // "… and is often worse running downhill or walking down stairs": "worse" leads the activity itself.
            // "It hurts …, usually when the tendon is loaded: jumping, landing, …": the list after the colon, tried first.
            let listed = colonActivityLead(after: p, s)
            let leads = (listed.map { [$0] } ?? []) + (s.tokens[p].stem == "wors" ? [p] : [])
                + leadWindow(after: p, s).filter { Cues.activityLead.contains(s.tokens[$0].stem) }
            for k in leads {
                if k != listed, s.clauseBreak(between: p, and: k), !continuesPain(from: p, to: k, s) { break }
                // "It tends to flare when you go down stairs": the subject after the lead is passed over.
                let a = k != p && k + 2 < s.tokens.count && Self.activitySubjects.contains(s.tokens[k + 1].norm) ? k + 1 : k
                let longest = min(5, s.tokens.count - a - 1)
                // "Pain that is worse on stairs": after "worse" the lead may still come.
                guard longest >= 1, activityWords.contains(s.tokens[a + 1].stem) else { if s.tokens[k].stem == "wors" { continue } else { break } }
                guard var end = activity(after: a, lead: s.tokens[k], s, into: &out, from: p) else { if k == p { continue } else { break } }
                // "Pain when squatting, kneeling, or going down stairs": the lead governs each activity of the list.
                while end + 1 < s.tokens.count {
                    var j = end + 1
                    let comma = s.bytes[s.tokens[end].end..<s.tokens[j].start].contains(UInt8(ascii: ","))
                    if ["and", "or"].contains(s.tokens[j].norm) { j += 1 } else if !comma { break }
                    guard j < s.tokens.count else { break }
                    if activityWords.contains(s.tokens[j].stem), let next = activity(after: j - 1, lead: s.tokens[k], s, into: &out, from: j) {
                        end = next
                    } else if let item = listedActivity(at: j, s) {
                        // "Pain when jumping, landing, squatting …": a one-word item the lexicon lacks.
                        out.append((item, j, j))
                        end = j
                    } else { break }
                }
                break
            }
        }
        return out
    }

    /// The last word before a colon that ends a "when" clause after the pain word at `p`, within a
    /// dozen words: "It hurts at the bottom of the kneecap, usually when the tendon is loaded: jumping, …".
    /// The activities listed after the colon bring the pain on.
    func colonActivityLead(after p: Int, _ s: AnalyzedSentence) -> Int? {
        let end = min(s.tokens.count - 1, p + 16)
        guard p + 1 < end else { return nil }
        var sawLead = false
        for k in (p + 1)..<end {
            if Cues.activityLead.contains(s.tokens[k].stem) { sawLead = true }
            let gap = s.bytes[s.tokens[k].end..<s.tokens[k + 1].start]
            if gap.contains(UInt8(ascii: ":")) { return sawLead ? k : nil }
            if gap.contains(UInt8(ascii: ";")) { return nil }
        }
        return nil
    }

    /// The six words after the pain word at `p` where an activity lead may stand, passing over
    /// an aside in brackets and not counting an adverb that goes on with the pain: "Ache across
    /// the kneecap (where the knee meets the thigh bone), particularly when bending the knee".
    private func leadWindow(after p: Int, _ s: AnalyzedSentence) -> [Int] {
        var out: [Int] = []
        var counted = 0
        var depth = 0
        var k = p + 1
        while k < s.tokens.count, counted < 6 {
            for b in s.bytes[s.tokens[k - 1].end..<s.tokens[k].start] {
                if b == UInt8(ascii: "(") || b == UInt8(ascii: "[") { depth += 1 }
                if b == UInt8(ascii: ")") || b == UInt8(ascii: "]") { depth = max(0, depth - 1) }
            }
            if depth == 0 {
                out.append(k)
                if !Self.painContinuers.contains(s.tokens[k].norm) { counted += 1 }
            }
            k += 1
        }
        return out
    }

    /// Adverbs by which a comma goes on with the pain it follows: "…, particularly when squatting".
    static let painContinuers: Set<String> = ["particularly", "especially", "mostly", "mainly", "usually", "often", "typically", "notably", "even"]

    /// Whether the activity lead at `k` still qualifies the pain at `p` across commas and
    /// brackets: an adverb such as "particularly" comes right before it, and nothing between
    /// starts a new clause (a semicolon, a colon, "but", "which" …).
    private func continuesPain(from p: Int, to k: Int, _ s: AnalyzedSentence) -> Bool {
        guard k - 1 > p, Self.painContinuers.contains(s.tokens[k - 1].norm) else { return false }
        for j in p..<(k - 1) {
            if s.bytes[s.tokens[j].end..<s.tokens[j + 1].start].contains(where: { $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: ":") }) { return false }
            if Cues.scopeEnders.contains(s.tokens[j + 1].stem) { return false }
        }
        return true
    }

    /// Subjects that may stand between an activity lead and the activity: "when you go down stairs".
    static let activitySubjects: Set<String> = ["you", "i", "we", "they", "people"]

    /// A one-word "-ing" item of an activity list that the lexicon lacks, as the discovered
    /// symptom *pain when ITEM*, when a comma, "and", "or" or the sentence's end follows it.
    private func listedActivity(at j: Int, _ s: AnalyzedSentence) -> Entity? {
        let word = s.tokens[j].norm
        guard word.count >= 6, word.hasSuffix("ing"), !s.mentions.contains(where: { $0.first <= j && j <= $0.last }) else { return nil }
        if j + 1 < s.tokens.count {
            let gap = s.bytes[s.tokens[j].end..<s.tokens[j + 1].start]
            guard gap.contains(UInt8(ascii: ",")) || ["and", "or"].contains(s.tokens[j + 1].norm) else { return nil }
        }
        return entity(named: "pain when " + word, kind: .symptom)
    }

    /// The lexicon entity named `name` (by name or alias), else a discovered one of `kind`.
    func entity(named name: String, kind: EntityKind) -> Entity {
        if let id = byKey[AliasKey.make(name)], let known = lexicon[id] { return known }
        return Entity(id: Slug.make(name), kind: kind, name: name, discovered: true)
    }

    /// The symptom named by the pain word, `lead` and the activity that starts at `k + 1`, appended
    /// to `out` as spanning `start` to the activity's end; returns that end.
    private func activity(after k: Int, lead: Token, _ s: AnalyzedSentence, into out: inout [(Entity, Int, Int)], from start: Int) -> Int? {
        let pain = Self.painToken, when = Self.whenToken
        let longest = min(5, s.tokens.count - k - 1)
        guard longest >= 1 else { return nil }
        for length in stride(from: longest, through: 1, by: -1) {
            for activity in Self.particleVariants(Array(s.tokens[(k + 1)...(k + length)])) {
                for candidate in [[pain, lead] + activity, [pain, when] + activity, [pain] + activity] {
                    let m = finder.mentions(in: candidate)
                    if m.count == 1, m[0].first == 0, m[0].last == candidate.count - 1, m[0].kind == .symptom, let e = lexicon[m[0].entity] {
                        out.append((e, start, k + length))
                        return k + length
                    }
                }
            }
        }
        return nil
    }

    /// The words "pain" and "when" as tokens, for phrases tried against the lexicon.
    static let painToken = Token(start: 0, end: 0, norm: "pain", stem: "pain", isUpper: false)
    static let whenToken = Token(start: 0, end: 0, norm: "when", stem: "when", isUpper: false)
    static let onToken = Token(start: 0, end: 0, norm: "on", stem: "on", isUpper: false)
    static let afterToken = Token(start: 0, end: 0, norm: "after", stem: "after", isUpper: false)
    /// Particles of phrasal verbs: "walking up or down stairs".
    static let particles: Set<String> = ["up", "down", "in", "out", "on", "off"]

    /// The activity as written and, when it joins two particles ("walking up or down stairs"),
    /// once with each: "walking up stairs", "walking down stairs".
    static func particleVariants(_ activity: [Token]) -> [[Token]] {
        let particles = Self.particles
        guard let j = activity.indices.first(where: { $0 > 0 && $0 + 1 < activity.count && ["or", "and"].contains(activity[$0].norm)
                && particles.contains(activity[$0 - 1].norm) && particles.contains(activity[$0 + 1].norm) }) else { return [activity] }
        var first = activity, second = activity
        first.removeSubrange(j...(j + 1))
        second.removeSubrange((j - 1)...j)
        return [activity, first, second]
    }

    /// Symptoms named by the activities before "made it worse" / "aggravate it":
    /// "squatting and walking downstairs made mine worse" names *pain when squatting* and
    /// *pain walking downstairs* when the lexicon has them.
    func aggravatingActivities(_ s: AnalyzedSentence) -> [(Entity, Int, Int)] {
        // "an ache … provoked by running, squatting and stair descent": the activities follow the cue.
        if let by = s.tokens.indices.first(where: { k in k > 0 && k + 1 < s.tokens.count && s.tokens[k].norm == "by"
            && (Cues.provoking.contains(s.tokens[k - 1].stem) || k > 1 && s.tokens[k - 1].norm == "on" && s.tokens[k - 2].norm == "brought") }) {
            return painfulActivities(from: by + 1, to: s.tokens.count, s)
        }
        // "Running downhill … usually hurts more than the flat": the activities hurt more themselves.
        let hurtsMore = s.tokens.indices.first { k in
            k > 0 && k + 1 < s.tokens.count && ["hurt", "hurts"].contains(s.tokens[k].norm) && ["more", "most"].contains(s.tokens[k + 1].norm) }
        // "Going downhill is the worst", "Walking down stairs hurts too": the same, said at the end.
        let pained = hurtsMore ?? painedPredicate(s)
        guard let w = pained ?? s.positions(.worsening).first, w > 0 else { return [] }
        // Only when what gets worse is the pain itself ("made mine worse", "makes it worse", "aggravate the pain").
        let after = s.tokens[(w + 1)...].prefix(3).map(\.norm) + s.tokens[max(0, w - 2)..<w].map(\.norm)
        guard pained != nil || !Set(after).isDisjoint(with: ["it", "mine", "pain", "symptoms", "ache", "them", "things"]) else { return [] }
        return painfulActivities(from: 0, to: w, s)
    }

    /// The symptoms that "pain when" plus an activity named between `start` and `end` make ("squatting" → *pain when squatting*).
    func painfulActivities(from start: Int, to w: Int, _ s: AnalyzedSentence) -> [(Entity, Int, Int)] {
        let pain = Self.painToken, when = Self.whenToken
        let plainPain = finder.mentions(in: [pain]).first?.entity
        var out: [(Entity, Int, Int)] = []
        var j = start
        while j < w {
            var matched = 0
            guard activityWords.contains(s.tokens[j].stem) else { j += 1; continue }
            found: for length in stride(from: min(4, w - j), through: 1, by: -1) {
                let activity = Array(s.tokens[j..<(j + length)])
                // Not part of a longer name: "mini-squats" is no "squats".
                if s.mentions.contains(where: { $0.first < j && $0.last >= j || $0.first < j + length && $0.last >= j + length }) { continue }
                for candidate in [[pain, when] + activity, [pain] + activity, [pain, Self.onToken] + activity, [pain, Self.afterToken] + activity] {
                    let m = finder.mentions(in: candidate)
                    if m.count == 1, m[0].first == 0, m[0].last == candidate.count - 1, m[0].kind == .symptom, m[0].entity != plainPain,
                       let e = lexicon[m[0].entity] {
                        out.append((e, j, j + length - 1))
                        matched = length
                        break found
                    }
                }
            }
            j += max(1, matched)
        }
        return out
    }

    /// Entities named by coordination: "unable to squat or kneel" also names *unable to kneel*.
    func coordinated(_ s: AnalyzedSentence) -> [(Entity, Int, Int)] {
        var out: [(Entity, Int, Int)] = []
        for m in s.mentions where m.kind != .anatomy && m.kind != .condition && m.last > m.first {
            // "hip and knee strengthening": the word before "and" takes the mention's head (*hip strengthening*).
            if m.first >= 2, ["and", "or"].contains(s.tokens[m.first - 1].norm), !s.clauseBreak(between: m.first - 2, and: m.first),
               !s.mentions.contains(where: { $0.first <= m.first - 2 && m.first - 2 <= $0.last }) {
                let candidate = [s.tokens[m.first - 2]] + Array(s.tokens[(m.first + 1)...m.last])
                let found = finder.mentions(in: candidate)
                if found.count == 1, found[0].first == 0, found[0].last == candidate.count - 1, found[0].kind == m.kind,
                   found[0].entity != m.entity, let e = lexicon[found[0].entity] {
                    out.append((e, m.first - 2, m.first - 2))
                }
            }
            let joint = m.last + 1
            guard joint + 1 < s.tokens.count, s.tokens[joint].norm == "or" || s.tokens[joint].norm == "and" else { continue }
            let next = joint + 1
            guard !s.mentions.contains(where: { $0.first <= next && next <= $0.last }) else { continue }
            let candidate = Array(s.tokens[m.first..<m.last]) + [s.tokens[next]]
            let found = finder.mentions(in: candidate)
            if found.count == 1, found[0].first == 0, found[0].last == candidate.count - 1, let e = lexicon[found[0].entity] {
                out.append((e, next, next))
            } else if let e = swappingStructure(of: m, to: candidate, s) {
                out.append((e, next, next))
            }
        }
        return out
    }

    /// The structure that `tokens` end with, found on its own ("weakness in the gluteus medius" → gluteus medius).
    func trailingStructure(_ tokens: [Token]) -> String? {
        for start in 1..<max(1, tokens.count) {
            let found = finder.mentions(in: Array(tokens[start...]))
            if found.count == 1, found[0].first == 0, found[0].last == tokens.count - start - 1, found[0].kind == .anatomy { return found[0].entity }
        }
        return nil
    }

    /// "weakness in the gluteus medius and maximus": the mention's entity with its structure
    /// swapped for the one the coordinated word completes (*weak gluteus maximus*).
    func swappingStructure(of m: Mention, to candidate: [Token], _ s: AnalyzedSentence) -> Entity? {
        guard let entity = lexicon[m.entity],
              let new = trailingStructure(candidate), let old = trailingStructure(Array(s.tokens[m.first...m.last])),
              let from = lexicon[old], let to = lexicon[new], from.id != to.id,
              entity.name.contains(from.name) else { return nil }
        let name = entity.name.replacingOccurrences(of: from.name, with: to.name)
        if let id = byKey[AliasKey.make(name)], let known = lexicon[id] { return known }
        return Entity(id: Slug.make(name), kind: entity.kind, name: name, targets: entity.kind == .treatment ? [to.id] : [],
                      subtype: entity.subtype, discovered: true)
    }
}
