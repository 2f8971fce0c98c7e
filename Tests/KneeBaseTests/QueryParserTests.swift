import Testing
@testable import KneeBase

/// The query language: every construct, and every malformed query with its message.
@Suite("Query parser")
struct QueryParserTests {
    @Test("words are ANDed, in order")
    func words() throws {
        let q = try QueryParser.parse("knee  pain squatting")
        #expect(q.clauses == [Clause([.word("knee")]), Clause([.word("pain")]), Clause([.word("squatting")])])
        #expect(q.kinds.isEmpty)
    }

    @Test("an exact phrase, with straight or curly quotes")
    func phrases() throws {
        #expect(try QueryParser.parse("\"pain below the kneecap\" squat").clauses
                == [Clause([.phrase("pain below the kneecap")]), Clause([.word("squat")])])
        #expect(try QueryParser.parse("“runner’s knee”").clauses == [Clause([.phrase("runner’s knee")])])
    }

    @Test("OR joins alternatives and binds tighter than the implicit AND")
    func or() throws {
        let q = try QueryParser.parse("knee foam OR roller OR \"massage gun\"")
        #expect(q.clauses == [Clause([.word("knee")]), Clause([.word("foam"), .word("roller"), .phrase("massage gun")])])
        // Lower-case "or" is an ordinary word.
        #expect(try QueryParser.parse("ice or heat").clauses.count == 3)
    }

    @Test("-word, -\"phrase\" and NOT exclude")
    func exclusion() throws {
        let q = try QueryParser.parse("knee -surgery -\"knee brace\" NOT ice")
        #expect(q.clauses == [Clause([.word("knee")]), Clause([.word("surgery")], excluded: true),
                              Clause([.phrase("knee brace")], excluded: true), Clause([.word("ice")], excluded: true)])
        // A hyphen inside a word is not an exclusion.
        #expect(try QueryParser.parse("IT-band").clauses == [Clause([.word("IT-band")])])
    }

    @Test("word* is a prefix")
    func prefix() throws {
        #expect(try QueryParser.parse("strength* knee").clauses == [Clause([.prefix("strength")]), Clause([.word("knee")])])
        #expect(try QueryParser.parse("squat**").clauses == [Clause([.prefix("squat")])])
    }

    @Test("kind: filters, lists, plurals and exclusion")
    func kinds() throws {
        #expect(try QueryParser.parse("kind:condition knee").kinds == [.condition])
        #expect(try QueryParser.parse("knee kind:symptom,cause").kinds == [.symptom, .cause])
        #expect(try QueryParser.parse("knee Kind:treatments|source").kinds == [.treatment, .source])
        let q = try QueryParser.parse("knee -kind:source NOT kind:passage")
        #expect(q.excludedKinds == [.source, .passage])
        #expect(q.allows(.condition) && !q.allows(.source))
        // A kind filter alone lists entities of that kind.
        #expect(try QueryParser.parse("kind:anatomy").clauses.isEmpty)
    }

    @Test("AND is accepted and changes nothing")
    func and() throws {
        #expect(try QueryParser.parse("knee AND pain") == QueryParser.parse("knee pain"))
    }

    @Test("term offsets point into the query")
    func offsets() throws {
        let q = try QueryParser.parse("knee \"pain here\" -ice squa*")
        #expect(q.clauses.map { $0.alternatives[0].offset } == [0, 6, 18, 22])
    }

    @Test("punctuation-only terms are dropped")
    func punctuation() throws {
        #expect(try QueryParser.parse("knee & pain ?").clauses.count == 2)
    }

    struct Malformed: Sendable, CustomStringConvertible {
        var query: String
        var message: String
        var offset: Int
        var description: String { query }
    }

    static let malformed: [Malformed] = [
        Malformed(query: "", message: "the query is empty", offset: 0),
        Malformed(query: "   ", message: "the query is empty", offset: 0),
        Malformed(query: "?!", message: "no words to search for", offset: 0),
        Malformed(query: "\"runner's knee", message: "unclosed quote", offset: 0),
        Malformed(query: "knee \"pain", message: "unclosed quote", offset: 5),
        Malformed(query: "\"\"", message: "empty phrase", offset: 0),
        Malformed(query: "\" ... \"", message: "empty phrase", offset: 0),
        Malformed(query: "\"knee pain\"*", message: "'*' cannot follow a phrase", offset: 11),
        Malformed(query: "OR knee", message: "OR needs a word or phrase before it", offset: 0),
        Malformed(query: "knee OR", message: "OR needs a word or phrase after it", offset: 5),
        Malformed(query: "knee OR OR pain", message: "two ORs in a row", offset: 8),
        Malformed(query: "-ice OR heat", message: "OR cannot join an excluded word", offset: 5),
        Malformed(query: "knee OR -ice", message: "an excluded word cannot be an alternative", offset: 8),
        Malformed(query: "kind:condition OR knee", message: "OR cannot join a kind: filter", offset: 15),
        Malformed(query: "knee OR kind:condition", message: "OR cannot join a kind: filter", offset: 5),
        Malformed(query: "knee -", message: "'-' must be directly followed", offset: 5),
        Malformed(query: "- knee", message: "'-' must be directly followed", offset: 0),
        Malformed(query: "-surgery", message: "the query only excludes words", offset: 0),
        Malformed(query: "NOT", message: "NOT must be followed", offset: 0),
        Malformed(query: "knee NOT", message: "NOT must be followed", offset: 5),
        Malformed(query: "AND knee", message: "AND needs a word or phrase before it", offset: 0),
        Malformed(query: "knee AND", message: "AND needs a word or phrase after it", offset: 5),
        Malformed(query: "kind:", message: "kind: needs a value", offset: 0),
        Malformed(query: "knee kind:disease", message: "unknown kind 'disease'", offset: 10),
        Malformed(query: "sq*at", message: "'*' is only allowed at the end of a word", offset: 2),
        Malformed(query: "*", message: "'*' needs the start of a word", offset: 0),
        Malformed(query: "k*", message: "too short", offset: 0),
        Malformed(query: (1...33).map { "w\($0)" }.joined(separator: " "), message: "more than 32 terms", offset: 119),
    ]

    @Test("malformed queries name the problem and its place", arguments: malformed)
    func malformedQueries(_ m: Malformed) {
        #expect {
            try QueryParser.parse(m.query)
        } throws: { error in
            guard let e = error as? QueryError else { return false }
            return e.message.contains(m.message) && e.offset == m.offset
        }
    }

    @Test("the annotated message puts a caret under the problem")
    func annotated() {
        let e = QueryError("unclosed quote; add the closing \"", at: 5)
        #expect(e.annotated("knee \"pain") == "unclosed quote; add the closing \"\n  knee \"pain\n       ^")
    }
}
