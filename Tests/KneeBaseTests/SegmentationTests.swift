import Foundation
import Testing
@testable import KneeBase

/// Sentence segmentation: where sentences end, and where they do not.
@Suite("Sentence segmentation")
struct SegmentationTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        var sentences: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "Dr.", text: "Dr. Li Yanyu saw the knee. It was fine.",
             sentences: ["Dr. Li Yanyu saw the knee.", "It was fine."]),
        Case(name: "Mr. and Prof.", text: "Mr. Banx met Prof. Sun. They ran.",
             sentences: ["Mr. Banx met Prof. Sun.", "They ran."]),
        Case(name: "e.g. before a capital", text: "Use a strap, e.g. Cho-Pat straps. Then rest.",
             sentences: ["Use a strap, e.g. Cho-Pat straps.", "Then rest."]),
        Case(name: "i.e. before a capital", text: "It hurts at the front, i.e. PFPS. Rest helps.",
             sentences: ["It hurts at the front, i.e. PFPS.", "Rest helps."]),
        Case(name: "etc. inside a sentence", text: "Abnormal arches, tight fascia, etc., may cause it. Check your shoes.",
             sentences: ["Abnormal arches, tight fascia, etc., may cause it.", "Check your shoes."]),
        Case(name: "etc. ending a sentence", text: "Use ice, straps, braces etc. Then see a doctor.",
             sentences: ["Use ice, straps, braces etc.", "Then see a doctor."]),
        Case(name: "vs.", text: "Running vs. Cycling: which is easier on the knee? Cycling, mostly.",
             sentences: ["Running vs. Cycling: which is easier on the knee?", "Cycling, mostly."]),
        Case(name: "U.S.", text: "Runners in the U.S. Army often report it. Few stop running.",
             sentences: ["Runners in the U.S. Army often report it.", "Few stop running."]),
        Case(name: "initials", text: "The study by J. R. Smith found it. Others agree.",
             sentences: ["The study by J. R. Smith found it.", "Others agree."]),
        Case(name: "decimal", text: "Landing carries 2.5 times body weight. Each step counts.",
             sentences: ["Landing carries 2.5 times body weight.", "Each step counts."]),
        Case(name: "decimal ending a sentence", text: "The ratio rose to 1.5. Then it fell.",
             sentences: ["The ratio rose to 1.5.", "Then it fell."]),
        Case(name: "ranges", text: "Do 10-15 reps of 2–3 sets. Rest 30–60 s between sets.",
             sentences: ["Do 10-15 reps of 2–3 sets.", "Rest 30–60 s between sets."]),
        Case(name: "curly quotes", text: "He said “stop running.” Then he left.",
             sentences: ["He said “stop running.”", "Then he left."]),
        Case(name: "straight quotes with a question", text: "She asked \"why?\" We laughed.",
             sentences: ["She asked \"why?\"", "We laughed."]),
        Case(name: "quoted word mid-sentence", text: "It is meant to \"fix\" tracking. It does not.",
             sentences: ["It is meant to \"fix\" tracking.", "It does not."]),
        Case(name: "periods inside brackets", text: "Rest (at least a week. Maybe two.) before running. Then start slowly.",
             sentences: ["Rest (at least a week. Maybe two.) before running.", "Then start slowly."]),
        Case(name: "a sentence in brackets", text: "It is low. (In fact, it is the lowest.) I thought so.",
             sentences: ["It is low.", "(In fact, it is the lowest.)", "I thought so."]),
        Case(name: "square brackets", text: "Squats help [1]. Lunges too [2].",
             sentences: ["Squats help [1].", "Lunges too [2]."]),
        Case(name: "citation marks after the stop", text: "Squats help.[1][12] Lunges too.[citation needed] Rest.[a] Then run.",
             sentences: ["Squats help.[1][12]", "Lunges too.[citation needed]", "Rest.[a]", "Then run."]),
        Case(name: "a bracket after the stop that is no citation mark", text: "Squats help.[See the video: part 2.] Then run.",
             sentences: ["Squats help.[See the video: part 2.]", "Then run."]),
        Case(name: "ellipsis character", text: "Nope… Then it got worse.",
             sentences: ["Nope…", "Then it got worse."]),
        Case(name: "three dots", text: "I waited... Then I ran.",
             sentences: ["I waited...", "Then I ran."]),
        Case(name: "ellipsis joining words", text: "Try everything…just rest. Then run.",
             sentences: ["Try everything…just rest.", "Then run."]),
        Case(name: "ellipsis before lower case", text: "It is a start… but slow.",
             sentences: ["It is a start… but slow."]),
        Case(name: "URL ending a sentence", text: "See https://www.example.com/knee. Then rest.",
             sentences: ["See https://www.example.com/knee.", "Then rest."]),
        Case(name: "domain ending a sentence", text: "Visit rvaphysicaltherapy.com. It helps.",
             sentences: ["Visit rvaphysicaltherapy.com.", "It helps."]),
        Case(name: "email ending a sentence", text: "Email info@rvaphysicaltherapy.com. Link to their website is here.",
             sentences: ["Email info@rvaphysicaltherapy.com.", "Link to their website is here."]),
        Case(name: "URL inside a sentence", text: "The site www.example.com is good. Yes.",
             sentences: ["The site www.example.com is good.", "Yes."]),
        Case(name: "question and exclamation", text: "Does it hurt? Yes! Rest now.",
             sentences: ["Does it hurt?", "Yes!", "Rest now."]),
        Case(name: "lower case after a period", text: "It was the 100K. however, I stopped.",
             sentences: ["It was the 100K. however, I stopped."]),
        Case(name: "no-break space after a period", text: "It was the 100K.\u{A0} However, I stopped.\u{A0} Then I rested.",
             sentences: ["It was the 100K.", "However, I stopped.", "Then I rested."]),
        Case(name: "no final period", text: "Repair hip alignment",
             sentences: ["Repair hip alignment"]),
        Case(name: "digits starting a sentence", text: "Rest for a week. 3 weeks is better.",
             sentences: ["Rest for a week.", "3 weeks is better."]),
    ]

    @Test("segmentation edge cases", arguments: cases)
    func split(_ c: Case) {
        #expect(Self.split(c.text) == c.sentences)
        // The same text read as a paragraph gives the same sentences.
        let ingested = Ingest.text(c.text + "\n", format: .text)
        if ingested.document?.blocks.first?.kind == .paragraph {
            #expect(ingested.sentences == c.sentences)
        }
    }

    static func split(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            SentenceSegmenter().split(buffer).map { String(decoding: bytes[$0], as: UTF8.self) }
        }
    }

    @Test("plain-text list items without a final period are sentences", arguments: ["•", "-", "*", "1.", "2)"])
    func listItems(_ marker: String) throws {
        let text = "What to fix\n\n\(marker) Repair hip alignment\n\(marker) Repair knee extension\n\(marker) Don’t simply rest and expect healing\n"
        let document = try Ingest.text(text, format: .text).requireDocument()
        #expect(document.blocks.map(\.kind) == [.heading, .listItem, .listItem, .listItem])
        #expect(document.sentences.map(\.text) == ["What to fix", "Repair hip alignment", "Repair knee extension", "Don’t simply rest and expect healing"])
        // The marker is not part of the item; the item starts right after it.
        #expect(document.sentences[1].range.line == 3)
        #expect(document.sentences[1].range.column == marker.unicodeScalars.count + 2)
    }

    @Test("plain-text checkbox and glyph items are list items; a short line above indented items heads them")
    func checkboxesAndListHeads() throws {
        let text = """
            EXERCISES

              Stage 1 - Holding still
                [ ] Wall sit, 5 x 45 seconds
                [x] Leg extension hold
              Stage 2 - Slow strength
                ☐ Leg press
                - [ ] Split squats
                ◦ Decline squat
            """
        let document = try Ingest.text(text, format: .text).requireDocument()
        #expect(document.blocks.map(\.kind) == [.heading, .heading, .listItem, .listItem, .heading, .listItem, .listItem, .listItem])
        #expect(document.blocks.map(\.text) == ["EXERCISES", "Stage 1 - Holding still", "Wall sit, 5 x 45 seconds", "Leg extension hold",
                                                "Stage 2 - Slow strength", "Leg press", "Split squats", "Decline squat"])
        #expect(document.blocks[5].headingPath == ["EXERCISES", "Stage 2 - Slow strength"])
        // The item starts after its box: "Split squats" at line 8, column 11 ("    - [ ] " is 10 characters).
        let split = try #require(document.sentences.first { $0.text == "Split squats" })
        #expect(split.range.line == 8 && split.range.column == 11)
        // A wrapped item's next line, lower-case, stays in the item.
        let wrapped = try Ingest.text("- Keep the knee over\n  the middle toes\n- Rest\n", format: .text).requireDocument()
        #expect(wrapped.blocks.map(\.kind) == [.listItem, .listItem])
        #expect(wrapped.blocks.first?.text == "Keep the knee over the middle toes")
    }

    @Test("text extracted from a PDF: a question or short line printed above its paragraph heads it; an out-dented line ends an indented item")
    func pdfTextHeadings() throws {
        let text = """
            What are the symptoms?
            Most people notice a dull ache around the kneecap. It is often worse when you:
              - go down stairs
              - sit for a long time with your knees bent (the
                "cinema sign")
            Some people also feel a clicking under the kneecap.

            Other treatments
            Your physiotherapist may also suggest taping the kneecap for a few weeks.
            """
        let document = try Ingest.text(text, format: .text).requireDocument()
        #expect(document.blocks.map(\.kind) == [.heading, .paragraph, .listItem, .listItem, .paragraph, .heading, .paragraph])
        #expect(document.blocks.map(\.text) == [
            "What are the symptoms?", "Most people notice a dull ache around the kneecap. It is often worse when you:", "go down stairs",
            "sit for a long time with your knees bent (the \"cinema sign\")", "Some people also feel a clicking under the kneecap.",
            "Other treatments", "Your physiotherapist may also suggest taping the kneecap for a few weeks.",
        ])
        #expect(document.blocks.first { $0.text.hasPrefix("Some people") }?.headingPath.last == "What are the symptoms?")
        #expect(document.blocks.last?.headingPath.last == "Other treatments")
        // A short first line that is a sentence, or a lower-case line after it, is no heading.
        let prose = try Ingest.text("Rest a few days.\nThen run again on the flat.\n\nKeep the knee\nwarm and moving.\n", format: .text).requireDocument()
        #expect(prose.blocks.map(\.kind) == [.paragraph, .paragraph])
    }

    @Test("Markdown list items without a final period are sentences")
    func markdownListItems() {
        let md = "- Ice the knee\n- Rest two days\n- [x] Done: see a physio\n\n1. Clamshells\n2. Side planks\n"
        let ingested = Ingest.text(md, format: .markdown)
        #expect(ingested.sentences == ["Ice the knee", "Rest two days", "Done: see a physio", "Clamshells", "Side planks"])
        #expect(ingested.document?.blocks.allSatisfy { $0.kind == .listItem } == true)
    }

    @Test("headings are sentences of their own, whatever their punctuation")
    func headings() throws {
        let md = "# Why does it hurt\n\n## Is it PFPS? Maybe\n\nBecause the hip is weak."
        let document = try Ingest.text(md, format: .markdown).requireDocument()
        #expect(document.sentences.map(\.text) == ["Why does it hurt", "Is it PFPS?", "Maybe", "Because the hip is weak."])
        #expect(document.blocks.map(\.kind) == [.heading, .heading, .paragraph])
        #expect(document.headingPath(of: document.sentences[3]) == ["Why does it hurt", "Is it PFPS? Maybe"])
    }

    @Test("plain-text headings: short lines without a final period, and question lines")
    func textHeadings() throws {
        let text = """
        Learn how to Repair Runner’s Knee

        Runner’s knee is common. It hurts.

        What Causes Runner’s Knee?

        Many things do.
        """
        let document = try Ingest.text(text, format: .text).requireDocument()
        #expect(document.blocks.map(\.kind) == [.heading, .paragraph, .heading, .paragraph])
        #expect(document.blocks.map(\.level) == [1, 0, 2, 0])
        #expect(document.metadata.title == "Learn how to Repair Runner’s Knee")
        #expect(document.headingPath(of: document.sentences.last!) == ["Learn how to Repair Runner’s Knee", "What Causes Runner’s Knee?"])
    }

    @Test("a run-on sentence is cut before its word 251, whatever stops the reading on the way (abbreviations, dashes, ?, …)")
    func wordCapAcrossStops() {
        // One word each: "w7", "Dr.", "–", "really?", "so…", "(x)"; none ends the sentence (a lower-case word follows).
        let words = (1...600).map { k in
            k % 10 == 3 ? "–" : k % 10 == 5 ? "Dr." : k % 10 == 7 ? "really?" : k % 20 == 9 ? "so…" : k % 30 == 1 ? "(x)" : "w\(k)"
        }
        let pieces = Self.split(words.joined(separator: " "))
        #expect(pieces == [words[0..<250], words[250..<500], words[500...]].map { $0.joined(separator: " ") })
    }

    @Test("a run-on block is cut into pieces of bounded size at spaces")
    func longRunOn() {
        let text = Array(repeating: "word", count: 5_000).joined(separator: " ")
        let sentences = Self.split(text)
        #expect(sentences.count > 1)
        #expect(sentences.allSatisfy { $0.utf8.count <= SentenceSegmenter().maxSentenceBytes + 8 })
        #expect(sentences.joined(separator: " ") == text)
    }
}
