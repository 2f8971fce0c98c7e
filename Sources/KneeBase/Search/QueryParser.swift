/// Reads the query language:
///
/// | written | means |
/// |---|---|
/// | `knee pain` | both words (words are ANDed) |
/// | `"pain below the kneecap"` | the exact phrase |
/// | `foam OR roller` | either (`OR` in capitals; binds tighter than the implicit AND) |
/// | `-surgery`, `-"knee brace"`, `NOT surgery` | exclude |
/// | `strength*` | any word starting with `strength` |
/// | `kind:condition`, `kind:symptom,cause`, `-kind:source` | keep (or drop) results of these kinds |
///
/// Malformed queries throw a `QueryError` naming the problem and its position.
public enum QueryParser {
    /// The most clauses a query may have.
    public static let maxClauses = 32

    /// Parses `text`; throws `QueryError` for an unclosed quote, a dangling `OR`, a lone
    /// `-`, an unknown kind, a misplaced `*`, or a query with nothing to search for.
    public static func parse(_ text: String) throws(QueryError) -> Query {
        var lexer = QueryLexer(text)
        let items = try lexer.items()
        var query = Query()
        var pendingOr: Int? = nil
        var pendingNot: Int? = nil
        var pendingAnd: Int? = nil
        enum Last { case none, term, kind, excluded }
        var last = Last.none
        for item in items {
            switch item {
            case .and(let at):
                if last != .term || pendingOr != nil || pendingNot != nil || pendingAnd != nil { throw QueryError("AND needs a word or phrase before it", at: at) }
                pendingAnd = at
            case .not(let at):
                if pendingNot != nil { throw QueryError("NOT must be followed by a word or phrase to exclude", at: at) }
                if pendingOr != nil { throw QueryError("OR cannot be followed by NOT; an excluded word cannot be an alternative", at: at) }
                pendingNot = at
            case .or(let at):
                if pendingOr != nil { throw QueryError("two ORs in a row; put a word or phrase between them", at: at) }
                if pendingAnd != nil { throw QueryError("AND cannot be followed by OR; put a word or phrase between them", at: at) }
                if let not = pendingNot { throw QueryError("NOT must be followed by a word or phrase to exclude", at: not) }
                switch last {
                case .none: throw QueryError("OR needs a word or phrase before it", at: at)
                case .kind: throw QueryError("OR cannot join a kind: filter; list kinds with commas, as in kind:condition,symptom", at: at)
                case .excluded: throw QueryError("OR cannot join an excluded word; write the alternatives first and exclude separately", at: at)
                case .term: pendingOr = at
                }
            case .kind(let kinds, let negated):
                pendingAnd = nil
                if let or = pendingOr { throw QueryError("OR cannot join a kind: filter; list kinds with commas, as in kind:condition,symptom", at: or) }
                if negated || pendingNot != nil { query.excludedKinds.formUnion(kinds) } else { query.kinds.formUnion(kinds) }
                pendingNot = nil
                last = .kind
            case .term(let term, let negated):
                let exclude = negated || pendingNot != nil
                pendingAnd = nil
                pendingNot = nil
                if pendingOr != nil {
                    if exclude { throw QueryError("an excluded word cannot be an alternative of OR", at: max(term.offset - 1, 0)) }
                    query.clauses[query.clauses.count - 1].alternatives.append(term)
                    pendingOr = nil
                } else {
                    query.clauses.append(Clause([term], excluded: exclude))
                }
                last = exclude ? .excluded : .term
            }
        }
        if let or = pendingOr { throw QueryError("OR needs a word or phrase after it", at: or) }
        if let not = pendingNot { throw QueryError("NOT must be followed by a word or phrase to exclude", at: not) }
        if let and = pendingAnd { throw QueryError("AND needs a word or phrase after it", at: and) }
        return try validated(query, text)
    }

    private static func validated(_ parsed: Query, _ text: String) throws(QueryError) -> Query {
        var query = parsed
        // Terms of punctuation alone ("&", "?") say nothing; drop them.
        query.clauses = query.clauses.compactMap { clause in
            var c = clause
            c.alternatives = c.alternatives.filter { $0.text.unicodeScalars.contains { QueryLexer.isWordScalar($0) } }
            return c.alternatives.isEmpty ? nil : c
        }
        if query.clauses.count > maxClauses {
            throw QueryError("the query has more than \(maxClauses) terms; shorten it", at: query.clauses[maxClauses].alternatives[0].offset)
        }
        if query.clauses.isEmpty && query.kinds.isEmpty && query.excludedKinds.isEmpty {
            let blank = text.allSatisfy { $0.isWhitespace }
            throw QueryError(blank ? "the query is empty; give a word to search for" : "the query has no words to search for", at: 0)
        }
        if !query.clauses.isEmpty && query.clauses.allSatisfy(\.excluded) && query.kinds.isEmpty {
            throw QueryError("the query only excludes words; add a word to search for, as in 'knee -surgery'",
                             at: max(query.clauses[0].alternatives[0].offset - 1, 0))
        }
        return query
    }
}

/// Splits a query into items: terms, operators and kind filters.
struct QueryLexer {
    enum Item {
        case term(Term, negated: Bool)
        case or(Int), and(Int), not(Int)
        case kind(Set<ResultKind>, negated: Bool)
    }

    private let bytes: [UInt8]
    private var i = 0

    init(_ text: String) { bytes = Array(text.utf8) }

    mutating func items() throws(QueryError) -> [Item] {
        var out: [Item] = []
        while true {
            skipSpace()
            guard i < bytes.count else { return out }
            let start = i
            var negated = false
            if bytes[i] == UInt8(ascii: "-") {
                if i + 1 >= bytes.count || Self.isSpace(bytes[i + 1]) {
                    throw QueryError("'-' must be directly followed by the word or phrase to exclude, as in -surgery", at: i)
                }
                negated = true
                i += 1
            }
            if let q = quoteWidth(at: i) {
                out.append(.term(try phrase(openingWidth: q, start: start), negated: negated))
                continue
            }
            let wordStart = i
            while i < bytes.count, !Self.isSpace(bytes[i]), quoteWidth(at: i) == nil { i += 1 }
            let raw = String(decoding: bytes[wordStart..<i], as: UTF8.self)
            if !negated, raw == "OR" { out.append(.or(start)); continue }
            if !negated, raw == "AND" { out.append(.and(start)); continue }
            if !negated, raw == "NOT" { out.append(.not(start)); continue }
            if raw.lowercased().hasPrefix("kind:") {
                out.append(.kind(try kinds(String(raw.dropFirst(5)), at: wordStart), negated: negated))
                continue
            }
            out.append(.term(try word(raw, at: wordStart), negated: negated))
        }
    }

    private mutating func phrase(openingWidth: Int, start: Int) throws(QueryError) -> Term {
        let open = i
        i += openingWidth
        let textStart = i
        while i < bytes.count, quoteWidth(at: i) == nil { i += 1 }
        guard i < bytes.count else { throw QueryError("unclosed quote; add the closing \"", at: open) }
        let text = String(decoding: bytes[textStart..<i], as: UTF8.self)
        i += quoteWidth(at: i)!
        if i < bytes.count, bytes[i] == UInt8(ascii: "*") { throw QueryError("'*' cannot follow a phrase; use it at the end of a word, as in squat*", at: i) }
        guard text.unicodeScalars.contains(where: Self.isWordScalar) else { throw QueryError("empty phrase; put words between the quotes", at: open) }
        return Term(.phrase, text, offset: textStart)
    }

    private func word(_ raw: String, at offset: Int) throws(QueryError) -> Term {
        guard let star = raw.utf8.firstIndex(of: UInt8(ascii: "*")) else { return Term(.word, raw, offset: offset) }
        let starOffset = offset + raw.utf8.distance(from: raw.utf8.startIndex, to: star)
        let stem = raw.prefix { $0 != "*" }
        let rest = raw[raw.index(raw.startIndex, offsetBy: stem.count)...]
        guard rest.allSatisfy({ $0 == "*" }) else {
            throw QueryError("'*' is only allowed at the end of a word, as in squat*", at: starOffset)
        }
        let letters = stem.unicodeScalars.filter(Self.isWordScalar).count
        if letters == 0 { throw QueryError("'*' needs the start of a word before it, as in squat*", at: starOffset) }
        if letters < 2 { throw QueryError("the prefix '\(stem)*' is too short; give at least 2 letters", at: offset) }
        return Term(.prefix, String(stem), offset: offset)
    }

    private func kinds(_ value: String, at offset: Int) throws(QueryError) -> Set<ResultKind> {
        let names = value.split(whereSeparator: { $0 == "," || $0 == "|" }).map { $0.lowercased() }
        if names.isEmpty { throw QueryError("kind: needs a value: \(ResultKind.list)", at: offset) }
        var out = Set<ResultKind>()
        for name in names {
            let singular = name == "anatomy" ? name : name.hasSuffix("s") ? String(name.dropLast()) : name
            guard let kind = ResultKind(rawValue: name) ?? ResultKind(rawValue: singular) else {
                throw QueryError("unknown kind '\(name)'; use \(ResultKind.list)", at: offset + 5)
            }
            out.insert(kind)
        }
        return out
    }

    private mutating func skipSpace() {
        while i < bytes.count, Self.isSpace(bytes[i]) { i += 1 }
    }

    /// Width of a double quote at `k` (`"`, `“` or `”`), nil otherwise.
    private func quoteWidth(at k: Int) -> Int? {
        if bytes[k] == UInt8(ascii: "\"") { return 1 }
        if bytes[k] == 0xE2, k + 2 < bytes.count, bytes[k + 1] == 0x80, bytes[k + 2] == 0x9C || bytes[k + 2] == 0x9D { return 3 }
        return nil
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    static func isWordScalar(_ s: Unicode.Scalar) -> Bool { s.properties.isAlphabetic || ("0"..."9").contains(s) }
}
