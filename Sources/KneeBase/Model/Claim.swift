/// The predicate of a claim, with DESIGN.md's names.
public enum Relation: String, Sendable, Hashable, Codable, CaseIterable {
    case symptom, cause, riskFactor = "risk_factor", treatment, notRecommended = "not_recommended"
    case complication, differential, involves, targets, leadsTo = "leads_to"

    /// A short human label ("symptoms", "advised against", …).
    public var label: String {
        switch self {
        case .symptom: "symptoms"
        case .cause: "causes"
        case .riskFactor: "risk factors"
        case .treatment: "treatments"
        case .notRecommended: "advised against"
        case .complication: "complications"
        case .differential: "differential diagnoses"
        case .involves: "anatomy involved"
        case .targets: "targets"
        case .leadsTo: "leads to"
        }
    }

    /// What the object is to the subject, read from the object's side ("a symptom of",
    /// "worked on by", …), for listing the claims an entity is the object of.
    public var inverseLabel: String {
        switch self {
        case .symptom: "a symptom of"
        case .cause: "a cause of"
        case .riskFactor: "a risk factor for"
        case .treatment: "a treatment for"
        case .notRecommended: "advised against for"
        case .complication: "a complication of"
        case .differential: "often confused with"
        case .involves: "involved in"
        case .targets: "worked on by"
        case .leadsTo: "follows from"
        }
    }
}

/// Whether the sentence asserts or denies the claim.
public enum Polarity: String, Sendable, Hashable, Codable { case asserted, negated }

/// Whether the sentence states the claim plainly or hedges it ("may", "in theory").
public enum Certainty: String, Sendable, Hashable, Codable { case plain, hedged }

/// One sentence that supports a claim, exactly where it stands in its source.
public struct Evidence: Sendable, Hashable, Codable {
    public var source: String
    /// Index of the sentence in its document.
    public var sentence: Int
    /// The sentence exactly as in the source.
    public var text: String
    public var line: Int
    public var column: Int
    public var start: Int
    public var end: Int
    public var headingPath: [String]
    public var polarity: Polarity
    public var certainty: Certainty
    /// Who says it: "Dr. Li Yanyu", "physical therapist", "author (personal experience)".
    public var attribution: String?
    /// The extraction rule that produced it, e.g. `section:treatment`, `cue:cause`.
    public var rule: String

    public init(source: String, sentence: Int, text: String, line: Int, column: Int, start: Int, end: Int, headingPath: [String],
                polarity: Polarity, certainty: Certainty, attribution: String?, rule: String) {
        self.source = source
        self.sentence = sentence
        self.text = text
        self.line = line
        self.column = column
        self.start = start
        self.end = end
        self.headingPath = headingPath
        self.polarity = polarity
        self.certainty = certainty
        self.attribution = attribution
        self.rule = rule
    }
}

/// One (subject, relation, object) statement with all the sentences that make it.
public struct Claim: Sendable, Hashable, Codable {
    public var subject: String
    public var relation: Relation
    public var object: String
    public var evidence: [Evidence]

    public init(subject: String, relation: Relation, object: String, evidence: [Evidence]) {
        self.subject = subject
        self.relation = relation
        self.object = object
        self.evidence = evidence
    }

    /// The number of distinct sources that make this claim.
    public var sourceCount: Int {
        var sources = Set<String>(minimumCapacity: evidence.count)
        for e in evidence { sources.insert(e.source) }
        return sources.count
    }

    /// A stable key, `subject|relation|object`.
    public var key: String { "\(subject)|\(relation.rawValue)|\(object)" }
}
