import Foundation
import Testing
@testable import KneeBase

/// `documents.json` in a cached rebuild: the objects of unchanged documents are copied
/// from the previous file as bytes, which must give exactly what encoding gives.
@Suite(.serialized) struct DocumentsJSONReuseTests {
    typealias F = ExtractionFixture

    static let documents = [
        F.document("# Runner's knee\n\n## Treatment\n\n- Clamshells\n- Don't foam roll the \"IT band\".\n", path: "content/articles/a.md"),
        F.document("# Squats\n\nSquatting can hurt with patellofemoral pain syndrome.\n", path: "content/articles/b.md"),
        F.document("Rest\n\nRest and ice reduce knee swelling after running.\n", path: "content/articles/c.txt"),
    ]

    static func encode(keys: [String?] = [], previous: DocumentsJSON.Previous? = nil) -> ([UInt8], [Range<Int>]) {
        var out: [UInt8] = []
        let objects = DocumentsJSON.write(documents, keys: keys, previous: previous) { out += $0 }
        return (out, objects)
    }

    @Test func objectsCopiedFromThePreviousFileGiveTheEncodedBytes() throws {
        let (first, objects) = Self.encode()
        #expect(first == DocumentsJSON.encode(Self.documents))
        #expect(objects.count == 3)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(first)) as? [String: Any])
        let list = try #require(parsed["documents"] as? [[String: Any]])
        for (range, (d, object)) in zip(objects, zip(Self.documents, list)) {
            // Each range holds exactly its document's object.
            let alone = try #require(try JSONSerialization.jsonObject(with: Data(first[range])) as? [String: Any])
            #expect(alone["source"] as? String == d.source && object["source"] as? String == d.source)
        }
        try withTemporaryDirectory { dir in
            let keys = ["ka", "kb", "kc"]
            let previous = DocumentsJSON.Previous(file: try dir.write(first, to: "documents.json"),
                                                  objects: Dictionary(uniqueKeysWithValues: zip(keys, objects)))
            let (again, againObjects) = Self.encode(keys: keys, previous: previous)
            #expect(again == first && againObjects == objects)
        }
    }

    @Test func damagedRangesAreEncodedInstead() throws {
        let (first, objects) = Self.encode()
        // A stand-in object for b proves the copy; a range that is not an object is not trusted.
        let bytes = Array(#"{"stand-in":true}"#.utf8) + first
        let shifted = objects.map { $0.lowerBound + 17 ..< $0.upperBound + 17 }
        let (out, outObjects) = try withTemporaryDirectory { dir in
            let previous = DocumentsJSON.Previous(file: try dir.write(bytes, to: "documents.json"), objects: [
                "kb": 0..<17, "kc": shifted[2].lowerBound + 1 ..< shifted[2].upperBound, "ka": shifted[0].lowerBound ..< bytes.count + 10])
            return Self.encode(keys: ["ka", "kb", "kc"], previous: previous)
        }
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(out)) as? [String: Any])
        let list = try #require(parsed["documents"] as? [[String: Any]])
        #expect(list.count == 3)
        #expect(list[0]["source"] as? String == Self.documents[0].source)
        #expect(list[1]["stand-in"] as? Bool == true)
        #expect(list[2]["source"] as? String == Self.documents[2].source)
        #expect(Array(out[outObjects[1]]) == Array(#"{"stand-in":true}"#.utf8))
        #expect(Array(out[outObjects[2]]) == Array(first[objects[2]]))
    }

    @Test func aChangedDocumentsFileIsNotCopiedFrom() throws {
        try withTemporaryDirectory { dir in
            let content = try IncrementalBuildTests.makeContent(dir)
            try IncrementalBuildTests.expectSameAsClean(dir, content: content)
            // Same size, other bytes, in the output's documents.json: the next build must not copy from it.
            let url = dir.appendingPathComponent("public/data/documents.json")
            let bytes = [UInt8](try Data(contentsOf: url))
            try Data(bytes.map { $0 == UInt8(ascii: "e") ? UInt8(ascii: "E") : $0 }).write(to: url)
            try content.write(IncrementalBuildTests.article("New", "Patellar tendinopathy causes pain below the kneecap."), to: "articles/e.md")
            try IncrementalBuildTests.expectSameAsClean(dir, content: content)
        }
    }
}
