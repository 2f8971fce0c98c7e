/// A query resolved against the index: stems instead of words, typos corrected,
/// aliases expanded to their entity, prefixes expanded to the words they start.
struct AnalyzedQuery: Sendable {
    /// One way a group can match.
    struct Alternative: Sendable, Hashable {
        enum Form: Sendable, Hashable {
            /// One stem.
            case term
            /// Consecutive stems.
            case phrase
            /// All of the stems, anywhere (the words of an alias the user typed).
            case all
            /// An entity marker token (`_e12`): any sentence that mentions the entity by any alias.
            case entity
        }

        var form: Form
        var stems: [String]
        /// For `.entity`: how many content words the entity stands for in the query.
        var weight: Double = 1
        /// For `.entity`: the entity's row in `search_entities` and its id.
        var entityRow: Int64? = nil
        var entity: String? = nil
        /// One of the words a `prefix*` expands to.
        var expanded = false

        static func term(_ stem: String) -> Alternative { Alternative(form: .term, stems: [stem]) }
    }

    /// Alternatives of which one must match.
    struct Group: Sendable, Hashable {
        var alternatives: [Alternative]
        /// How the group reads, for messages.
        var label: String
        /// A lone stopword ("the", "when"), dropped unless nothing else is searched for.
        var stopword = false
    }

    /// An entity named in the query by one of its names or aliases.
    struct Recognized: Sendable, Hashable {
        var rowid: Int64
        var id: String
        var kind: EntityKind
        /// The alias covers every content word of the query.
        var wholeQuery: Bool
    }

    /// A word replaced by its correction: UTF-8 range in the query, and the new word.
    struct Correction: Sendable, Hashable {
        var range: Range<Int>
        var replacement: String
    }

    var groups: [Group] = []
    var excluded: [Group] = []
    var kinds: Set<ResultKind> = []
    var excludedKinds: Set<ResultKind> = []
    var recognized: [Recognized] = []
    var corrections: [Correction] = []
    var notes: [String] = []
    /// Some word can match nothing (an unknown word, a prefix no word starts with): no text results.
    var unmatchable = false
    var frequencies: [String: TermFrequency] = [:]

    /// Whether a result of `kind` may be shown.
    func allows(_ kind: ResultKind) -> Bool {
        (kinds.isEmpty || kinds.contains(kind)) && !excludedKinds.contains(kind)
    }

    /// Stems to mark in snippets.
    var highlightStems: Set<String> {
        var out = Set<String>()
        for g in groups { for a in g.alternatives where a.form == .term || a.form == .all { out.formUnion(a.stems) } }
        return out
    }

    /// Phrases to mark in snippets.
    var highlightPhrases: [[String]] {
        groups.flatMap { $0.alternatives.filter { $0.form == .phrase }.map(\.stems) }
    }

    /// The query text with the corrections applied.
    func corrected(_ text: String) -> String? {
        guard !corrections.isEmpty else { return nil }
        var bytes = Array(text.utf8)
        for c in corrections.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            bytes.replaceSubrange(c.range, with: Array(c.replacement.utf8))
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Writes FTS5 match expressions. Every term is a double-quoted string, so nothing a
/// user types can be read as FTS5 syntax.
enum MatchExpression {
    static func quote(_ s: String) -> String {
        var out = "\""
        for ch in s.unicodeScalars {
            if ch == "\"" { out.unicodeScalars.append(ch) }
            out.unicodeScalars.append(ch)
        }
        return out + "\""
    }

    static func alternative(_ a: AnalyzedQuery.Alternative) -> String {
        switch a.form {
        case .term, .entity, .phrase: quote(a.stems.joined(separator: " "))
        case .all: a.stems.count == 1 ? quote(a.stems[0]) : "(" + a.stems.map(quote).joined(separator: " AND ") + ")"
        }
    }

    static func group(_ g: AnalyzedQuery.Group) -> String {
        g.alternatives.count == 1 ? alternative(g.alternatives[0]) : "(" + g.alternatives.map(alternative).joined(separator: " OR ") + ")"
    }

    /// `groups` all required (or, with `atLeast`, any `atLeast` of them), one of `anyOf`
    /// required when given, none of `excluded` or `noneOf`. Nil when nothing is required.
    static func make(groups: [AnalyzedQuery.Group], atLeast: Int? = nil, anyOf: [String] = [],
                     excluded: [AnalyzedQuery.Group] = [], noneOf: [String] = []) -> String? {
        var required: [String] = []
        if !groups.isEmpty {
            let k = min(atLeast ?? groups.count, groups.count)
            if k == groups.count {
                required.append(groups.map(group).joined(separator: " AND "))
            } else {
                let subsets = combinations(groups.count, k).map { "(" + $0.map { group(groups[$0]) }.joined(separator: " AND ") + ")" }
                required.append("(" + subsets.joined(separator: " OR ") + ")")
            }
        }
        if !anyOf.isEmpty { required.append("(" + anyOf.map(quote).joined(separator: " OR ") + ")") }
        guard !required.isEmpty else { return nil }
        var out = "(" + required.joined(separator: " AND ") + ")"
        let not = excluded.map(group) + noneOf.map(quote)
        if !not.isEmpty { out += " NOT (" + not.joined(separator: " OR ") + ")" }
        return out
    }

    /// The `k`-element subsets of `0..<n`, in lexicographic order.
    static func combinations(_ n: Int, _ k: Int) -> [[Int]] {
        guard k > 0, k <= n else { return [] }
        var out: [[Int]] = []
        var current: [Int] = []
        func extend(_ start: Int) {
            if current.count == k { out.append(current); return }
            guard start < n else { return }
            for i in start..<n where n - i >= k - current.count {
                current.append(i)
                extend(i + 1)
                current.removeLast()
            }
        }
        extend(0)
        return out
    }

    /// How many subsets of `n` groups of size `k` there are.
    static func binomial(_ n: Int, _ k: Int) -> Int {
        guard k >= 0, k <= n else { return 0 }
        var r = 1
        for i in 0..<min(k, n - k) { r = r * (n - i) / (i + 1) }
        return r
    }
}
