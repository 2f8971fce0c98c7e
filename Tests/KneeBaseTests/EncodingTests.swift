import Foundation
import Testing
@testable import KneeBase

/// Inputs in other encodings are decoded, and positions still point into the original bytes.
@Suite("Input encodings")
struct EncodingTests {
    static func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
        var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for unit in text.utf16 {
            let hi = UInt8(unit >> 8), lo = UInt8(unit & 0xFF)
            bytes += bigEndian ? [hi, lo] : [lo, hi]
        }
        return bytes
    }

    @Test("UTF-16 with a byte-order mark", arguments: [false, true])
    func utf16(bigEndian: Bool) throws {
        let text = "Knee pain\n\nIt’s common in runners. Rest 2–3 days.\n"
        let bytes = Self.utf16(text, bigEndian: bigEndian)
        let ingested = Ingest.bytes(bytes, format: .text)
        let document = try ingested.requireDocument()
        #expect(ingested.diagnostics.isEmpty, "\(ingested.diagnostics.map(\.formatted))")
        #expect(document.sentences.map(\.text) == ["Knee pain", "It’s common in runners.", "Rest 2–3 days."])
        // Every character here is one UTF-16 unit: original offset = 2 + 2 × scalar offset.
        let rest = document.sentences[2]
        let scalarsBefore = text.unicodeScalars.count - "Rest 2–3 days.\n".unicodeScalars.count
        #expect(rest.range.start == 2 + 2 * scalarsBefore)
        #expect(rest.range.end == rest.range.start + 2 * "Rest 2–3 days.".unicodeScalars.count)
        #expect(rest.range.line == 3)
        #expect(rest.range.column == 25)
    }

    @Test("a NUL byte in otherwise good text is replaced and reported, not taken for binary")
    func strayNUL() throws {
        let text = "One good sentence here. " + String(repeating: "Another good sentence here, and more text to read. ", count: 5)
        let bytes = Array(text.utf8) + [0] + Array(" The end.".utf8)
        let ingested = Ingest.bytes(bytes, format: .text)
        let document = try ingested.requireDocument()
        #expect(ingested.ids == ["ingest.invalid-encoding"])
        #expect(document.sentences.first?.text == "One good sentence here.")
        #expect(document.sentences.last?.range.end == bytes.count)
    }

    @Test("Windows line ends (CRLF) do not leak into sentences or shift columns")
    func crlf() throws {
        let text = "Title line\r\n\r\nFirst sentence.\r\nSecond one. Third one.\r\n"
        let document = try Ingest.text(text, format: .text).requireDocument()
        #expect(document.sentences.map(\.text) == ["Title line", "First sentence.", "Second one.", "Third one."])
        let third = document.sentences[3]
        #expect(third.range.line == 4 && third.range.column == 13)
        #expect(third.range.endLine == 4 && third.range.endColumn == 23)
    }
}
