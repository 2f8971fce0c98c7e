import Foundation
import Yams

/// Loads `content/lexicon/*.yml` and validates it: duplicate ids, unknown parents or
/// targets, empty names, and aliases claimed by two entities (with how they are read).
public enum LexiconLoader {
    /// Largest lexicon file read, in bytes.
    static let maxFileBytes = 16 << 20

    /// Loads every `.yml`/`.yaml` file of `folder`; a missing folder gives an empty lexicon and a warning.
    public static func load(_ folder: URL, diagnostics: inout [Diagnostic]) -> Lexicon {
        let path = ContentScanner.displayPath(folder)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            diagnostics.append(Diagnostic(id: "lexicon.missing", severity: .warning, file: path,
                                          message: "no lexicon folder; only discovered entities will be found"))
            return Lexicon(entities: [])
        }
        var entities: [(Entity, file: String, line: Int)] = []
        for name in names.sorted() where name.hasSuffix(".yml") || name.hasSuffix(".yaml") {
            let url = folder.appendingPathComponent(name)
            let display = ContentScanner.displayPath(url)
            let bytes: [UInt8]
            do {
                bytes = try FileReader.read(url, limit: maxFileBytes)
            } catch {
                // Too large, a loop, a pipe, no permission: say which (`ingest.too-large` becomes `lexicon.too-large`).
                let failure = error as? FileReader.Failure
                let id = failure.map { "lexicon." + $0.id.split(separator: ".").dropFirst().joined(separator: ".") } ?? "lexicon.unreadable"
                diagnostics.append(Diagnostic(id: id, severity: .error, file: display,
                                              message: "cannot read this lexicon file: \(failure?.message ?? "\(error)")"))
                continue
            }
            // Not UTF-8 (another encoding, a binary file): say where, then read what can be read.
            if String(validating: bytes, as: UTF8.self) == nil {
                let bad = Self.firstInvalidUTF8(bytes)
                let lineStart = bytes[..<bad].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
                diagnostics.append(Diagnostic(id: "lexicon.invalid-encoding", severity: .warning, file: display,
                                              line: bytes[..<bad].count { $0 == 0x0A } + 1, column: bad - lineStart + 1,
                                              message: "this byte is not valid UTF-8, the first such (a lexicon file is UTF-8 YAML); invalid bytes are read as U+FFFD"))
            }
            entities += parse(String(decoding: bytes, as: UTF8.self), file: display, diagnostics: &diagnostics)
        }
        return validate(entities, diagnostics: &diagnostics)
    }

    /// The offset of the first byte of `bytes` that does not start or continue a valid UTF-8 sequence.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length = b < 0x80 ? 1 : b >> 5 == 0x6 ? 2 : b >> 4 == 0xE ? 3 : b >> 3 == 0x1E ? 4 : 0
            guard length > 0, i + length <= bytes.count, String(validating: bytes[i..<(i + length)], as: UTF8.self) != nil else { return i }
            i += length
        }
        return bytes.count
    }

    /// Parses one lexicon file's text.
    static func parse(_ text: String, file: String, diagnostics: inout [Diagnostic]) -> [(Entity, file: String, line: Int)] {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            let (line, column, reason) = (error as? YamlError)?.position ?? (1, 1, "\(error)")
            diagnostics.append(Diagnostic(id: "lexicon.invalid-yaml", severity: .error, file: file, line: line, column: max(1, column),
                                          message: "not valid YAML (\(reason)); this file's entities are ignored"))
            return []
        }
        guard let mapping = root?.mapping, let kindName = mapping["kind"]?.string else {
            diagnostics.append(Diagnostic(id: "lexicon.no-kind", severity: .error, file: file,
                                          message: "a lexicon file needs 'kind:' (condition, symptom, cause, treatment or anatomy) and 'entities:'"))
            return []
        }
        guard let kind = EntityKind(rawValue: kindName) else {
            diagnostics.append(Diagnostic(id: "lexicon.unknown-kind", severity: .error, file: file, line: (mapping["kind"]?.mark?.line ?? 1),
                                          message: "unknown kind '\(kindName)'; expected condition, symptom, cause, treatment or anatomy"))
            return []
        }
        var out: [(Entity, file: String, line: Int)] = []
        for node in mapping["entities"]?.sequence ?? [] {
            let line = node.mark?.line ?? 1
            guard let m = node.mapping else {
                diagnostics.append(Diagnostic(id: "lexicon.not-an-entity", severity: .error, file: file, line: line, message: "each entity must be a mapping with id and name"))
                continue
            }
            let id = m["id"]?.string?.trimmingCharacters(in: " ") ?? ""
            let name = m["name"]?.string?.trimmingCharacters(in: " ") ?? ""
            if id.isEmpty || name.isEmpty {
                let problem = id.isEmpty ? (name.isEmpty ? "an entity has neither 'id:' nor 'name:'" : "entity '\(name)' has no 'id:'")
                    : "entity '\(id)' has no 'name:'"
                diagnostics.append(Diagnostic(id: "lexicon.empty-name", severity: .error, file: file, line: line, message: "\(problem); skipped"))
                continue
            }
            if !id.allSatisfy({ $0.isASCII && (($0.isLetter && $0.isLowercase) || $0.isNumber) || $0 == "-" }) {
                diagnostics.append(Diagnostic(id: "lexicon.bad-id", severity: .warning, file: file, line: line,
                                              message: "id '\(visible(id))' is not a slug (lower-case letters, digits and '-')"))
            }
            let list: (String) -> [String] = { key in
                (m[key]?.sequence ?? []).compactMap { $0.string?.trimmingCharacters(in: " ") }.filter { !$0.isEmpty }
            }
            let aliases = list("aliases")
            for (n, text) in ([name] + aliases).enumerated() {
                guard let hidden = text.unicodeScalars.first(where: isInvisible) else { continue }
                diagnostics.append(Diagnostic(id: "lexicon.invisible-character", severity: .warning, file: file, line: line,
                                              message: "the \(n == 0 ? "name" : "alias") '\(visible(text))' of '\(visible(id))' contains "
                                                  + "\(visible(String(hidden))) (\(hidden.properties.name ?? "a control character")), which is invisible "
                                                  + "or turns the text around on screen; remove it"))
            }
            let entity = Entity(id: id, kind: kind, name: name, aliases: aliases, description: m["description"]?.string ?? "",
                                parents: list("parents"), targets: list("targets"), subtype: m["type"]?.string)
            out.append((entity, file, line))
        }
        return out
    }

    /// Control and format characters (bidi overrides, zero-width spaces and joiners, byte-order marks).
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format
    }

    /// `text` with invisible characters spelled out (`\u{202E}`), safe to print in a message.
    static func visible(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if isInvisible(scalar) { out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}" } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// Checks ids, references and aliases across all files.
    static func validate(_ all: [(Entity, file: String, line: Int)], diagnostics: inout [Diagnostic]) -> Lexicon {
        var byID: [String: (file: String, line: Int)] = [:]
        var kept: [(Entity, file: String, line: Int)] = []
        for item in all {
            if let first = byID[item.0.id] {
                diagnostics.append(Diagnostic(id: "lexicon.duplicate-id", severity: .error, file: item.file, line: item.line,
                                              message: "duplicate id '\(item.0.id)' (first defined at \(first.file):\(first.line)); this one is ignored"))
                continue
            }
            byID[item.0.id] = (item.file, item.line)
            kept.append(item)
        }
        for (e, file, line) in kept {
            for p in e.parents where byID[p] == nil {
                diagnostics.append(Diagnostic(id: "lexicon.unknown-parent", severity: .warning, file: file, line: line,
                                              message: "'\(e.id)' names an unknown parent '\(p)'"))
            }
            for t in e.targets where byID[t] == nil {
                diagnostics.append(Diagnostic(id: "lexicon.unknown-target", severity: .warning, file: file, line: line,
                                              message: "'\(e.id)' names an unknown target '\(t)'"))
            }
        }
        // Aliases claimed by more than one entity: read as the entity whose name it is, else the one
        // defined first (files by name, then line), so that adding an entity never takes a word from an older one.
        var claimants: [String: [(Entity, file: String, line: Int)]] = [:]
        for item in kept {
            var seen = Set<String>()
            for text in [item.0.name] + item.0.aliases {
                let key = AliasKey.make(text)
                guard !key.isEmpty, seen.insert(key).inserted else { continue }
                claimants[key, default: []].append(item)
            }
        }
        var resolved: [String: String] = [:]
        for (key, items) in claimants.sorted(by: { $0.key < $1.key }) where items.count > 1 {
            let winner = items.first { AliasKey.make($0.0.name) == key } ?? items[0]
            resolved[key] = winner.0.id
            let others = items.filter { $0.0.id != winner.0.id }
            for other in others {
                let why = AliasKey.make(winner.0.name) == key ? "whose name it is" : "defined first"
                diagnostics.append(Diagnostic(id: "lexicon.alias.ambiguous", severity: .warning, file: other.file, line: other.line,
                                              message: "'\(key)' is claimed by '\(other.0.id)' and by '\(winner.0.id)' (\(winner.file):\(winner.line)); "
                                                  + "the text is read as '\(winner.0.id)', \(why)"))
            }
        }
        return Lexicon(entities: kept.map(\.0), resolvedAmbiguities: resolved)
    }
}

/// The comparison key of a name or alias: lower-cased, apostrophes and punctuation folded to spaces.
enum AliasKey {
    static func make(_ text: String) -> String {
        var out = ""
        var space = false
        for ch in text.lowercased() {
            if ch.isLetter || ch.isNumber {
                if space && !out.isEmpty { out.append(" ") }
                space = false
                out.append(ch)
            } else if ch == "'" || ch == "’" {
                continue
            } else {
                space = true
            }
        }
        return out
    }
}
