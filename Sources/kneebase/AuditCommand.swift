import ArgumentParser
import Foundation
import KneeBase

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Report the audit: claim support, contradictions between sources, source quality and lexicon findings.",
        discussion: """
        Findings are grouped by severity and kind, each with the sentences behind it as \
        source:line quotes. Notes are listed briefly unless --all is given. Exit status:
        0, or 1 when --fail-on is given and a finding at or above that severity exists, or \
        when --source matches no source.

        Examples:
          kneebase audit
          kneebase audit --kind contradiction --all
          kneebase audit --claim "runner's knee" "mini squats"
          kneebase audit --json | jq '.findings[] | select(.severity == "error") | .id'
          kneebase audit --format markdown > AUDIT.md
          kneebase audit --fail-on error
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown, json }
    enum Level: String, ExpressibleByArgument, CaseIterable { case note, warning, error }
    enum Kind: String, ExpressibleByArgument, CaseIterable { case support, contradiction, quality, lexicon }

    @Option(help: "Output format: text, markdown or json.")
    var format: Format = .text

    @Flag(help: "Print JSON: {\"findings\": [{\"id\", \"severity\", \"message\", \"claims\", \"sources\", \"evidence\": [{\"source\", \"line\", \"text\"}]}]}.")
    var json = false

    @Option(name: .customLong("fail-on"), help: "Exit with status 1 when a finding at or above this severity exists.")
    var failOn: Level?

    @Option(help: "Only findings of this kind (support, contradiction, quality, lexicon); repeatable.")
    var kind: [Kind] = []

    @Option(help: "Only findings about sources whose path contains this text.")
    var source: String?

    @Option(parsing: .upToNextOption, help: ArgumentHelp("The claim between two entities to audit (ids, names or aliases).", valueName: "SUBJECT OBJECT"))
    var claim: [String] = []

    @Flag(help: "List every note with its quotes (by default notes are summarised).")
    var all = false

    @OptionGroup var kb: KnowledgeBaseOptions

    func validate() throws {
        if !claim.isEmpty && claim.count != 2 {
            throw ValidationError("--claim takes two values: SUBJECT OBJECT (quote names with spaces)")
        }
        if json && format != .text && format != .json {
            throw ValidationError("--json asks for JSON and --format for \(format.rawValue): give one of them")
        }
    }

    func run() throws {
        let reader = try kb.open()
        var findings = try reader.findings()
        if !kind.isEmpty { findings = findings.filter { f in kind.contains { $0.rawValue == f.kind.rawValue } } }
        if let source {
            guard try !reader.sourcePaths(containing: source).isEmpty else {
                Terminal.printError("error: no source's path contains '\(source)'")
                throw ExitCode(1)
            }
            findings = findings.filter { $0.sources.contains { $0.contains(source) } }
        }
        let format: Format = json ? .json : self.format

        if claim.count == 2 {
            guard let subject = try reader.resolve(claim[0]) else { return try notFound(claim[0], reader) }
            guard let object = try reader.resolve(claim[1]) else { return try notFound(claim[1], reader) }
            let claims = try reader.claims(involving: subject.id).filter {
                ($0.subject == subject.id && $0.object == object.id) || ($0.subject == object.id && $0.object == subject.id)
            }
            let keys = Set(claims.map(\.key))
            findings = findings.filter { !keys.isDisjoint(with: $0.claims) }
            guard !claims.isEmpty else {
                Terminal.printError("error: no claim links '\(subject.name)' and '\(object.name)' (try `kneebase show \(subject.id)`)")
                throw ExitCode(1)
            }
            if format == .text {
                let names = Dictionary(try reader.entities().map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
                print(ClaimAudit(claims: claims, findings: findings, names: names).render())
                return try gate(findings)
            }
        }

        switch format {
        case .json: FileHandle.standardOutput.write(Data(FindingsReport.json(findings) + [0x0A]))
        case .markdown: print(FindingsReport.markdown(findings), terminator: "")
        case .text: print(FindingsReport.text(findings, all: all, paint: Self.paint))
        }
        try gate(findings)
    }

    private func notFound(_ name: String, _ reader: KnowledgeBaseReader) throws {
        Terminal.printError(EntitySuggestions.notFound(name, reader))
        throw ExitCode(1)
    }

    /// Exits with 1 when `--fail-on` is given and a finding reaches it.
    private func gate(_ findings: [Finding]) throws {
        guard let failOn, let level = Diagnostic.Severity(rawValue: failOn.rawValue) else { return }
        if findings.contains(where: { $0.severity >= level }) { throw ExitCode(1) }
    }

    static func paint(_ s: String, _ style: FindingsReport.Style) -> String {
        switch style {
        case .error: Terminal.paint(s, "1;31")
        case .warning: Terminal.paint(s, "1;33")
        case .note: Terminal.paint(s, "1;36")
        case .heading: Terminal.paint(s, "1;34")
        case .dim: Terminal.paint(s, "2")
        case .bold: Terminal.paint(s, "1")
        }
    }
}

/// The terminal view of `audit --claim`: each claim with its support and sentences, then its findings.
struct ClaimAudit {
    let claims: [Claim]
    let findings: [Finding]
    let names: [String: String]

    func render() -> String {
        var out: [String] = []
        for c in claims {
            let support = findings.first { $0.kind == .support && $0.support != nil && $0.claims == [c.key] }?.support ?? c.sourceCount
            let hedged = c.evidence.filter { $0.certainty == .hedged }.count
            let negated = c.evidence.filter { $0.polarity == .negated }.count
            let personal = c.evidence.filter { EvidenceMarks.isPersonal($0.attribution) }.count
            out.append(Terminal.paint("\(names[c.subject] ?? c.subject) — \(c.relation.label) — \(names[c.object] ?? c.object)", "1") + "  [\(c.key)]")
            out.append("  \(support) independent source\(support == 1 ? "" : "s"), \(c.evidence.count) sentence\(c.evidence.count == 1 ? "" : "s")"
                       + " (\(hedged) hedged, \(negated) negated, \(personal) personal experience)")
            for ev in c.evidence {
                let marks = EvidenceMarks.marks(negated: ev.polarity == .negated, hedged: ev.certainty == .hedged, attribution: ev.attribution)
                out.append("    " + Terminal.paint("\(ev.source):\(ev.line)", "2") + " “\(ev.text)”" + (marks.isEmpty ? "" : Terminal.paint(EvidenceMarks.suffix(marks), "2")))
            }
        }
        let others = findings.filter { !($0.kind == .support && ($0.code == "single-source" || $0.code == "corroborated")) }
        if !others.isEmpty {
            out.append("")
            out.append(FindingsReport.text(others, all: true, paint: AuditCommand.paint))
        }
        return out.joined(separator: "\n")
    }
}
