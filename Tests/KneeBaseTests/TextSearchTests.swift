import Foundation
import Testing
@testable import KneeBase

/// The byte-level searches and the counting line cursor answer exactly as the slower
/// code they stand for: Foundation's `contains`/`range(of:)`, `split` by `Character`,
/// and `LineIndex.location(of:)`.
@Suite("Byte-level text search")
struct TextSearchTests {
    /// Haystacks where bytes and characters disagree: combining marks after or inside a
    /// match, canonical equivalents, ignorable characters, emoji, CR LF, no-break spaces.
    static let haystacks: [String] = [
        "Sign up for our newsletter", "sign up\u{301} now", "x\u{301}sign up", "signup", "sign\u{AD}up",
        "read more\u{200D}x", "\u{A9}\u{FE0F} 2024", "\u{A9} 2024 KneeBase", "a\u{37E}b", "cafe\u{301} and caf",
        "\u{1F1FA}\u{1F1F8}sign up", "share this\r\n", "physical\u{A0}therapist", "a physical therapist said",
        "my doctor\u{308}", "Dr. Li Yanyu says", "Dr\u{200D}. Li", "see Dr Smith", "", "s", "ss", "©",
        "I’ve had runner’s knee", "I've had it", "i", "me, myself", "mine", "\u{130}stanbul doctor",
    ]
    static let needles: [String] = ["sign up", "signup", "read more", "©", "Dr. ", "Dr ", "doctor", "physical therapist",
                                    "share this", "caf", "cafe", "s", "ss"]

    @Test("containsText answers as Foundation's contains")
    func containsMatchesFoundation() {
        for hay in Self.haystacks {
            for needle in Self.needles {
                #expect(hay.containsText(needle) == hay.contains(needle), "\(hay.debugDescription) ∋ \(needle.debugDescription)")
            }
        }
    }

    @Test("rangeOfText answers as Foundation's range(of:)")
    func rangeMatchesFoundation() {
        for hay in Self.haystacks {
            for needle in Self.needles {
                #expect(hay.rangeOfText(needle) == hay.range(of: needle), "\(hay.debugDescription) ∋ \(needle.debugDescription)")
            }
        }
    }

    @Test("containsWord finds the words split(whereSeparator:) finds")
    func containsWordMatchesSplit() {
        let words: Set<String> = ["i", "my", "me", "i’ve", "i've", "i’m", "i'm"]
        let joiners: Set<Character> = ["’", "'"]
        for hay in Self.haystacks.map({ $0.lowercased() }) + ["", "'i'", "i've-had", "i’m", "mine my", "e\u{301}my", "my\u{301}"] {
            let expected = !Set(hay.split { !$0.isLetter && !joiners.contains($0) }).isDisjoint(with: words.map { Substring($0) })
            #expect(hay.containsWord(in: words, joinedBy: joiners) == expected, "\(hay.debugDescription)")
        }
    }

    @Test("the charset a page declares is read as before, ASCII or not")
    func declaredCharset() {
        func reference(_ text: String) -> String? {
            let head = String(decoding: Array(text.utf8).prefix(4096), as: UTF8.self).lowercased()
            guard let r = head.range(of: "charset=") else { return nil }
            var name = ""
            for ch in head[r.upperBound...].drop(while: { $0 == "\"" || $0 == "'" || $0 == " " }) {
                if ch.isLetter || ch.isNumber || ch == "-" || ch == "_" { name.append(ch) } else { break }
            }
            return name.isEmpty ? nil : name
        }
        let pages = ["<meta charset=\"ISO-8859-1\">", "<meta CHARSET='windows-1252'>", "<meta charset=utf-8>", "no declaration",
                     "<meta charset=\"lati\u{301}n1\">", "<meta charset=\"\u{301}latin1\">", "<meta charset= latin1é>", "charset=",
                     "<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; Charset=Latin-1\">", "ch\u{212A}arset=x charset=us-ascii"]
        for page in pages {
            #expect(InputDecoder.declaredCharset(Array(page.utf8)) == reference(page), "\(page.debugDescription)")
        }
    }

    @Test("a line cursor places every offset as LineIndex does, in any order")
    func cursorMatchesLineIndex() {
        let text = "front line\nUnicode: café, naïve — “quotes” 👍🏽 and more\n\n" + String(repeating: "é long line ", count: 400) + "\nlast"
        let bytes = Array(text.utf8)
        let index = LineIndex(bytes)
        var cursor = LineIndex.Cursor(index)
        var offsets = Array(0...bytes.count) + [bytes.count + 5, -3]
        offsets += offsets.reversed() + stride(from: 0, to: bytes.count, by: 37) + stride(from: 3, to: bytes.count, by: 1500)
        for offset in offsets {
            let got = cursor.location(of: offset)
            let want = index.location(of: offset)
            #expect(got.line == want.line && got.column == want.column, "offset \(offset)")
        }
    }

    @Test("a line index that hashes its bytes on the way gives ContentHash's FNV-1a and the same places")
    func lineIndexHashes() {
        #expect(ContentHash.hex([]) == "cbf29ce484222325")
        #expect(ContentHash.hex(Array("a".utf8)) == "af63dc4c8601ec8c")
        let long = "front line\nUnicode: café — “quotes” 👍🏽\n\n" + String(repeating: "é long line\n", count: 300) + "last"
        // One line of exactly seven strides, and lines that end on a stride's last byte.
        let strides = String(repeating: "é abc ", count: 1024)
        let stridesAndLines = String(repeating: String(repeating: "x", count: 1023) + "\n", count: 5)
        for text in ["", "a", "\n", "no line feed here", "a\nb\n", long, strides, stridesAndLines] {
            let bytes = Array(text.utf8)
            var hash = ContentHash.empty
            let hashed = LineIndex(bytes, fnv: &hash)
            let plain = LineIndex(bytes)
            #expect(ContentHash.hex(hash: hash) == ContentHash.hex(bytes), "\(text.prefix(20).debugDescription)")
            #expect(hashed.lineStarts == plain.lineStarts)
            for offset in stride(from: 0, through: bytes.count, by: 7) {
                let a = hashed.location(of: offset), b = plain.location(of: offset)
                #expect(a.line == b.line && a.column == b.column, "offset \(offset)")
            }
        }
    }
}
