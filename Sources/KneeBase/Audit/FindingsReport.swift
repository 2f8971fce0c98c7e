/// Renders findings for people and programs: a terminal report grouped by severity and
/// kind with `source:line` quotes, Markdown, and stable JSON.
///
/// ```swift
/// print(FindingsReport.text(findings, all: false))
/// let json = FindingsReport.json(findings)   // {"findings":[{"id":…,"evidence":[…]}]}
/// ```
public enum FindingsReport {
    /// How the terminal report marks up its parts; the default leaves text plain.
    public enum Style: Sendable { case error, warning, note, heading, dim, bold }

    /// Notes of one code shown before "… and N more" unless `all` is set.
    static let notesShown = 5

    /// `{"findings": [{"id", "kind", "code", "severity", "message", "claims", "sources", "evidence": [{"source", "line", "text", "note", "claim"}], "support", "score"}]}`.
    public static func json(_ findings: [Finding]) -> [UInt8] {
        var w = JSONWriter()
        w.beginObject()
        w.key("findings")
        w.beginArray()
        for f in findings {
            w.beginObject()
            w.key("id"); w.string(f.id)
            w.key("kind"); w.string(f.kind.rawValue)
            w.key("code"); w.string(f.code)
            w.key("severity"); w.string(f.severity.rawValue)
            w.key("message"); w.string(f.message)
            w.key("claims"); w.strings(f.claims)
            w.key("sources"); w.strings(f.sources)
            w.key("evidence")
            w.beginArray()
            for ev in f.evidence {
                w.beginObject()
                w.key("source"); w.string(ev.source)
                w.key("line"); w.int(ev.line)
                w.key("text"); w.string(ev.text)
                if let n = ev.note { w.key("note"); w.string(n) }
                if let c = ev.claim { w.key("claim"); w.string(c) }
                w.endObject()
            }
            w.endArray()
            if let s = f.support { w.key("support"); w.int(s) }
            if let s = f.score { w.key("score"); w.int(s) }
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.bytes
    }

    /// Claims with 1, 2, 3… independent sources, from the support findings.
    public static func supportDistribution(_ findings: [Finding]) -> [(sources: Int, claims: Int)] {
        var counts: [Int: Int] = [:]
        for f in findings where f.kind == .support && (f.code == "single-source" || f.code == "corroborated") {
            counts[f.support ?? 1, default: 0] += 1
        }
        return counts.keys.sorted().map { ($0, counts[$0]!) }
    }

    /// Counts per severity, e.g. "2 errors, 14 warnings, 230 notes".
    public static func summary(_ findings: [Finding]) -> String {
        Diagnostic.Severity.allCases.reversed().map { s in
            let n = findings.filter { $0.severity == s }.count
            return "\(n) \(s.rawValue)\(n == 1 ? "" : "s")"
        }.joined(separator: ", ")
    }

    /// The terminal report: errors, then warnings, then notes, each grouped by kind. Notes are
    /// listed briefly (`all` lists every one with its quotes).
    public static func text(_ findings: [Finding], all: Bool = false, paint: (String, Style) -> String = { s, _ in s }) -> String {
        var out: [String] = []
        out.append(paint("Audit: ", .bold) + summary(findings))
        let distribution = supportDistribution(findings)
        if !distribution.isEmpty {
            out.append("Support: " + distribution.map { "\($0.claims) claim\($0.claims == 1 ? "" : "s") on \($0.sources) source\($0.sources == 1 ? "" : "s")" }.joined(separator: " · "))
        }
        for severity in Diagnostic.Severity.allCases.reversed() {
            let list = findings.filter { $0.severity == severity }
            guard !list.isEmpty else { continue }
            let style: Style = severity == .error ? .error : severity == .warning ? .warning : .note
            out.append("")
            out.append(paint("\(severity.rawValue.uppercased())S (\(list.count))", style))
            for kind in Finding.Kind.allCases {
                let group = list.filter { $0.kind == kind }
                guard !group.isEmpty else { continue }
                out.append(paint("  \(kind.rawValue) (\(group.count))", .heading))
                let brief = severity == .note && !all
                for code in unique(group.map(\.code)) {
                    let sub = group.filter { $0.code == code }
                    let shown = brief ? Array(sub.prefix(notesShown)) : sub
                    if brief { out.append(paint("    \(code) (\(sub.count))", .dim)) }
                    for f in shown {
                        out.append("    " + paint(severity.rawValue + ":", style) + " " + f.message + " " + paint("[\(f.id)]", .dim))
                        if !brief {
                            for ev in f.evidence {
                                out.append("      " + paint("\(ev.source):\(ev.line)", .dim) + " “\(clip(ev.text))”" + (ev.note.map { paint(" (\($0))", .dim) } ?? ""))
                            }
                        }
                    }
                    if sub.count > shown.count { out.append(paint("      … and \(sub.count - shown.count) more (--all lists them with their quotes)", .dim)) }
                }
            }
        }
        return out.joined(separator: "\n")
    }

    /// The report as Markdown: a summary table, then one section per severity and kind.
    public static func markdown(_ findings: [Finding]) -> String {
        var out = ["# KneeBase audit", "", summary(findings), ""]
        out.append("| kind | errors | warnings | notes |")
        out.append("|---|---:|---:|---:|")
        for kind in Finding.Kind.allCases {
            let k = findings.filter { $0.kind == kind }
            out.append("| \(kind.rawValue) | \(k.filter { $0.severity == .error }.count) | \(k.filter { $0.severity == .warning }.count) | \(k.filter { $0.severity == .note }.count) |")
        }
        let distribution = supportDistribution(findings)
        if !distribution.isEmpty {
            out += ["", "| independent sources | claims |", "|---:|---:|"]
            out += distribution.map { "| \($0.sources) | \($0.claims) |" }
        }
        for severity in Diagnostic.Severity.allCases.reversed() {
            let list = findings.filter { $0.severity == severity }
            guard !list.isEmpty else { continue }
            out += ["", "## \(severity.rawValue.capitalized)s (\(list.count))"]
            for kind in Finding.Kind.allCases {
                let group = list.filter { $0.kind == kind }
                guard !group.isEmpty else { continue }
                out += ["", "### \(kind.rawValue.capitalized) (\(group.count))", ""]
                for f in group {
                    out.append("- **\(escape(f.message))** `\(f.id)`")
                    for ev in f.evidence {
                        out.append("  - `\(ev.source):\(ev.line)` “\(escape(clip(ev.text, 300)))”" + (ev.note.map { " — _\(escape($0))_" } ?? ""))
                    }
                }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func clip(_ s: String, _ limit: Int = 220) -> String {
        s.count > limit ? String(s.prefix(limit - 1)) + "…" : s
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for ch in s {
            if "\\`*_[]<>|#".contains(ch) { out.append("\\") }
            out.append(ch)
        }
        return out
    }

    static func unique(_ list: [String]) -> [String] {
        var seen = Set<String>()
        return list.filter { seen.insert($0).inserted }
    }
}
