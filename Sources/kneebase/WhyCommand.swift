import ArgumentParser
import Foundation
import KneeBase

struct WhyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "why",
        abstract: "Show every piece of evidence for the claims between two entities.",
        discussion: """
        SUBJECT and OBJECT are ids, names or aliases (misspellings are forgiven). Claims in \
        either direction and in any relation are shown, each sentence with its source:line, \
        whether it asserts or denies the claim, whether it hedges, and who says it. When no \
        claim links the two, sentences that mention both are listed instead.

        Examples:
          kneebase why "runner's knee" "knee pain"
          kneebase why itbs "foam rolling"
          kneebase why patellar-valgus "vmo exercises" --json
        """
    )

    @Argument(help: "The first entity (id, name or alias).")
    var subject: String

    @Argument(help: "The second entity (id, name or alias).")
    var object: String

    @Flag(help: "Print {\"subject\", \"object\", \"claims\": [claims-json objects]}.")
    var json = false

    @OptionGroup var kb: KnowledgeBaseOptions

    func run() throws {
        let reader = try kb.open()
        let engine: SearchEngine
        do {
            engine = try SearchEngine(reader: reader)
        } catch let failure as SearchFailure {
            Terminal.printError("error: \(failure.description)")
            throw ExitCode(1)
        }
        let entities = Dictionary(try reader.entities().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var ids: [String] = []
        for text in [subject, object] {
            guard let id = try engine.entityID(for: text), entities[id] != nil else {
                Terminal.printError(EntitySuggestions.tryInstead(text))
                throw ExitCode(1)
            }
            ids.append(id)
        }
        let (a, b) = (ids[0], ids[1])
        guard a != b else {
            Terminal.printError("error: '\(subject)' and '\(object)' are the same entity (\(a)); `kneebase show \(a)` lists its relations")
            throw ExitCode(1)
        }
        let claims = try reader.claims(involving: a).filter { ($0.subject == a && $0.object == b) || ($0.subject == b && $0.object == a) }
        if json {
            let exporter = GraphExporter(entities: Array(entities.values), claims: claims)
            let encode: (String) -> String = { String(decoding: (try? JSONEncoder().encode($0)) ?? Data("\"\"".utf8), as: UTF8.self) }
            print("{\"subject\":\(encode(a)),\"object\":\(encode(b)),\"claims\":\(String(decoding: exporter.claimsJSON(), as: UTF8.self))}")
            return
        }
        let width = Terminal.outputWidth
        let name: (String) -> String = { entities[$0]?.name ?? $0 }
        var out: [String] = []
        for (text, id) in [(subject, a), (object, b)] where text.lowercased() != id && text.lowercased() != name(id).lowercased() {
            out.append(StyledText("“\(text)” read as \(name(id)) [\(id)]", "2").wrapped(width: width))
        }
        if claims.isEmpty {
            out.append("No claim links \(Terminal.paint(name(a), "1")) and \(Terminal.paint(name(b), "1")) in the knowledge base.")
            let together = try engine.sentences(mentioning: a, and: b, limit: 5)
            if !together.isEmpty {
                out.append("")
                out.append(Terminal.paint("Sentences that mention both", "1;34"))
                for r in together {
                    out.append(StyledText("\(r.source ?? ""):\(r.line ?? 0)", "36").wrapped(width: width, first: 2))
                    out.append((StyledText("“") + StyledText(r.snippet) + StyledText("”")).wrapped(width: width, first: 4, rest: 5))
                }
            }
            print(out.joined(separator: "\n"))
            return
        }
        let evidence = claims.reduce(0) { $0 + $1.evidence.count }
        let count = SourceCount(reader)
        let sources = Set(claims.flatMap { $0.evidence.map(\.source) })
        out.append("\(claims.count) claim\(claims.count == 1 ? "" : "s"), \(evidence) piece\(evidence == 1 ? "" : "s") of evidence from \(count.label(sources.count, sources: sources))")
        for c in claims {
            out.append("")
            var head = StyledText(name(c.subject), "1")
            head.append(" —\(c.relation.rawValue)→ ", "34")
            head.append(name(c.object), "1")
            head.append("  (\(count.label(c.sourceCount, sources: Set(c.evidence.map(\.source)))))", "2")
            out.append(head.wrapped(width: width, rest: 4))
            for ev in c.evidence {
                var line = StyledText("\(ev.source):\(ev.line):\(ev.column)", "36")
                line.append("  ")
                line.append(ev.polarity == .negated ? "denied" : "asserted", ev.polarity == .negated ? "1;31" : "32")
                line.append(" · " + (ev.certainty == .hedged ? "hedged" : "plain") + " · " + (ev.attribution.map(EvidenceMarks.label) ?? "the article"), "2")
                out.append(line.wrapped(width: width, first: 2, rest: 4))
                out.append(StyledText("“\(ev.text)”").wrapped(width: width, first: 4, rest: 5))
                var context = ev.headingPath.isEmpty ? "" : "under " + ev.headingPath.joined(separator: " › ") + " · "
                context += "rule \(ev.rule)"
                out.append(StyledText(context, "2").wrapped(width: width, first: 4, rest: 4))
            }
        }
        print(out.joined(separator: "\n"))
    }
}
