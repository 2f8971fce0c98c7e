/// A small reader for the flat `key = value` TOML that front matter uses.
enum TOMLFields {
    static func parse(_ body: String, file: String, firstLine: Int, diagnostics: inout [Diagnostic]) -> [String: String] {
        var fields: [String: String] = [:]
        var inTable = false
        for (i, raw) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: " \t\r")
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") { inTable = true; continue }
            guard !inTable else { continue }
            guard let eq = line.firstIndex(of: "=") else {
                diagnostics.append(Diagnostic(id: "ingest.front-matter.invalid-toml", severity: .error, file: file, line: firstLine + i, column: 1,
                                              message: "expected 'key = value' in TOML front matter, found '\(line.prefix(40))'"))
                continue
            }
            let key = line[..<eq].trimmingCharacters(in: " \t\"").lowercased()
            var value = line[line.index(after: eq)...].trimmingCharacters(in: " \t")
            if value.count >= 2, let f = value.first, f == "\"" || f == "'", value.last == f {
                value = String(value.dropFirst().dropLast())
            } else if value.hasPrefix("[") {
                value = value.trimmingCharacters(in: "[] ").split(separator: ",")
                    .map { $0.trimmingCharacters(in: " \"'") }.joined(separator: ", ")
            }
            fields[key] = value
        }
        return fields
    }
}

extension StringProtocol {
    /// The string without leading and trailing characters from `set`.
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
