/// A query that asks for one kind of claim about a condition it names: "symptoms of
/// runner's knee", "exercises for IT band syndrome", "what causes jumper's knee". Such a
/// query is answered from the graph — the condition, then what its claims of that
/// relation point to, most sources first — rather than by matching "symptoms" or
/// "exercises" in the text.
struct RelationIntent: Sendable, Equatable {
    /// The condition the query names.
    var entity: String
    var entityRow: Int64
    /// The relations asked for, the first one foremost.
    var relations: [Relation]
    /// Subtypes listed first ("exercises" → exercise); empty when any will do.
    var subtypes: [String]
    /// The cue word as typed ("exercises"), for the note that says how the query was read.
    var cue: String

    /// What a cue word asks for.
    private struct Cue {
        var relations: [Relation]
        var subtypes: [String] = []
    }

    private static let cues: [String: Cue] = {
        var table: [String: Cue] = [:]
        for w in ["symptom", "symptoms", "sign", "signs"] { table[w] = Cue(relations: [.symptom]) }
        for w in ["cause", "causes", "caused", "causing"] { table[w] = Cue(relations: [.cause, .riskFactor]) }
        table["risk"] = Cue(relations: [.riskFactor, .cause])
        for w in ["treatment", "treatments", "treat", "treating", "fix", "fixes", "cure", "cures", "remedy", "remedies",
                  "therapy", "therapies", "rehab", "rehabilitation"] { table[w] = Cue(relations: [.treatment]) }
        for w in ["exercise", "exercises", "workout", "workouts"] { table[w] = Cue(relations: [.treatment], subtypes: ["exercise"]) }
        for w in ["stretch", "stretches"] { table[w] = Cue(relations: [.treatment], subtypes: ["stretch"]) }
        for w in ["avoid", "avoided"] { table[w] = Cue(relations: [.notRecommended]) }
        for w in ["complication", "complications"] { table[w] = Cue(relations: [.complication]) }
        return table
    }()

    /// The cue words by stem (the first word in alphabetical order for a shared stem), for
    /// cue words that were corrected or inflected otherwise.
    private static let cueStems: [String: (word: String, meaning: Cue)] = {
        let tokenizer = Tokenizer(stemmer: Stemmer())
        var byStem: [String: (word: String, meaning: Cue)] = [:]
        for (word, meaning) in cues.sorted(by: { $0.key < $1.key }) {
            if let stem = tokenizer.tokens(word).first?.stem, byStem[stem] == nil { byStem[stem] = (word, meaning) }
        }
        return byStem
    }()

    /// The relations each cue word's stem asks for, the first one foremost, in stem order:
    /// written into the site's search index so that the browser reads questions with the
    /// same cue words as the terminal.
    static var sectionsByStem: [(stem: String, relations: [Relation])] {
        cueStems.map { ($0.key, $0.value.meaning.relations) }.sorted { $0.stem < $1.stem }
    }

    /// Whether `word` (case folded) asks for a relation ("symptoms", "treat", "avoid").
    static func isCue(_ word: String) -> Bool { cues[word] != nil }

    /// Words that may stand beside the cue and the condition without changing the question.
    private static let fillers: Set<String> = [
        "best", "good", "top", "common", "main", "usual", "typical", "factor", "factors", "what", "which", "why", "how",
        "is", "are", "the", "of", "for", "to", "a", "an", "my", "your", "with", "from", "do", "does", "can", "should",
        "i", "you", "and", "that", "most", "help", "helps", "list", "early",
    ]

    /// The intent of `analyzed`: one cue word, one condition named by an alias, and
    /// nothing else but fillers and stopwords. Nil for any other query. Cue words are
    /// compared by stem as well, so a misspelt one that was corrected counts too.
    static func find(_ analyzed: AnalyzedQuery) -> RelationIntent? {
        // A cue word no source uses ("treat") was left out of the groups; other left-out words make no question.
        var cue: (word: String, meaning: Cue)? = nil
        for word in analyzed.leftOut {
            if cue == nil, let meaning = cues[word] { cue = (word, meaning) } else if !fillers.contains(word) { return nil }
        }
        guard analyzed.excluded.isEmpty, analyzed.groups.count >= (cue == nil ? 2 : 1) else { return nil }
        let conditions = analyzed.recognized.filter { $0.kind == .condition }
        guard conditions.count == 1, let condition = conditions.first else { return nil }
        var named = false
        for group in analyzed.groups {
            let label = group.label.lowercased()
            let stem = group.alternatives.count == 1 && group.alternatives[0].form == .term ? group.alternatives[0].stems.first : nil
            if cue == nil, let found = cues[label].map({ (label, $0) }) ?? stem.flatMap({ cueStems[$0] }) {
                cue = found
            } else if group.alternatives.contains(where: { $0.entityRow == condition.rowid }) {
                named = true
            } else if !(group.stopword || fillers.contains(label)) {
                return nil
            }
        }
        guard let cue, named else { return nil }
        return RelationIntent(entity: condition.id, entityRow: condition.rowid, relations: cue.meaning.relations,
                              subtypes: cue.meaning.subtypes, cue: cue.word)
    }
}
