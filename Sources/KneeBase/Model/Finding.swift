/// An audit finding: something an editor should know about the claims or sources,
/// with the evidence behind it.
public struct Finding: Sendable, Hashable, Codable {
    /// What the finding is about; the `id` of a finding starts with its kind.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case support, contradiction, quality, lexicon
    }

    /// Stable identifier, e.g. `contradiction:patellofemoral-pain-syndrome|treatment|mini-squat`.
    public var id: String
    public var kind: Kind
    /// A finer code, e.g. `single-source`, `hedged-only`, `asserted-and-denied`, `machine-rewritten`.
    public var code: String
    public var severity: Diagnostic.Severity
    public var message: String
    /// Keys (`subject|relation|object`) of the claims concerned.
    public var claims: [String]
    /// Paths of the sources concerned.
    public var sources: [String]
    public var evidence: [FindingEvidence]
    /// For support findings: the number of independent sources behind the claim.
    public var support: Int?
    /// For source quality scores: 0 (worst) to 100 (best).
    public var score: Int?

    public init(id: String, kind: Kind, code: String, severity: Diagnostic.Severity, message: String,
                claims: [String] = [], sources: [String] = [], evidence: [FindingEvidence] = [],
                support: Int? = nil, score: Int? = nil) {
        self.id = id
        self.kind = kind
        self.code = code
        self.severity = severity
        self.message = message
        self.claims = claims
        self.sources = sources
        self.evidence = evidence
        self.support = support
        self.score = score
    }
}

/// A quoted sentence behind a finding.
public struct FindingEvidence: Sendable, Hashable, Codable {
    public var source: String
    public var line: Int
    public var text: String
    /// What this quote shows, e.g. "recommends", "advises against", "repeats line 54".
    public var note: String?
    /// The key of the claim this sentence makes, when it makes one of the finding's claims.
    public var claim: String?

    public init(source: String, line: Int, text: String, note: String? = nil, claim: String? = nil) {
        self.source = source
        self.line = line
        self.text = text
        self.note = note
        self.claim = claim
    }
}
