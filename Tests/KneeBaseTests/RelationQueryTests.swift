import Foundation
import Testing
@testable import KneeBase

/// Queries that ask for a kind of claim about a condition ("exercises for runner's knee")
/// are answered from the graph.
@Suite("Relation queries")
struct RelationQueryTests {
    let engine: SearchEngine

    init() throws { engine = try SearchFixtures.engine(SearchFixtures.mini) }

    private func search(_ q: String, kinds: Set<ResultKind> = []) throws -> SearchResponse {
        try engine.search(q, options: SearchOptions(kinds: kinds, limit: 10))
    }

    @Test("'exercises for runner's knee': the condition, then its treatments, exercises first; its card shows them")
    func exercises() throws {
        let r = try search("best exercises for runner's knee")
        #expect(r.notes.contains { $0.hasPrefix("read as the treatments of patellofemoral pain syndrome (exercise first)") }, "\(r.notes)")
        let entities = r.results.filter { $0.kind != .passage && $0.kind != .source }
        #expect(entities.map(\.id) == ["patellofemoral-pain-syndrome", "clamshell"])
        #expect(entities.first?.relations.map(\.relation) == [.treatment])
        #expect(!r.results.contains { $0.kind == .source })
    }

    @Test("'symptoms of runner's knee': its symptoms; passages name the condition and a symptom, and the cue word need not occur")
    func symptoms() throws {
        let r = try search("symptoms of runner's knee")
        let entities = r.results.filter { $0.kind == .symptom }.map(\.id)
        #expect(Set(entities) == ["pain-when-squatting", "knee-swelling"])
        let passages = try search("symptoms of runner's knee", kinds: [.passage]).results
        #expect(!passages.isEmpty && passages.allSatisfy { $0.kind == .passage })
        #expect(passages.allSatisfy { $0.snippet.plain.contains("Runner's knee") && $0.snippet.plain.contains("squatting") })
    }

    @Test("a misspelt cue word, once corrected, still asks for the relation")
    func corrected() throws {
        let r = try search("symptons of runner's knee")
        #expect(r.notes.contains { $0.hasPrefix("read as the symptoms of") }, "\(r.notes) \(r.corrected ?? "")")
    }

    @Test("a cue word no source uses ('treat') still asks for the relation, and is not called left out")
    func cueNoSourceUses() throws {
        let r = try search("how to treat runner's knee")
        #expect(r.notes.contains { $0.hasPrefix("read as the treatments of patellofemoral pain syndrome") }, "\(r.notes)")
        #expect(!r.notes.contains { $0.contains("'treat'") }, "\(r.notes)")
        // Without a condition it is only a word no source uses.
        let plain = try search("how to treat squatting")
        #expect(!plain.notes.contains { $0.hasPrefix("read as") })
        #expect(plain.notes.contains("no source uses 'treat'; it is left out"), "\(plain.notes)")
    }

    @Test("other queries are searched as text", arguments: [
        "runner's knee clamshells",            // no cue word
        "symptoms of runner's knee and ITBS",  // two conditions
        "symptoms of runner's knee -squatting", // an excluded word
        "symptoms of knee swelling",           // no condition named
        "symptoms squatting runner's knee",    // another content word
    ])
    func notRelational(_ q: String) throws {
        let r = try search(q)
        #expect(!r.notes.contains { $0.hasPrefix("read as") }, "\(q): \(r.notes)")
    }

    @Test("a condition with no claim of the relation falls back to the text search")
    func noClaims() throws {
        let causes = try search("causes of ITBS")
        #expect(!causes.notes.contains { $0.hasPrefix("read as") })
        #expect(causes.results.first?.id == "iliotibial-band-syndrome")
    }
}
