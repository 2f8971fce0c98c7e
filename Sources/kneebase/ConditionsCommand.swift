import ArgumentParser
import Foundation
import KneeBase

struct ConditionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conditions",
        abstract: "Rank conditions by the symptoms the sources give for them (a reference, not a diagnosis).",
        discussion: """
        Each --symptom is matched against the symptom entities by name, alias, stem and \
        with typos corrected; broader and narrower symptoms count for less. A condition \
        scores its best match for each symptom, weighted by how many independent sources \
        (different publishers; copied sentences count once) state it; hedged-only claims \
        weigh less and denied ones not at all.

        This lists what the articles say. It is not a diagnosis: see a clinician for \
        knee pain that is severe, follows an injury, or does not settle.

        Examples:
          kneebase conditions --symptom "pain when squatting"
          kneebase conditions --symptom "pain below the kneecap" --symptom swelling
          kneebase conditions --symptom "grinding" --json | jq '.conditions[0]'
        """
    )

    @Option(name: .customLong("symptom"), help: "A symptom in your own words (repeatable).")
    var symptoms: [String] = []

    @Option(help: "The most conditions to list.")
    var limit: Int = 10

    @Flag(help: "Print {\"conditions\": [{\"id\", \"name\", \"score\", \"matched\": […]}]}.")
    var json = false

    @OptionGroup var kb: KnowledgeBaseOptions

    static let disclaimer = "This is a reference to what the sources say, not a diagnosis. See a clinician for knee pain that is severe, follows an injury, or does not settle."

    func validate() throws {
        if symptoms.isEmpty { throw ValidationError("give at least one --symptom, as in: kneebase conditions --symptom \"pain when squatting\"") }
        if symptoms.contains(where: { $0.allSatisfy(\.isWhitespace) }) {
            throw ValidationError("a --symptom is empty: describe what you feel, as in: --symptom \"pain when squatting\"")
        }
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let ranking: ConditionRanking
        do {
            let engine = try SearchEngine(reader: try kb.open())
            ranking = try SymptomRanker(engine: engine).rank(symptoms, limit: limit)
        } catch let failure as SearchFailure {
            Terminal.printError("error: \(failure.description)")
            throw ExitCode(1)
        } catch let error as QueryError {
            Terminal.printError("error: " + error.message)
            throw ExitCode(2)
        }
        if json {
            print(ranking.json())
            if Terminal.stderrIsTTY { Terminal.printError(Terminal.paint(Self.disclaimer, "2", stderr: true)) }
            return
        }
        print(render(ranking))
    }

    private func render(_ ranking: ConditionRanking) -> String {
        let width = Terminal.outputWidth
        var out = [StyledText(Self.disclaimer, "1").wrapped(width: width), ""]
        for reading in ranking.readings {
            var line = StyledText("“\(reading.text)”")
            if let corrected = reading.corrected { line.append(" (read as “\(corrected)”)", "2") }
            if reading.symptoms.isEmpty {
                line.append(" → no symptom in the knowledge base matches", "33")
            } else {
                line.append(" → ", "2")
                line.append(reading.symptoms.map(\.name).joined(separator: ", "))
            }
            out.append(line.wrapped(width: width, rest: 4))
        }
        out.append("")
        if ranking.conditions.isEmpty {
            out.append("No condition in the knowledge base lists these symptoms.")
            return out.joined(separator: "\n")
        }
        // Say so when a symptom was read but only its broader or narrower relatives are listed for any condition.
        for reading in ranking.readings where !reading.symptoms.isEmpty {
            let exact = ranking.conditions.contains { $0.matched.contains { $0.query == reading.text && $0.link == .same } }
            if !exact {
                let names = reading.symptoms.map(\.name).joined(separator: ", ")
                out.append(StyledText("No source gives \(names) as a symptom of any condition; the matches for “\(reading.text)” below are broader or narrower symptoms.", "33").wrapped(width: width))
                out.append("")
            }
        }
        for (i, c) in ranking.conditions.enumerated() {
            var head = StyledText("\(i + 1). ")
            head.append(c.name, "1")
            head.append("  score \(String(format: "%.2f", c.score))  [\(c.id)]", "2")
            out.append(head.wrapped(width: width, rest: 4))
            for m in c.matched {
                var line = StyledText("• ")
                line.append(m.name)
                if m.link != .same { line.append(" (\(m.link.rawValue) than what “\(m.query)” was read as)", "2") }
                line.append(" — for “\(m.query)”, \(m.sources) independent source\(m.sources == 1 ? "" : "s")", "2")
                out.append(line.wrapped(width: width, first: 3, rest: 5))
                for ev in m.evidence.prefix(2) {
                    var quote = StyledText("\(ev.source):\(ev.line)", "36")
                    quote.append(" “\(ev.text)”")
                    let marks = EvidenceMarks.marks(hedged: ev.certainty == .hedged, attribution: ev.attribution)
                    if !marks.isEmpty { quote.append(EvidenceMarks.suffix(marks), "2") }
                    out.append(quote.wrapped(width: width, first: 5, rest: 7))
                }
                if m.evidence.count > 2 { out.append(StyledText("… and \(m.evidence.count - 2) more", "2").wrapped(width: width, first: 5)) }
            }
        }
        out.append("")
        out.append(StyledText("score: for each symptom given, the condition's best match (broader symptoms count 0.25, narrower 0.8), "
                              + "weighted 1 + log2 of its independent sources (0.6 of that when every source hedges it), summed.", "2").wrapped(width: width))
        return out.joined(separator: "\n")
    }
}
