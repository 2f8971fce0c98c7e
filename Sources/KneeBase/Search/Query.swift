/// What a search result is: an entity of one of the five kinds, a source (an article),
/// or a passage (one sentence of a source).
public enum ResultKind: String, Sendable, Hashable, Codable, CaseIterable {
    case condition, symptom, cause, treatment, anatomy, source, passage

    /// The result kind of entities of `kind`.
    public init(_ kind: EntityKind) {
        self = ResultKind(rawValue: kind.rawValue)!
    }

    /// The entity kind, for entity results.
    public var entityKind: EntityKind? { EntityKind(rawValue: rawValue) }

    /// The names accepted after `kind:`, as a sentence fragment for messages.
    static var list: String {
        allCases.map(\.rawValue).dropLast().joined(separator: ", ") + " or " + allCases.last!.rawValue
    }
}

/// A parsed search query: clauses that must all match, with kind filters.
///
/// `squat "kneecap pain" foam OR roller -surgery kind:condition` has four clauses —
/// `squat`, the phrase, `foam OR roller`, and the excluded `surgery` — and keeps
/// condition entities only.
public struct Query: Sendable, Hashable {
    /// The clauses, in the order written; all non-excluded ones must match.
    public var clauses: [Clause]
    /// Result kinds to keep (`kind:`); empty keeps every kind.
    public var kinds: Set<ResultKind>
    /// Result kinds to drop (`-kind:`).
    public var excludedKinds: Set<ResultKind>

    public init(clauses: [Clause] = [], kinds: Set<ResultKind> = [], excludedKinds: Set<ResultKind> = []) {
        self.clauses = clauses
        self.kinds = kinds
        self.excludedKinds = excludedKinds
    }

    /// Whether a result of `kind` may be shown.
    public func allows(_ kind: ResultKind) -> Bool {
        (kinds.isEmpty || kinds.contains(kind)) && !excludedKinds.contains(kind)
    }
}

/// One clause: alternatives joined by `OR`, possibly excluded with `-`.
public struct Clause: Sendable, Hashable {
    public var alternatives: [Term]
    public var excluded: Bool

    public init(_ alternatives: [Term], excluded: Bool = false) {
        self.alternatives = alternatives
        self.excluded = excluded
    }
}

/// A word, a `prefix*` or an `"exact phrase"`, with where it was written in the query.
public struct Term: Sendable, Hashable {
    public enum Form: Sendable, Hashable { case word, prefix, phrase }

    public var form: Form
    /// The text as written, without quotes or the trailing `*`.
    public var text: String
    /// UTF-8 offset of `text` in the query.
    public var offset: Int

    public init(_ form: Form, _ text: String, offset: Int = 0) {
        self.form = form
        self.text = text
        self.offset = offset
    }

    /// Terms are equal when they read the same, wherever they stand in the query.
    public static func == (a: Term, b: Term) -> Bool { a.form == b.form && a.text == b.text }
    public func hash(into hasher: inout Hasher) { hasher.combine(form); hasher.combine(text) }

    public static func word(_ text: String) -> Term { Term(.word, text) }
    public static func prefix(_ text: String) -> Term { Term(.prefix, text) }
    public static func phrase(_ text: String) -> Term { Term(.phrase, text) }
}
