import ArgumentParser
import KneeBase

/// One `kneebase search`: the query, its options and the knowledge base, however the
/// command line was read — by ArgumentParser (`SearchCommand`) or, for a plain search,
/// by `init?(commandLine:)`.
struct SearchRequest {
    var words: [String]
    var kinds: [ResultKind] = []
    var limit = SearchRequest.defaultLimit
    var json = false
    var kb = KnowledgeBaseOptions.defaultPath
    var content = KnowledgeBaseOptions.defaultContent

    /// Results shown when `--limit` is not given.
    static let defaultLimit = 10

    /// The search engine over the knowledge base (rebuilt first when it is the default one and stale).
    func engine() throws -> SearchEngine {
        do {
            return try SearchEngine(reader: try KnowledgeBaseOptions.open(kb: kb, content: content))
        } catch let failure as SearchFailure {
            Terminal.printError("error: \(failure.description)")
            throw ExitCode(1)
        }
    }

    /// Searches with `engine` and prints the results; a malformed query exits with status 2.
    func run(with engine: SearchEngine) throws {
        let text = words.joined(separator: " ")
        let response: SearchResponse
        do {
            response = try engine.search(text, options: SearchOptions(kinds: Set(kinds), limit: limit))
        } catch let error as QueryError {
            Terminal.printError("error: " + error.annotated(text))
            throw ExitCode(2)
        } catch let failure as SearchFailure {
            Terminal.printError("error: \(failure.description)")
            throw ExitCode(1)
        }
        if json {
            print(response.json())
        } else {
            print(SearchPrinter(width: Terminal.outputWidth).render(response))
        }
    }
}

extension SearchRequest {
    /// The request of a plain search command line — `search`, then query words and the
    /// options `--kb`, `--content`, `--limit`, `--kind` (each with its value as the next
    /// argument) and `--json` in any order — read without ArgumentParser. Parsing with it
    /// reflects over every command's property wrappers and looks up protocol conformances
    /// at run time, which costs several times the search itself (`Scripts/bench-search`).
    ///
    /// nil for anything else, which ArgumentParser then reads and reports exactly as
    /// before: help, `--`, `--option=value`, a word starting with '-', a repeated
    /// single-value option, a missing value, or one ArgumentParser or
    /// `SearchCommand.validate()` would reject (an empty or blank query, `--limit 0`, `--kind x`).
    init?(commandLine arguments: [String]) {
        guard arguments.first == "search" else { return nil }
        var request = SearchRequest(words: [])
        var seen = Set<String>()
        var rest = arguments.dropFirst()
        while let argument = rest.popFirst() {
            guard argument.hasPrefix("-") else {
                // "help" is left to ArgumentParser, which may read it as a request for help.
                if argument == "help" { return nil }
                request.words.append(argument)
                continue
            }
            if argument == "--json" {
                guard seen.insert(argument).inserted else { return nil }
                request.json = true
                continue
            }
            guard let value = rest.popFirst(), !value.hasPrefix("-") else { return nil }
            switch argument {
            case "--kind":
                guard let filter = KindFilter(argument: value) else { return nil }
                request.kinds += filter.kinds
                continue
            case "--kb", "--content", "--limit":
                guard seen.insert(argument).inserted else { return nil }
            default:
                return nil
            }
            switch argument {
            case "--kb": request.kb = value
            case "--content": request.content = value
            default:
                guard let limit = Int(value), limit >= 1 else { return nil }
                request.limit = limit
            }
        }
        // A blank query is left to ArgumentParser too, which explains how to give one.
        guard request.words.contains(where: { $0.contains { !$0.isWhitespace } }) else { return nil }
        self = request
    }
}
