import Foundation
@testable import KneeBase

/// A small lexicon and helpers for extraction tests.
enum ExtractionFixture {
    static let lexicon = Lexicon(entities: [
        Entity(id: "patellofemoral-pain-syndrome", kind: .condition, name: "patellofemoral pain syndrome", aliases: ["runner's knee", "PFPS"]),
        Entity(id: "iliotibial-band-syndrome", kind: .condition, name: "iliotibial band syndrome", aliases: ["IT band syndrome", "ITBS"]),
        Entity(id: "chondromalacia-patellae", kind: .condition, name: "chondromalacia patellae", aliases: ["patellar chondromalacia"]),
        Entity(id: "patellar-valgus", kind: .condition, name: "patellar valgus"),
        Entity(id: "pain-when-squatting", kind: .symptom, name: "pain when squatting", aliases: ["pain on squatting"]),
        Entity(id: "knee-swelling", kind: .symptom, name: "knee swelling", aliases: ["swelling"]),
        Entity(id: "unable-to-squat", kind: .symptom, name: "unable to squat"),
        Entity(id: "unable-to-kneel", kind: .symptom, name: "unable to kneel"),
        Entity(id: "overtraining", kind: .cause, name: "overtraining", aliases: ["sudden increase in mileage"]),
        Entity(id: "weak-gluteus-medius", kind: .cause, name: "weak gluteus medius"),
        Entity(id: "foam-rolling", kind: .treatment, name: "foam rolling", aliases: ["foam roll"]),
        Entity(id: "clamshell", kind: .treatment, name: "clamshell", aliases: ["clamshells", "clam shell"], targets: ["gluteus-medius"], subtype: "exercise"),
        Entity(id: "mini-squat", kind: .treatment, name: "mini squat", aliases: ["mini-squats"], targets: ["vastus-medialis"]),
        Entity(id: "ice", kind: .treatment, name: "ice", aliases: ["ice packs", "icing"]),
        Entity(id: "gluteus-medius", kind: .anatomy, name: "gluteus medius", aliases: ["glute med"], subtype: "muscle"),
        Entity(id: "hamstrings", kind: .anatomy, name: "hamstrings", aliases: ["hamstring"], subtype: "muscle"),
        Entity(id: "vastus-medialis", kind: .anatomy, name: "vastus medialis", aliases: ["VMO"], parents: ["quadriceps"]),
        Entity(id: "quadriceps", kind: .anatomy, name: "quadriceps", aliases: ["quads"]),
        Entity(id: "iliotibial-band", kind: .anatomy, name: "iliotibial band", aliases: ["IT band", "ITB"]),
    ])

    static func document(_ markdown: String, path: String = "content/articles/test.md") -> Document {
        var diagnostics: [Diagnostic] = []
        return ArticleIngester().ingest(bytes: Array(markdown.utf8), format: .markdown, displayPath: path, diagnostics: &diagnostics)!
    }

    /// The claims extracted from `markdown` with `lexicon` (the fixture's by default).
    static func claims(_ markdown: String, path: String = "content/articles/test.md", lexicon: Lexicon = ExtractionFixture.lexicon) -> [Claim] {
        let finder = MentionFinder(lexicon: lexicon)
        return ClaimExtractor(lexicon: lexicon, finder: finder).extract(document(markdown, path: path), stemmer: Stemmer()).claims
    }

    static func mentions(_ text: String) -> [String] {
        let tokens = Tokenizer(stemmer: Stemmer()).tokens(text)
        return MentionFinder(lexicon: lexicon).mentions(in: tokens).map(\.entity)
    }

    /// `subject relation object` triples, for compact assertions.
    static func triples(_ claims: [Claim]) -> Set<String> {
        Set(claims.map { "\($0.subject) \($0.relation.rawValue) \($0.object)" })
    }

    /// The triples extracted from `markdown` with `lexicon`.
    static func triples(_ markdown: String, lexicon: Lexicon) -> Set<String> {
        triples(claims(markdown, lexicon: lexicon))
    }
}
