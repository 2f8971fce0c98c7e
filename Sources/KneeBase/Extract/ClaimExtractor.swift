/// What extraction finds in one document: claims (one per sentence and object) and
/// the entities it discovered that the lexicon lacks.
public struct DocumentClaims: Sendable, Codable {
    public var claims: [Claim]
    public var discovered: [Entity]
}

/// Extracts claims from one document with general rules: the relation of the section
/// a sentence sits in, cue words in the sentence, the kind of each entity mentioned,
/// negation and hedging scope, and attribution. The subject is a condition named in the
/// sentence, else the section's, else the article's main condition.
struct ClaimExtractor {
    let lexicon: Lexicon
    let finder: MentionFinder
    /// Lexicon ids by name/alias key, for composed phrases.
    let byKey: [String: String]

    init(lexicon: Lexicon, finder: MentionFinder) {
        self.lexicon = lexicon
        self.finder = finder
        var keys: [String: String] = [:]
        for e in lexicon.entities {
            for text in [e.name] + e.aliases where keys[AliasKey.make(text)] == nil { keys[AliasKey.make(text)] = e.id }
        }
        byKey = keys
        anatomyConditions = Self.linkAnatomy(lexicon)
        activityWords = Self.activityWords(lexicon)
    }

    /// Stems that follow "pain" (or "pain when") in a symptom's names: only these can start
    /// an activity symptom, so other words are not looked up.
    let activityWords: Set<String>

    /// Anatomy ids and the one condition whose name contains the structure's name
    /// ("iliotibial band" → *iliotibial band syndrome*, "patellar tendon" → *patellar tendon pain*).
    let anatomyConditions: [String: String]

    func extract(_ document: Document, stemmer: Stemmer) -> DocumentClaims {
        let tokenizer = Tokenizer(stemmer: stemmer)
        let analyzed = document.sentences.enumerated().map { i, s -> AnalyzedSentence in
            let tokens = tokenizer.tokens(s.text)
            return AnalyzedSentence(index: i, sentence: s, tokens: tokens, mentions: injuries(in: finder.mentions(in: tokens), tokens), bytes: Array(s.text.utf8),
                                    startsBlock: i == 0 || document.sentences[i - 1].block != s.block)
        }
        let main = mainCondition(document, analyzed, tokenizer)
        let topics = letterTopics(analyzed, document)
        let askers = askerSentences(analyzed, document)
        var headingInfo: [String: (relation: Relation?, condition: String?, warns: Bool)] = [:]
        func info(_ heading: String) -> (relation: Relation?, condition: String?, warns: Bool) {
            if let hit = headingInfo[heading] { return hit }
            // "Mo Adeyemi @mo_moves_physio · 9 Apr": a post's header names its author, not a section.
            if Self.isPostHeader(heading) {
                headingInfo[heading] = (nil, nil, false)
                return (nil, nil, false)
            }
            let tokens = tokenizer.tokens(heading)
            let stems = Set(tokens.map(\.stem))
            var relation = Cues.sectionRelations.first { !$0.stems.isDisjoint(with: stems) }?.relation
            // "Why it matters", "Why this matters": what follows are consequences, not causes.
            if relation == .cause, stems.contains("matter") { relation = nil }
            // "What should I do?", "What can you do about it?": a question asking what to do asks for treatment.
            // "What I'd do:" before a list asks the same.
            if relation == nil, heading.hasSuffix("?") || heading.hasSuffix(":"), stems.contains("do"), stems.contains("what") { relation = .treatment }
            // "How do I know if I have X?", "How can you tell whether …", "Check if you have X": the signs follow.
            if relation == nil, !stems.isDisjoint(with: ["know", "tell", "check"]), !stems.isDisjoint(with: ["if", "whether"]) { relation = .symptom }
            // "Things you can do yourself", a "Do" list beside a "Don't" list: self-care advice follows.
            if relation == nil, Self.asksSelfCare(tokens) { relation = .treatment }
            // "What sets it off", "What brings it on": its triggers follow.
            if relation == nil, (stems.contains("set") && stems.contains("off")) || (!stems.isDisjoint(with: ["bring", "brought"]) && stems.contains("on")) {
                relation = .cause
            }
            // "What to avoid", "Mistakes to avoid", "What not to do" (not "How to avoid X", which is prevention).
            let conditions = finder.mentions(in: tokens).filter { $0.kind == .condition }
            // Not "Back off, but don't stop": a negated stopping recommends going on.
            if conditions.isEmpty, !stems.isDisjoint(with: Cues.avoidHeadings) || (stems.contains("not") && stems.contains("do")), !Self.negatesStopping(tokens) {
                relation = .notRecommended
            }
            // "What I'd skip", "Treatments that are a waste of money", "Things we advise against".
            if conditions.isEmpty, Self.discards(stems) || Self.advisesAgainst(tokens) { relation = .notRecommended }
            // "When should I seek further advice?": the signs listed there are warning signs.
            let warns = Self.asksForHelp(stems)
            if warns { relation = nil }
            // "Common symptoms of X": the condition after the relation word is the section's.
            let cue = tokens.firstIndex { t in Cues.sectionRelations.contains { $0.stems.contains(t.stem) } }
            let condition = (cue.flatMap { c in conditions.first { $0.first > c } } ?? conditions.last)?.entity
            let r = (relation, condition, warns)
            headingInfo[heading] = r
            return r
        }
        var claims: [Claim] = []
        var discovered: [String: Entity] = [:]
        let named = Set(analyzed.flatMap { $0.mentions.filter { $0.kind == .condition }.map(\.entity) })
        var titles = Set(document.blocks.filter { $0.kind == .heading && $0.level <= 1 }.map(\.text))
        if let title = document.metadata.title { titles.insert(title) }
        var question: String? = nil
        var leadIn: String? = nil
        // A quotation that runs on over the next sentences of its block, and its speaker.
        var quote: (block: Int, speaker: String)? = nil
        // The header cell ("Exercise") of the table being read, when it heads a column of remedies.
        var remedyTable: String? = nil
        // "If it's no better after six weeks, see a physio": a failure in the condition of a referral is no verdict.
        let failures = analyzed.map { s in failureIndex(s).flatMap { isWarningSign($0, s) ? nil : $0 } }
        for s in analyzed {
            let block = document.blocks[s.sentence.block]
            // "Q: Why did I get it?" alone in its paragraph heads the answer that follows, like a heading.
            if block.kind == .heading { question = nil }
            else if isQuestionBlock(s, analyzed) { question = s.sentence.text }
            // "Common reasons include:" heads the list after it; the list's end ends it.
            if block.kind != .listItem && block.kind != .tableCell { leadIn = nil }
            if block.kind != .tableCell { remedyTable = nil }
            // Only a short cell names a remedy; "Land softly, step down rather than jump down" is a note on one.
            let tableHead = s.tokens.count <= 4 ? remedyTable : nil
            var sectionRelation: Relation? = nil
            var sectionCondition: String? = nil
            var path = block.headingPath
            if block.kind == .heading { path.append(block.text) }
            var inTitleOnly = true
            for heading in (leadIn.map { [$0] } ?? []) + (tableHead.map { [$0] } ?? []) + (question.map { [$0] } ?? []) + path.reversed() {
                let i = info(heading)
                if sectionRelation == nil { sectionRelation = i.relation }
                if sectionCondition == nil, let condition = i.condition {
                    sectionCondition = condition
                    inTitleOnly = titles.contains(heading)
                }
            }
            if block.kind == .heading && block.level <= 1 { sectionRelation = info(block.text).relation }
            // "I tried a week of rest. Still no improvement.": what was tried did not help.
            // The next sentence of the block, or a short reply in a block of its own ("Nope…").
            let next: AnalyzedSentence? = s.index + 1 < analyzed.count ? analyzed[s.index + 1] : nil
            let sameBlock = next.map { n in n.sentence.block == s.sentence.block
                || (n.tokens.count <= 4 && document.blocks[n.sentence.block].kind != .heading
                    && (n.index + 1 == analyzed.count || analyzed[n.index + 1].sentence.block != n.sentence.block)) } == true
            // The next sentence's verdict is about this one unless it follows a remedy named there.
            let failed = failures[s.index] != nil
                || sameBlock && next.map { n in failures[n.index].map { f in !n.mentions.contains { $0.kind == .treatment && $0.first < f } } ?? false } == true
            // "X is … . It is often caused by …": an opening pronoun refers to the condition just named.
            let previous = s.index > 0 && analyzed[s.index - 1].sentence.block == s.sentence.block ? analyzed[s.index - 1] : nil
            let antecedent = anaphor(in: s) == nil ? nil : previous.flatMap(subjectCondition)
            // In a reader's letter and its answer, the condition the answer names first.
            let defaultSubject = antecedent ?? topics[s.index] ?? sectionCondition ?? main
            // "If your IT band is tight, …" in an article that also discusses IT band syndrome: said of that too.
            let linked = (inTitleOnly || sectionCondition == main) && !s.mentions.contains { $0.kind == .condition }
                ? s.mentions.lazy.compactMap { m in m.kind == .anatomy ? anatomyConditions[m.entity] : nil }
                    .first { named.contains($0) && $0 != defaultSubject }
                : nil
            // "Should I get a knee brace?": a question in the text asks, it recommends nothing.
            let asks = block.kind != .heading && s.bytes.last(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "*") && $0 != UInt8(ascii: "_") }) == UInt8(ascii: "?")
            // Under "When to see a doctor", or in the list after "Call your doctor if your pain:".
            let warningSigns = (leadIn.map { info($0).warns } ?? false) || (path.last.map { info($0).warns } ?? false) || labelAsksForHelp(s)
            // "Also skip: endless adductor stretching": a label setting aside what follows advises against it.
            if opensWithAsideLabel(s) { sectionRelation = .notRecommended }
            let context = SentenceContext(sentence: s, document: document, sectionRelation: sectionRelation, asks: asks, warningSigns: warningSigns,
                                          defaultSubject: defaultSubject, antecedent: antecedent, linkedSubject: linked,
                                          previousAnatomy: previous.map { p in p.mentions.filter { $0.kind == .anatomy }
                                              .map { (id: $0.entity, surface: String(decoding: p.bytes[$0.start..<$0.end], as: UTF8.self)) } } ?? [],
                                          failed: failed, asker: askers[s.index],
                                          quotedSpeaker: quote.flatMap { $0.block == s.sentence.block ? $0.speaker : nil },
                                          topicPronoun: antecedent == nil && pronounMeansTopic(s, previous: previous))
            let sentenceStart = claims.count
            // A quiz's "True or false?" statements and its lettered options are put to the reader, not asserted.
            if !(block.kind == .heading && asksYesNo(s)), !isQuizStatement(s, analyzed), !isAnswerOption(s, document), !isCitation(s, document) {
                for (claim, entity) in claimsIn(context, isHeading: block.kind == .heading, isItem: block.kind == .listItem) {
                    claims.append(claim)
                    if let entity, entity.discovered, discovered[entity.id] == nil { discovered[entity.id] = entity }
                }
            }
            // The last sentence of a paragraph, ending in a colon, before a list: "Signs include:".
            if block.kind == .paragraph, s.tokens.count <= 16, s.sentence.text.hasSuffix(":"), s.index + 1 < analyzed.count,
               analyzed[s.index + 1].sentence.block != s.sentence.block,
               document.blocks[analyzed[s.index + 1].sentence.block].kind == .listItem {
                if info(s.sentence.text).relation != nil || info(s.sentence.text).warns {
                    leadIn = s.sentence.text
                } else if let q = openingQuestion(of: s, analyzed), info(q).relation != nil {
                    // "Why does it happen? The usual suspects:": the question opening the paragraph heads the list.
                    leadIn = q
                }
            }
            // "| Exercise | Sets | Reps |": a table whose first header cell names a kind of remedy lists remedies in its rows.
            if block.kind == .tableCell, s.tokens.count <= 2, s.sentence.block > 0, document.blocks[s.sentence.block - 1].kind != .tableCell,
               info(s.sentence.text).relation == .treatment {
                remedyTable = s.sentence.text
            }
            // "avoid long downhills", "do not stop all sport": activities the lexicon does not name, advised against.
            let said = Set(claims[sentenceStart...].map(\.object))
            let heading = block.kind == .heading
            for (claim, entity) in avoidedActivityClaims(context, isHeading: heading) + stoppedActivityClaims(context, isHeading: heading)
            where !said.contains(claim.object) {
                claims.append(claim)
                if entity.discovered, discovered[entity.id] == nil { discovered[entity.id] = entity }
            }
            claims += anatomyClaims(context, isHeading: block.kind == .heading)
            quote = quotation(after: s, quote)
        }
        return DocumentClaims(claims: claims, discovered: discovered.values.sorted { $0.id < $1.id })
    }

    /// What the rules need to know about a sentence's place.
    struct SentenceContext {
        var sentence: AnalyzedSentence
        var document: Document
        var sectionRelation: Relation?
        /// The sentence is a question (not a heading).
        var asks: Bool
        /// The section lists signs to seek help for ("When should I seek further advice?").
        var warningSigns: Bool
        var defaultSubject: String?
        /// The condition that an opening "it" / "this" / "the result" refers to (named in the previous sentence).
        var antecedent: String?
        /// A condition named after a structure the sentence mentions, also discussed in the article.
        var linkedSubject: String?
        /// Structures the previous sentence of the block named ("your glutes, hips and calves").
        var previousAnatomy: [(id: String, surface: String)]
        /// The sentence, or the next one, says that what was tried did not help.
        var failed: Bool
        /// The sentence is part of a reader's question in a Q&A column.
        var asker: Bool = false
        /// The speaker of a quotation opened in an earlier sentence of the block ("Dr. Lisa Mitro").
        var quotedSpeaker: String? = nil
        /// The sentence opens on a pronoun for the section's or article's condition (`pronounMeansTopic`).
        var topicPronoun: Bool = false
    }

    /// Words of stopping, which a negation before them turns into a recommendation.
    static let stoppingWords: Set<String> = ["stop", "avoid", "quit", "skip"]

    /// Negation words that negate: not inside a condition ("if we don't do the strength
    /// work", "if X does not help, …"), and not doubled ("don't stop the strength work").
    /// Found once per sentence.
    func effectiveNegations(_ s: AnalyzedSentence) -> [Int] {
        s.negations { findNegations(s) }
    }

    private func findNegations(_ s: AnalyzedSentence) -> [Int] {
        let all = s.positions(.negation) + extraNegations(s)
        guard !all.isEmpty else { return [] }
        return all.filter { n in
            // "don't stop", "never avoid": a negated stopping is a recommendation.
            let stopping = Self.stoppingWords
            if stopping.contains(s.tokens[n].norm), all.contains(where: { $0 < n && n - $0 <= 2 }) { return false }
            if all.contains(where: { $0 > n && $0 - n <= 2 && stopping.contains(s.tokens[$0].norm) }) { return false }
            // "don't cease", "never give up": verbs of stopping no negation list holds.
            if (n + 1..<min(s.tokens.count, n + 3)).contains(where: { isStopping(at: $0, s) }) { return false }
            // "Instead, we suggest cutting back": without "of", "instead" turns away from what came before, not from what follows.
            if s.tokens[n].norm == "instead", !(n + 1 < s.tokens.count && s.tokens[n + 1].norm == "of") { return false }
            // "shoes that don't fit", "exercises that don't hurt": a relative clause describes a thing, it gives no verdict.
            if n > 0, ["that", "which", "who"].contains(s.tokens[n - 1].norm) { return false }
            // "rehabilitation that has not worked": the same with an auxiliary between.
            if n > 1, Cues.auxiliaries.contains(s.tokens[n - 1].norm), ["that", "which", "who"].contains(s.tokens[n - 2].norm) { return false }
            // "It isn't unusual", "not uncommon": a negated negative affirms.
            if (n + 1..<min(s.tokens.count, n + 3)).contains(where: { Cues.litotes.contains(s.tokens[$0].norm) }) { return false }
            if Cues.litotes.contains(s.tokens[n].norm), all.contains(where: { $0 < n && n - $0 <= 2 }) { return false }
            var k = n - 1
            while k >= 0 && n - k <= 12 && !s.clauseBreak(between: k, and: n) {
                if Cues.conditionLeads.contains(s.tokens[k].norm) { return false }
                k -= 1
            }
            return true
        }
    }

    /// Negations no word list holds: "against" after a verb of advice ("we advise against …",
    /// "guidelines recommend against …"), the imperative "skip" (not the noun "skipping") and
    /// the phrasal verbs of keeping off ("steer clear of …", "stay away from …").
    func extraNegations(_ s: AnalyzedSentence) -> [Int] {
        s.positions(.negationWords).filter { k in
            s.tokens[k].norm == "skip" || (k > 0 && s.tokens[k].norm == "against" && Cues.againstVerbs.contains(s.tokens[k - 1].stem))
                || keepsOff(at: k, s)
        }
    }

    /// The token where the sentence reports a failed outcome, if it does: "no better",
    /// "no improvement", "didn't help", "did nothing", "nope".
    private func failureIndex(_ s: AnalyzedSentence) -> Int? {
        let negations = effectiveNegations(s)  // a few positions: an array search costs less than a set
        for (i, t) in s.tokens.enumerated() {
            if t.norm == "nope" { return i }
            // "Rest can settle the pain, but it tends to come straight back": the pain returns.
            if t.norm == "back", returnsAfterContrast(i, s) { return i }
            if t.norm == "nothing", doesNothing(before: i, s) { return i }
            if wastesEffort(at: i, s) { return i }
            guard negations.contains(i) || t.norm == "still" else { continue }
            for k in (i + 1)..<min(s.tokens.count, i + 4) where Cues.outcome.contains(s.tokens[k].stem) {
                if s.clauseBreak(between: i, and: k) { return nil }
                return i
            }
        }
        return nil
    }

    /// Whether a form of "do" comes before the "nothing" at `i`, perhaps through a softener:
    /// "did nothing", "does next to nothing", "does little or nothing", "did almost nothing".
    private func doesNothing(before i: Int, _ s: AnalyzedSentence) -> Bool {
        var k = i - 1
        if k >= 2, s.tokens[k].norm == "to", s.tokens[k - 1].norm == "next" { k -= 2 }
        else if k >= 2, s.tokens[k].norm == "or", s.tokens[k - 1].norm == "little" { k -= 2 }
        else if k >= 1, ["almost", "virtually", "practically", "basically"].contains(s.tokens[k].norm) { k -= 1 }
        return k >= 0 && ["did", "does", "do", "done", "changed"].contains(s.tokens[k].norm)
    }

    private func claimsIn(_ c: SentenceContext, isHeading: Bool, isItem: Bool) -> [(Claim, Entity?)] {
        let s = c.sentence
        // "She writes about tendon rehab and running injuries": a profile, no advice.
        // "Disclosure: …", "You might also like: …": the page's furniture, no advice either.
        // "X was once thought to cause it": a belief given up.
        if describesWork(s) || opensWithFurnitureLabel(s) || reportsFormerBelief(s) { return [] }
        var objects: [(entity: Entity, first: Int, last: Int)] = []
        for m in s.mentions where m.kind != .anatomy {
            if m.kind == .treatment, isNotTreatment(m, s) || recountsPastRemedy(m, s) { continue }
            // "Poor landing technique": the practice done badly is a cause.
            if let flaw = flawedPractice(m, s) {
                if !objects.contains(where: { $0.entity.id == flaw.id }) { objects.append((flaw, m.first - 1, m.last)) }
                continue
            }
            // "worse … after sitting for a long time": the posture brings the pain on.
            if let symptom = painfulPosture(m, s) {
                if !objects.contains(where: { $0.entity.id == symptom.id }) { objects.append((symptom, m.first - 1, m.last)) }
                continue
            }
            // "Platelet-rich plasma (PRP) injections": a name and its abbreviation are one object.
            if let k = objects.lastIndex(where: { $0.entity.id == m.entity }), m.first - objects[k].last <= 2,
               s.bytes[s.tokens[objects[k].last].end..<s.tokens[m.first].start].contains(UInt8(ascii: "(")) {
                objects[k].last = m.last
                continue
            }
            // "insoles (orthotics)": a bracketed name right after one of the same kind glosses it.
            if let k = objects.lastIndex(where: { $0.last == m.first - 1 && $0.entity.kind == m.kind }), glosses(m, s) {
                objects[k].last = m.last
                continue
            }
            if let e = lexicon[m.entity] { objects.append((e, m.first, m.last)) }
        }
        // "a big jump in weekly mileage": a load change states a cause by itself; a lexicon cause
        // spanning it ("sudden jump in training") is that cause, standing alone too. Among remedies
        // ("Keep any increase in weekly mileage small") the change is advice, not a cause.
        var standing = Set<String>()
        for change in c.sectionRelation == .treatment ? [] : loadChanges(s) {
            if let known = objects.first(where: { $0.entity.kind == .cause && $0.first <= change.last && $0.last >= change.first }) {
                standing.insert(known.entity.id)
            } else if change.entity.kind == .cause, !objects.contains(where: { $0.entity.id == change.entity.id }) {
                objects.append(change)
                standing.insert(change.entity.id)
            }
        }
        for (e, first, last) in coordinated(s) where !objects.contains(where: { $0.entity.id == e.id }) {
            objects.append((e, first, last))
        }
        // Symptoms named with the activity that brings them on need no further cue.
        var evident = Set<String>()
        for (e, first, last) in activitySymptoms(s) where !objects.contains(where: { $0.entity.id == e.id }) {
            objects.append((e, first, last))
            evident.insert(e.id)
        }
        // "Squatting and walking downstairs made it worse": activities that bring the pain on are symptoms.
        for (e, first, last) in aggravatingActivities(s) + painfulActivitySubjects(s) + painPlaces(s) + sidedPainPlaces(s) + feltPlaces(s)
            + provokingActivitySubjects(s) {
            // Found as a mention already ("a sharp pain on the outside of my left knee"): it is evident all the same.
            evident.insert(e.id)
            if objects.contains(where: { $0.entity.id == e.id }) { continue }
            objects.removeAll { $0.first >= first && $0.last <= last && $0.entity.kind != .condition }
            objects.append((e, first, last))
        }
        for (e, q) in Composer.compose(s, lexicon: lexicon, byKey: byKey, finder: finder, antecedents: c.previousAnatomy) where !objects.contains(where: { $0.entity.id == e.id }) {
            // "Stretching my IT band": the composed phrase replaces the bare "stretching" it grew from.
            objects.removeAll { o in o.first == q && o.last == q && o.entity.kind == e.kind
                && s.mentions.contains { $0.first == q && $0.last == q && $0.entity == o.entity.id } }
            objects.append((e, q, q))
        }
        // "Stretches to strengthen the inner thigh": the remedy after "to" is what the bare one is.
        let purposes = objects.filter { $0.entity.kind == .treatment }.map(\.first)
        objects.removeAll { o in o.entity.kind == .treatment && purposes.contains { headsPurpose(o, of: $0, s) } }
        if !isHeading, let label = labelEntity(c) { objects.append(label) }
        // "Changing to a harder playing surface" under "Why has it happened?": an item that names
        // nothing the lexicon knows is a discovered entity named by its phrase.
        let itemFallback = isItem ? itemEntity(c) : nil
        if let item = itemFallback, objects.isEmpty { return [itemClaim(item, c)] }
        guard !objects.isEmpty, !citesSources(c) else { return [] }
        let conditions = s.mentions.filter { $0.kind == .condition }
        let hasCause = s.has(.cause) || (s.has(["play"]) && s.has(["part", "role"])) || opensCondition(s) || addsToBurden(s)
        let hasSymptom = s.has(.symptom)
        let hasTreatment = s.has(.treatment)
        // "there's no harm in that", "won't aggravate it": a denied harm is none.
        // "If it's getting worse, go and see a physio": a worsening in the condition of a referral condemns nothing.
        // "shorter steps mean less time in that irritable range": a worsening lessened is a relief.
        let worsening = s.positions(.worsening).contains { w in
            !s.positions(.negation).contains { $0 < w && w - $0 <= 3 && !s.clauseBreak(between: $0, and: w) } && !isWarningSign(w, s)
                && !(max(0, w - 8)..<w).contains { d in Cues.diminishers.contains(s.tokens[d].stem) && !s.clauseBreak(between: d, and: w) } }
        let hedged = s.has(.hedges)
        let negations = effectiveNegations(s)
        lazy var attribution = attribution(in: c)  // only for sentences that make a claim
        // Cue positions, found once per sentence rather than once per object (a sentence
        // may name hundreds of objects).
        let negationCues = s.positions(.negation)
        let symptomCauseCues = s.positions(.producesSymptom)
        let causeCues = s.positions(.cause)
        let produceCues = s.positions(.produces)
        lazy var evidenceWords = evidencePositions(s)  // only for sentences that name a remedy
        var out: [(Claim, Entity?)] = []
        var claimed = false
        for object in objects {
            let subject = subjectFor(object: object, conditions: conditions, fallback: c.defaultSubject)
            guard let subject, subject != object.entity.id else { continue }
            // "The team plans to test whether training can reduce knee injuries": asked, not claimed.
            if isOpenQuestion(object.first, s) { continue }
            // "Don't stop training completely": the negation that a double negative cancels applies to a stopping itself.
            let negatedStop = ["stop", "stopping", "quit", "quitting"].contains(s.tokens[object.first].norm)
                && negationCues.contains { $0 < object.first && object.first - $0 <= 2 }
            // "advise against ultrasound, laser or electrical stimulation": the scope runs through a list.
            let head = enumerationStart(object.first, s)
            // "has not been shown to beat exercise therapy": what a remedy is compared with is not denied.
            let negated = negatedStop || negations.contains { n in n < head && head - n <= 8 && !s.clauseBreak(between: n, and: head)
                && !(n + 1..<head).contains { Cues.comparisons.contains(s.tokens[$0].stem) } }
                // "Zero drop shoes don't guarantee …": the treatment is the subject of a negated verb.
                // "Taping and ultrasound were not studied": each conjunct of the subject too.
                || (object.entity.kind == .treatment && deniedAsSubject(object, among: objects, s, negations: negations))
                || (object.entity.kind == .treatment && deniedPredicate(after: object, head: head, s, negations: negations))
                // "Surgery, including lateral release, is not recommended": an example shares its host's verdict.
                || (object.entity.kind == .treatment && appositionHost(of: object.first, among: objects, s).map { host in
                    deniedPredicate(after: host, head: enumerationStart(host.first, s), s, negations: negations) } == true)
            var relation: Relation
            var rule: String
            switch object.entity.kind {
            case .symptom:
                // "degeneration rather than true inflammation": what is set aside is not claimed.
                if setAside(object.first, s) { continue }
                // "Swelling is uncommon": a symptom said to be rare is not claimed.
                if (object.last + 1..<min(s.tokens.count, object.last + 4)).contains(where: { Cues.rarity.contains(s.tokens[$0].norm) }) { continue }
                // "Contact us if your knee becomes hot and swollen": warning signs to act on, not the condition's symptoms.
                if object.first > 0, let first = s.tokens.first, Cues.seekHelp.contains(first.stem), (1..<object.first).contains(where: { s.tokens[$0].norm == "if" }) { continue }
                // "If your knee is swelling or gives way, go and see someone", "Book an assessment if … your knee locks".
                if isWarningSign(object.first, s) { continue }
                // "Swelling is not typical": a symptom said to be atypical is not claimed.
                if isSaidAtypical(object.last, s) { continue }
                // Under "When to see a doctor"; "if it swells, that points to something else"; "very little inflammation"; "often called …".
                if c.warningSigns || pointsElsewhere(s) || isMinimised(object.first, s) || isNaming(object.first, s) { continue }
                let saidOfCondition = conditions.contains { $0.entity == subject } && c.sectionRelation != .treatment && c.sectionRelation != .cause
                // "the wearing causes inflammation and pain", "can contribute to knee ache" — not "if your IT band is tight".
                // ("results showed that … solving knee pain": the noun reports a finding, it produces nothing.)
                let caused = symptomCauseCues.contains { $0 < object.first && !Self.isFindingsNoun($0, s) }
                guard c.sectionRelation == .symptom || hasSymptom || saidOfCondition || caused || evident.contains(object.entity.id) else { continue }
                relation = .symptom
                rule = c.sectionRelation == .symptom ? "section:symptom" : "cue:symptom"
            case .cause:
                // "What about flat feet?": a question in the text names a suspect, it claims no cause.
                if c.asks { continue }
                if setAside(object.first, s) { continue }
                // "When present while standing, it is often called knock knees": another name, not a cause.
                if isNaming(object.first, s) { continue }
                // "… were often blamed for it, but that's rarely the main cause": taken back.
                if causeRetracted(after: object.last, s) || isAddedBurden(object.first, s) { continue }
                // "Flat feet on their own are rarely the reason": doubted by the sentence itself.
                if causeDenied(after: object.last, s) { continue }
                // "reduce … the risk of knee injury": an outcome whose likelihood changes, not a cause.
                if followsLikelihood(object.first, s) { continue }
                // "an overuse condition": the word classifies the condition, it names no cause.
                if object.last + 1 < s.tokens.count, Cues.classifiedHeads.contains(s.tokens[object.last + 1].stem) { continue }
                let remedied = (max(0, object.first - 3)..<object.first).contains { Cues.remedy.contains(s.tokens[$0].stem) }
                // "weak glutes", "tight hip muscles" state a cause by themselves, outside treatment advice.
                let composedCause = object.entity.discovered || standing.contains(object.entity.id)
                    || (object.first == object.last && s.mentions.allSatisfy { $0.entity != object.entity.id })
                // "… could be tight", "glutes are weak": a state said of a structure is a cause even among treatments.
                let predicated = composedCause && (max(0, object.first - 3)..<object.first).contains {
                    Cues.passive.contains(s.tokens[$0].norm) || ["becom", "feel", "seem"].contains(s.tokens[$0].stem) }
                // "It's common, especially in women": a group the condition is common in is a risk factor.
                let prevalent = object.first > 1 && ["in", "among", "amongst"].contains(s.tokens[object.first - 1].norm)
                    && (0..<object.first - 1).contains { Cues.prevalence.contains(s.tokens[$0].stem) }
                // "Weak hip abductors let the knee drift in": the subject of a statement (among signs, a sign).
                let subjectCause = c.sectionRelation != .symptom && opensAsSubject(object.first, last: object.last, s, isHeading: isHeading)
                guard c.sectionRelation == .cause || c.sectionRelation == .riskFactor || hasCause || remedied || prevalent || subjectCause
                        || (composedCause && (c.sectionRelation != .treatment || predicated)) else { continue }
                // "because it can wear down cartilage": what the condition causes is a consequence, not a cause.
                if isConsequence(object, of: subject, s, cues: produceCues) { continue }
                relation = c.sectionRelation == .riskFactor || s.has(["risk"]) ? .riskFactor : .cause
                rule = c.sectionRelation == .cause || c.sectionRelation == .riskFactor ? "section:cause" : "cue:cause"
            case .treatment:
                if c.asks { continue }
                // "Speak to your GP before taking anti-inflammatory medicines": asked about first, not advised.
                if isAskedAboutFirst(object.first, s) { continue }
                // "You may be asked to do a single-leg squat" under "Diagnosis": a test, not advice.
                if negations.isEmpty, !c.failed, c.sectionRelation != .treatment, isExamination(c) { continue }
                // "Zero drop shoes don't guarantee no pain": relying on the remedy is advised against, not the remedy.
                if deniesGuarantee(after: object.last, s, negations: negations) {
                    let reliance = entity(named: "relying on " + object.entity.name, kind: .treatment)
                    out.append((makeClaim(subject: subject, relation: .notRecommended, object: reliance.id, c, negated: false,
                                          hedged: hedged, attribution: attribution, rule: "negation:guarantee"), reliance))
                    claimed = true
                    continue
                }
                // "a week off running – shifting to the elliptical – … no better": how the rest was taken, no verdict.
                if c.failed, inDashedAside(object.first, object.last, s) { continue }
                // "Jump-landing drills, done as part of a warm-up": the setting of another remedy.
                // "cases that haven't responded to months of rehab": the cases, not a verdict on rehab.
                if followsPartOf(object.first, s) || followsResponse(object.first, s) { continue }
                // "Surgery is very rarely needed": a remedy said to be seldom needed is not advised.
                if (object.last + 1..<min(s.tokens.count, object.last + 5)).contains(where: { ["rarely", "seldom"].contains(s.tokens[$0].norm) }) { continue }
                let avoidSection = c.sectionRelation == .notRecommended
                // "Complete rest makes the thigh muscles weaker": the remedy weakens what it should help.
                let weakens = weakensAfter(object.last, s)
                // "The evidence for acupuncture is weak": a remedy on weak evidence is not advised.
                let doubted = !evidenceWords.isEmpty && evidenceDoubted(head: head, last: object.last, at: evidenceWords, s)
                guard c.sectionRelation == .treatment || avoidSection || hasTreatment || worsening || weakens || !negations.isEmpty || c.failed || doubted
                        || isNumberedRemedyHeading(c, isHeading: isHeading, first: object.first, last: object.last) else { continue }
                // "Pain eases as you warm up" describes a symptom; a remedy there needs advice words.
                if c.sectionRelation == .symptom && !s.has(.advice) && negations.isEmpty && !c.failed && !doubted { continue }
                // "After speaking with my physio, …": a person met, no therapy advised.
                if namesPractitioner(object, s) && !s.has(.consult) && !c.failed { continue }
                if negated || worsening || weakens || c.failed || avoidSection || doubted {
                    relation = .notRecommended
                    rule = worsening || weakens ? "cue:worsens" : c.failed ? "outcome:failed" : negated ? "negation"
                        : doubted ? "cue:weak-evidence" : "section:avoid"
                }
                else { relation = .treatment; rule = c.sectionRelation == .treatment ? "section:treatment" : "cue:treatment" }
            case .condition:
                // "Repair any knee drift", "how to fix knee drift", "by resolving knee drift" — not "they resolved my X".
                if (max(0, object.first - 3)..<object.first).contains(where: { k in
                    Cues.remedy.contains(s.tokens[k].stem) && isImperativeOrPurpose(k, s) }) {
                    relation = .cause  // "repair any knee drift": the condition is a cause to fix
                    rule = "cue:remedy"
                    break
                }
                // "A may cause B, which is related to C": B and C are caused by A (A's complications).
                let cues = causeCues
                // "A is due to B", "the reason: B", "A is caused by B": B, after the cue, causes A.
                if let cue = cues.first(where: { $0 < object.first && isEffectCue($0, s) }),
                   let effect = conditions.last(where: { $0.last < cue && $0.entity != object.entity.id }) {
                    out.append((makeClaim(subject: effect.entity, relation: .cause, object: object.entity.id, c, negated: negated,
                                          hedged: hedged, attribution: attribution, rule: "cue:cause"), object.entity))
                    continue
                }
                // "The result is more trouble with B": the agent is the condition the previous sentence named.
                // "It can contribute to runner's knee" as an item under "What is knee valgus?": the topic is the agent.
                let anaphoric = (c.antecedent ?? (c.topicPronoun ? c.defaultSubject : nil)).flatMap { a in (anaphor(in: s) ?? (c.topicPronoun ? 0 : nil)).map { Mention(entity: a, kind: .condition, first: $0, last: $0, start: 0, end: 0) } }
                if let cue = cues.first(where: { $0 < object.first }),
                   let agent = conditions.first(where: { $0.last < cue && $0.entity != object.entity.id })
                    ?? anaphoric.flatMap({ $0.last < cue && $0.entity != object.entity.id ? $0 : nil }) {
                    guard !s.has(["by"]) || agent.first > cue else { continue }
                    let claim = makeClaim(subject: object.entity.id, relation: .cause, object: agent.entity, c, negated: negated,
                                          hedged: hedged, attribution: attribution, rule: "cue:cause")
                    out.append((claim, object.entity))
                    out.append((makeClaim(subject: agent.entity, relation: .complication, object: object.entity.id, c, negated: negated,
                                          hedged: hedged, attribution: attribution, rule: "cue:cause"), object.entity))
                    continue
                }
                // In a causes section, or "B … leads to A" with A the subject after the cue.
                let subjectAfterCue = cues.contains { cue in object.last < cue && conditions.contains { $0.entity == subject && $0.first > cue } }
                guard (c.sectionRelation == .cause && conditions.allSatisfy({ $0.entity == object.entity.id })) || subjectAfterCue else { continue }
                relation = .cause
                rule = subjectAfterCue ? "cue:cause" : "section:cause"
            case .anatomy:
                continue
            }
            // "There is no evidence that flat feet cause it": a denied cause or symptom is no claim of one.
            if negated && [.cause, .riskFactor, .symptom].contains(relation) { continue }
            let polarity = relation == .notRecommended ? false : negated
            out.append((makeClaim(subject: subject, relation: relation, object: object.entity.id, c, negated: polarity,
                                  hedged: hedged, attribution: attribution, rule: rule), object.entity))
            claimed = true
            // "You don't cease the strength work": the remedy is advised, stopping it is advised against.
            if relation == .treatment, keptOn(head, s) {
                let stopping = entity(named: "stopping " + object.entity.name, kind: .treatment)
                out.append((makeClaim(subject: subject, relation: .notRecommended, object: stopping.id, c, negated: false,
                                      hedged: hedged, attribution: attribution, rule: "negation:stopping"), stopping))
            }
            if let linked = c.linkedSubject, subject == c.defaultSubject, linked != object.entity.id,
               object.first == 0 || opensCondition(s)
                || s.mentions.contains(where: { m in m.kind == .anatomy && anatomyConditions[m.entity] == linked
                   && !s.clauseBreak(between: min(m.last, object.first), and: max(m.first, object.first)) }) {
                out.append((makeClaim(subject: linked, relation: relation, object: object.entity.id, c, negated: polarity,
                                      hedged: hedged, attribution: attribution, rule: rule + "+anatomy"), object.entity))
            }
        }
        // "Pain when you start exercising that may ease as you warm up": an item whose mentions gave no claim of its section's kind.
        if !claimed, out.isEmpty, let item = itemFallback { return [itemClaim(item, c)] }
        return out
    }

    /// The claim a list item's own phrase makes in its section (see `itemEntity`).
    private func itemClaim(_ item: (entity: Entity, first: Int, last: Int), _ c: SentenceContext) -> (Claim, Entity?) {
        // "Crossed-over gait … can add to it" among remedies: what adds to the problem is a cause.
        let relation: Relation = c.sectionRelation == .riskFactor ? .riskFactor
            : (c.sectionRelation ?? .treatment) == .treatment && addsToBurden(c.sentence) ? .cause : c.sectionRelation ?? .treatment
        return (makeClaim(subject: c.defaultSubject ?? "", relation: relation, object: item.entity.id, c, negated: false,
                          hedged: c.sentence.has(.hedges), attribution: attribution(in: c), rule: "section:item"), item.entity)
    }

    /// The condition an object is said of: one named just after it ("pain of X"), else the
    /// nearest one before it, else the section's or article's condition.
    private func subjectFor(object: (entity: Entity, first: Int, last: Int), conditions: [Mention], fallback: String?) -> String? {
        let others = conditions.filter { $0.entity != object.entity.id }
        if let after = others.first(where: { $0.first > object.last && $0.first - object.last <= 3 }) { return after.entity }
        if let before = others.last(where: { $0.last < object.first }) { return before.entity }
        if let fallback { return fallback }
        return others.first?.entity
    }

    /// In a symptom, cause or treatment section, a list item that names nothing the lexicon knows
    /// names a discovered entity by its opening phrase, up to the first clause break or relative
    /// word: "Reduced ankle movement, which makes …" → cause *reduced ankle movement*.
    func itemEntity(_ c: SentenceContext) -> (entity: Entity, first: Int, last: Int)? {
        guard let relation = c.sectionRelation, c.sentence.startsBlock, !c.asks, !c.warningSigns else { return nil }
        let kind: EntityKind
        switch relation {
        case .symptom: kind = .symptom
        case .cause, .riskFactor: kind = .cause
        case .treatment: kind = .treatment
        default: return nil
        }
        let s = c.sentence
        guard c.defaultSubject != nil, !s.tokens.isEmpty, effectiveNegations(s).isEmpty,
              !s.mentions.contains(where: { $0.kind == kind || ($0.kind == .condition && $0.entity != c.defaultSubject) }) else { return nil }
        // Symptoms are named with the activity that brings them on ("pain when sitting"); other kinds end before a time clause.
        let timeWords: Set<String> = kind == .symptom ? ["as", "if", "once", "until"] : ["as", "if", "once", "until", "when", "while", "after", "before", "during", "by"]
        var first = 0
        while first + 1 < s.tokens.count, ["a", "an", "the", "some", "your", "any", "sometimes", "occasionally", "often", "usually"].contains(s.tokens[first].norm) { first += 1 }
        // "Take joint health seriously": advice in a light verb's phrase names no thing.
        if Self.lightVerbs.contains(s.tokens[first].norm) { return nil }
        var last = s.tokens.count - 1
        for k in s.tokens.indices {
            if k > 0 && (Cues.phraseEnders.contains(s.tokens[k].norm) || timeWords.contains(s.tokens[k].norm)) { last = k - 1; break }
            if k + 1 < s.tokens.count {
                let gap = s.bytes[s.tokens[k].end..<s.tokens[k + 1].start]
                // "A narrow, cross-over running style": a comma after a first lone word joins two adjectives.
                let comma = gap.contains(UInt8(ascii: ",")) && k > first
                if comma || gap.contains(where: { [UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "(")].contains($0) })
                    || gap.contains(UInt8(ascii: "-")) && gap.contains(UInt8(ascii: " ")) || gap.count > 2 && !gap.allSatisfy({ $0 < 0x80 }) { last = k; break }
            }
        }
        guard first <= last, (1...7).contains(last - first + 1) else { return nil }
        // A lone short word ("pain", "ache") names nothing in particular; a phrase of the writer's
        // own ("my 30 day program") or with figures is no entity; nor one opening on a conjunction.
        if first == last && s.tokens[first].norm.count < 6 { return nil }
        guard !(first...last).contains(where: { Cues.personal.contains(s.tokens[$0].norm) || s.tokens[$0].norm.first?.isNumber == true }),
              !Cues.conjunctions.contains(s.tokens[first].norm) else { return nil }
        let words = String(decoding: s.bytes[s.tokens[first].start..<s.tokens[last].end], as: UTF8.self)
            .split(separator: " ").map { w in w.count > 1 && w.allSatisfy({ $0.isUppercase || !$0.isLetter }) ? String(w) : w.lowercased() }
        let name = words.joined(separator: " ")
        guard name.contains(where: \.isLetter) else { return nil }
        if let known = byKey[AliasKey.make(name)], let e = lexicon[known] { return (e, first, last) }
        let id = Slug.make(name)
        guard !id.isEmpty else { return nil }
        return (Entity(id: id, kind: kind, name: name, discovered: true), first, last)
    }

    /// In a relation section, a list item or paragraph that starts "Label: …" names its object by the label.
    private func labelEntity(_ c: SentenceContext) -> (entity: Entity, first: Int, last: Int)? {
        guard let relation = c.sectionRelation, c.sentence.startsBlock, c.sentence.bytes.contains(UInt8(ascii: ":")) else { return nil }
        let text = c.sentence.sentence.text
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let label = text[..<colon].trimmingCharacters(in: " ")
        let words = label.split(separator: " ")
        guard (1...6).contains(words.count), label.first?.isLetter == true,
              !(words.count == 1 && Cues.genericLabels.contains(label.lowercased())),
              // "Change 1:", "Week 3:", "Stage 2:": a numbered step names no entity.
              !(words.count >= 2 && words.last!.allSatisfy(\.isNumber)),
              // "The short answer: …", "The bottom line: …".
              !(words.count <= 3 && Cues.genericLabels.union(["line", "verdict", "takeaway", "story"]).contains(words.last!.lowercased())),
              // "We use a simple rule: …", "My reading: …": the writer speaking, not a named thing.
              !isSpokenLabel(words),
              // "When to see someone: …", "Reply from @sam: …", "TL;DR: …", "Also skip: …".
              !Self.labelNamesNothing(words),
              text[text.index(after: colon)...].split(separator: " ").count >= 3 else { return nil }
        let labelEnd = text.utf8.distance(from: text.startIndex, to: colon)
        // A label naming a lexicon entity is read as that mention; one naming a condition is a title.
        let inLabel = c.sentence.mentions.filter { $0.end <= labelEnd && $0.kind != .anatomy }
        guard inLabel.isEmpty else { return nil }
        let kind: EntityKind = switch relation {
        case .symptom: .symptom
        case .cause, .riskFactor: .cause
        default: .treatment
        }
        let name = label.lowercased()
        let id = Slug.make(name)
        guard !id.isEmpty else { return nil }
        if let known = byKey[AliasKey.make(name)], let e = lexicon[known] { return (e, 0, 0) }
        return (Entity(id: id, kind: kind, name: name, discovered: true), 0, 0)
    }

    func makeClaim(subject: String, relation: Relation, object: String, _ c: SentenceContext, negated: Bool, hedged: Bool,
                           attribution: String?, rule: String) -> Claim {
        let s = c.sentence.sentence
        let evidence = Evidence(source: c.document.source, sentence: c.sentence.index, text: s.text, line: s.range.line, column: s.range.column,
                                start: s.range.start, end: s.range.end, headingPath: c.document.headingPath(of: s),
                                polarity: negated ? .negated : .asserted, certainty: hedged ? .hedged : .plain,
                                attribution: attribution, rule: rule)
        return Claim(subject: subject, relation: relation, object: object, evidence: [evidence])
    }

    /// The article's main condition: the one its title names, else the most mentioned (headings count triple).
    private func mainCondition(_ document: Document, _ analyzed: [AnalyzedSentence], _ tokenizer: Tokenizer) -> String? {
        if let title = document.metadata.title,
           let m = finder.mentions(in: tokenizer.tokens(title)).first(where: { $0.kind == .condition }) {
            return m.entity
        }
        var counts: [String: (count: Int, first: Int)] = [:]
        for s in analyzed {
            let weight = document.blocks[s.sentence.block].kind == .heading ? 3 : 1
            for m in s.mentions where m.kind == .condition { counts[m.entity, default: (0, s.index)].count += weight }
        }
        // A tie goes to the condition named first: an answer names its diagnosis before the asides.
        return counts.max { ($0.value.count, $1.value.first, $1.key) < ($1.value.count, $0.value.first, $0.key) }?.key
    }

    /// `attributionOf` the sentence's text, found once per sentence; a practitioner who is
    /// given no words (`practitionerSpeaks`) leaves the sentence to its author.
    func attribution(of s: AnalyzedSentence) -> String? {
        s.attribution {
            let found = attributionOf(s.sentence.text)
            guard let found, Self.practitioners.contains(found), !practitionerSpeaks(s) else { return found }
            return LoweredText(s.sentence.text).containsWord(Self.personalWords) ? SupportAnalysis.anecdote : nil
        }
    }

    /// Whether the "result" at `k` is the noun of a study's findings ("results showed", "the
    /// result was"), not the verb "result in".
    static func isFindingsNoun(_ k: Int, _ s: AnalyzedSentence) -> Bool {
        s.tokens[k].stem == "result" && (k + 1 >= s.tokens.count || s.tokens[k + 1].norm != "in")
    }

    /// `Cues.professions`, for one search of them all.
    static let professions = LoweredText.Needles(Cues.professions)

    /// The words of the author speaking of themselves, as `attributionOf` looks for them.
    static let personalWords = LoweredText.Words(["i", "my", "me", "i’ve", "i've", "i’m", "i'm"], joinedBy: ["’", "'"])

    /// Who the sentence says is speaking: a named doctor, a profession, or the author's own experience.
    func attributionOf(_ text: String) -> String? {
        if let r = text.rangeOfText("Dr. ") ?? text.rangeOfText("Dr ") {
            let rest = text[r.upperBound...].split(separator: " ").prefix(3)
            let name = rest.prefix { $0.first?.isUppercase == true }.map { $0.trimmingCharacters(in: ",.:;\"“”") }
            if !name.isEmpty { return "Dr. " + name.joined(separator: " ") }
        }
        let lower = LoweredText(text)
        // "Rotate your trainers": shoes, nobody speaking.
        if let k = lower.firstContained(Self.professions), !(Cues.professions[k] == "trainer" && Self.namesShoes(text)) { return Cues.professions[k] }
        if lower.containsWord(Self.personalWords) { return "author (personal experience)" }
        return nil
    }
}

/// URL- and file-safe slugs from names.
enum Slug {
    static func make(_ text: String) -> String {
        AliasKey.make(text).split(separator: " ").joined(separator: "-").filter { $0.isASCII }
    }
}
