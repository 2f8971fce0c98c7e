import Foundation
import Testing
@testable import KneeBase

@Suite("Lexicon loading and validation")
struct LexiconTests {
    func load(_ files: [String: String]) throws -> (Lexicon, [Diagnostic]) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lexicon-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        var diagnostics: [Diagnostic] = []
        let lexicon = LexiconLoader.load(dir, diagnostics: &diagnostics)
        return (lexicon, diagnostics)
    }

    @Test("a valid lexicon loads with parents and targets")
    func valid() throws {
        let (lexicon, diagnostics) = try load([
            "anatomy.yml": "kind: anatomy\nentities:\n  - id: quadriceps\n    name: quadriceps\n  - id: vastus-medialis\n    name: vastus medialis\n    aliases: [VMO]\n    parents: [quadriceps]\n",
            "treatments.yml": "kind: treatment\nentities:\n  - id: mini-squat\n    name: mini squat\n    targets: [vastus-medialis]\n    type: exercise\n",
        ])
        #expect(diagnostics.isEmpty)
        #expect(lexicon.entities.map(\.id) == ["mini-squat", "quadriceps", "vastus-medialis"])
        #expect(lexicon["vastus-medialis"]?.aliases == ["VMO"])
        #expect(lexicon["mini-squat"]?.targets == ["vastus-medialis"])
        #expect(lexicon.lineage(of: "vastus-medialis") == ["vastus-medialis", "quadriceps"])
    }

    @Test("duplicate ids, unknown parents, empty names and ambiguous aliases are reported with file and line")
    func problems() throws {
        let (lexicon, diagnostics) = try load([
            "conditions.yml": """
            kind: condition
            entities:
              - id: runners-knee
                name: runner's knee
                aliases: [knee pain]
              - id: runners-knee
                name: duplicate
              - id: empty
                name: ""
              - id: child
                name: child
                parents: [nowhere]
            """,
            "symptoms.yml": "kind: symptom\nentities:\n  - id: knee-pain\n    name: knee pain\n",
        ])
        let ids = diagnostics.map(\.id)
        #expect(ids.contains("lexicon.duplicate-id"))
        #expect(ids.contains("lexicon.empty-name"))
        #expect(ids.contains("lexicon.unknown-parent"))
        let ambiguous = try #require(diagnostics.first { $0.id == "lexicon.alias.ambiguous" })
        #expect(ambiguous.message.contains("read as 'knee-pain'"))  // the entity whose name it is wins
        #expect(lexicon.resolvedAmbiguities["knee pain"] == "knee-pain")
        let duplicate = try #require(diagnostics.first { $0.id == "lexicon.duplicate-id" })
        #expect(duplicate.file.hasSuffix("conditions.yml"))
        #expect(duplicate.line == 6)
    }

    @Test("an alias two entities claim is read as the one defined first, and the warning points at the later one")
    func aliasClaimedTwice() throws {
        let (lexicon, diagnostics) = try load([
            "conditions.yml": """
            kind: condition
            entities:
              - id: patellofemoral-pain-syndrome
                name: patellofemoral pain syndrome
                aliases: [PFPS]
              - id: another-condition
                name: another condition
                aliases: [PFPS]
            """,
        ])
        #expect(lexicon.resolvedAmbiguities["pfps"] == "patellofemoral-pain-syndrome", "an entity added later takes no word from an older one")
        let warning = try #require(diagnostics.first { $0.id == "lexicon.alias.ambiguous" }, "\(diagnostics.map(\.formatted))")
        #expect(warning.line == 6, "the warning is at the entity that claimed the alias second")
        #expect(warning.message.contains("conditions.yml:3"), "\(warning.message)")
        #expect(warning.message.contains("read as 'patellofemoral-pain-syndrome', defined first"), "\(warning.message)")
    }

    @Test("a label shows the subtype only when it says more than the kind")
    func labels() {
        #expect(EntityKind.cause.label(subtype: "cause") == "cause")
        #expect(EntityKind.anatomy.label(subtype: "other") == "anatomy")
        #expect(EntityKind.treatment.label(subtype: nil) == "treatment")
        #expect(EntityKind.treatment.label(subtype: "exercise") == "treatment · exercise")
    }

    @Test("a lexicon file that is not UTF-8 is read with a warning at its first bad byte")
    func notUTF8() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lexicon-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // Latin-1 "é" in a name on line 4.
        let bytes = Array("kind: symptom\nentities:\n  - id: knee-pain\n    name: knee pain caf".utf8) + [0xE9] + Array("\n".utf8)
        try Data(bytes).write(to: dir.appendingPathComponent("symptoms.yml"))
        var diagnostics: [Diagnostic] = []
        let lexicon = LexiconLoader.load(dir, diagnostics: &diagnostics)
        let warning = try #require(diagnostics.first { $0.id == "lexicon.invalid-encoding" })
        #expect(warning.severity == .warning && warning.line == 4 && warning.column == 24, "\(warning.line):\(warning.column)")
        #expect(lexicon.entities.map(\.id) == ["knee-pain"])
    }

    @Test("broken YAML and unknown kinds are errors, not crashes")
    func broken() throws {
        let (lexicon, diagnostics) = try load([
            "bad.yml": "kind: condition\nentities:\n  - id: [unclosed\n",
            "kind.yml": "kind: planet\nentities: []\n",
        ])
        #expect(lexicon.entities.isEmpty)
        #expect(diagnostics.contains { $0.id == "lexicon.invalid-yaml" && $0.severity == .error })
        #expect(diagnostics.contains { $0.id == "lexicon.unknown-kind" })
        // One line, at the bracket left open.
        let yaml = try #require(diagnostics.first { $0.id == "lexicon.invalid-yaml" })
        #expect(yaml.line == 3 && yaml.column == 9 && !yaml.message.contains("\n"), "\(yaml.line):\(yaml.column) \(yaml.message)")
    }

    @Test("the project's lexicon loads cleanly")
    func projectLexicon() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var diagnostics: [Diagnostic] = []
        let lexicon = LexiconLoader.load(root.appendingPathComponent("content/lexicon"), diagnostics: &diagnostics)
        #expect(lexicon.entities.count > 300)
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty)
        for kind in EntityKind.allCases { #expect(lexicon.entities.contains { $0.kind == kind }) }
    }
}
