import ArgumentParser
import Foundation
import KneeBase

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search entities, sources and passages; every passage shows its source:line.",
        discussion: """
        Words are ANDed and matched by stem ("squats" finds "squatting"). Names and aliases \
        count as their entity ("runner's knee" also finds "patellofemoral pain syndrome", \
        "VMO" finds "vastus medialis"), and misspelt words are corrected ("showing \
        results for …").

          "exact phrase"     the words in this order
          foam OR roller     either word (OR in capitals)
          -surgery           without this word (also -"a phrase"); NOT surgery
          strength*          any word starting with "strength"
          kind:condition     only these kinds: condition, symptom, cause, treatment,
                             anatomy, source, passage (kind:symptom,cause;
                             -kind:source)

        Entities come first (kind, name, best-supported relations), then sources, then \
        passages with the matched words highlighted. A question about one condition \
        ("symptoms of runner's knee", "exercises for ITBS", "what causes jumper's knee") \
        lists the condition, then what its claims of that kind name, most sources first. \
        Shell completions:
        kneebase --generate-completion-script bash

        Examples:
          kneebase search "runner's knee"
          kneebase search pain below kneecap squat
          kneebase search "best exercises for runner's knee"
          kneebase search '"foam rolling" OR foam-roller -surgery' --limit 5
          kneebase search kind:treatment vmo
          kneebase search itbs --kind passage --json | jq '.results[].snippet'
          kneebase search -surgery kind:treatment knee
        """
    )

    /// Every argument that is not one of the options below, so that `-surgery` is a query word.
    @Argument(parsing: .allUnrecognized, help: "The query; several words are joined with spaces.")
    var words: [String] = []

    @Option(help: "Keep only results of this kind (repeatable, or joined by commas): condition, symptom, cause, treatment, anatomy, source, passage.")
    var kind: [KindFilter] = []

    @Option(parsing: .unconditional, help: "The most results to show (entities, sources and passages share them).")
    var limit: Int = SearchRequest.defaultLimit

    @Flag(help: "Print {\"query\", \"corrected\", \"results\": [{\"kind\", \"id\", \"title\", \"snippet\", \"source\", \"line\", \"score\"}]}.")
    var json = false

    @Option(help: .hidden)
    var benchQueries: String?

    @Option(help: .hidden)
    var benchRounds: Int = 5

    @OptionGroup var kb: KnowledgeBaseOptions

    func validate() throws {
        let query = queryWords.joined(separator: " ").trimmingCharacters(in: .whitespaces)
        if query.isEmpty && benchQueries == nil { throw ValidationError("give a query, as in: kneebase search \"runner's knee\"") }
        // Unknown options land among the words: a misspelt one should not become a query.
        if let option = words.prefix(while: { $0 != "--" }).first(where: { $0.hasPrefix("--") }) {
            throw ValidationError("unknown option '\(option)' (see kneebase search --help)")
        }
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    /// The query: `words` without the `--` that ends the options, if any.
    private var queryWords: [String] {
        guard let end = words.firstIndex(of: "--") else { return words }
        var rest = words
        rest.remove(at: end)
        return rest
    }

    func run() throws {
        let request = SearchRequest(words: queryWords, kinds: kind.flatMap(\.kinds), limit: limit, json: json, kb: kb.kb, content: kb.content)
        if let file = benchQueries {
            try SearchBenchmark(engine: try request.engine(), file: file, rounds: benchRounds, json: json).run()
            return
        }
        try request.run(with: request.engine())
    }
}


/// The terminal rendering of a search response.
struct SearchPrinter {
    let width: Int?

    func render(_ response: SearchResponse) -> String {
        var out: [String] = []
        if let corrected = response.corrected {
            var line = StyledText("Showing results for ", "2")
            line.append(corrected, "1;3")
            out.append(line.wrapped(width: width, rest: 4))
        }
        for note in response.notes { out.append(StyledText("note: " + note, "2").wrapped(width: width, rest: 6)) }
        if response.results.isEmpty {
            let filtersOnly = response.query.split(separator: " ").allSatisfy { $0.hasPrefix("kind:") || $0.hasPrefix("-kind:") }
            out.append(filtersOnly ? "A kind filter narrows a search: give words with it, as in: \(response.query) squat"
                : "No results for \(response.corrected ?? response.query). Try fewer words, OR, or a prefix such as squat*.")
            return out.joined(separator: "\n")
        }
        var section: String? = nil
        for r in response.results {
            let heading = r.kind == .source ? "Sources" : r.kind == .passage ? "Passages" : "Entities"
            if heading != section {
                if !out.isEmpty { out.append("") }
                out.append(Terminal.paint(heading, "1;34"))
                section = heading
            }
            switch r.kind {
            case .passage: out += passage(r)
            case .source: out += source(r)
            default: out += entity(r)
            }
        }
        return out.joined(separator: "\n")
    }

    private func entity(_ r: SearchResult) -> [String] {
        var head = StyledText(r.title, "1")
        let kind = EntityKind(rawValue: r.kind.rawValue)?.label(subtype: r.subtype) ?? r.kind.rawValue
        head.append("  " + kind + (r.discovered ? " · discovered" : ""), "2")
        head.append("  [\(r.id)]", "2")
        var out = [head.wrapped(width: width, first: 2, rest: 4)]
        if r.snippet.hasHighlights || !r.snippet.plain.isEmpty { out.append(StyledText(r.snippet).wrapped(width: width, first: 4, rest: 4)) }
        if !r.relations.isEmpty {
            // One label per relation: "treatments: a (2 sources), b (1 source)".
            var labels: [String] = []
            var byLabel: [String: [RelationSummary]] = [:]
            for rel in r.relations {
                let label = Self.label(rel)
                if byLabel[label] == nil { labels.append(label) }
                byLabel[label, default: []].append(rel)
            }
            var line = StyledText()
            for (i, label) in labels.enumerated() {
                if i > 0 { line.append(" · ", "2") }
                line.append(label + ": ", "2")
                for (k, rel) in byLabel[label]!.enumerated() {
                    if k > 0 { line.append(", ") }
                    line.append(rel.otherName)
                    line.append(" (\(rel.sources) source\(rel.sources == 1 ? "" : "s"))", "2")
                }
            }
            out.append(line.wrapped(width: width, first: 4, rest: 6))
        }
        return out
    }

    private func source(_ r: SearchResult) -> [String] {
        [StyledText(r.snippet).wrapped(width: width, first: 2, rest: 4), StyledText(r.id, "2").wrapped(width: width, first: 4, rest: 4)]
    }

    private func passage(_ r: SearchResult) -> [String] {
        var head = StyledText("\(r.source ?? ""):\(r.line ?? 0)", "36")
        // The nearest heading is enough here; --json has the whole path.
        let heading = r.title.components(separatedBy: " › ").last ?? r.title
        head.append("  " + (heading.count > 70 ? String(heading.prefix(69)) + "…" : heading), "2")
        var quote = StyledText("“") + StyledText(r.snippet) + StyledText("”")
        if r.duplicates > 0 { quote.append(" (the same sentence in \(r.duplicates) more source\(r.duplicates == 1 ? "" : "s"))", "2") }
        return [head.wrapped(width: width, first: 2, rest: 4), quote.wrapped(width: width, first: 4, rest: 5)]
    }

    /// "symptoms" for a relation the entity states, "symptom of" for one that names it.
    static func label(_ r: RelationSummary) -> String {
        // "causes: weak hips" reads as a verb; the list is what causes the entity.
        if r.outgoing { return r.relation == .cause ? "caused by" : r.relation.label }
        switch r.relation {
        case .symptom: return "symptom of"
        case .cause: return "cause of"
        case .riskFactor: return "risk factor for"
        case .treatment: return "treats"
        case .notRecommended: return "advised against for"
        case .complication: return "complication of"
        case .differential: return "differential of"
        case .involves: return "involved in"
        case .targets: return "worked by"
        case .leadsTo: return "follows from"
        }
    }
}
