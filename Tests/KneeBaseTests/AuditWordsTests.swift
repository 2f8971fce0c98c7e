import Testing
@testable import KneeBase

/// The audit's word split (`AuditWords`): vocabulary numbers, apostrophes, accents, and the
/// copy fingerprint, against the words spelled out by hand.
@Suite("Audit · sentence words")
struct AuditWordsTests {
    /// FNV-1a over the words, each followed by a space: what `SourceIndependence` compares.
    static func fingerprint(_ words: [String]) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for w in words {
            for b in w.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
            h = (h ^ 0x20) &* 0x100_0000_01b3
        }
        return h
    }

    @Test("words the rules look for get their number; others get −1; case and apostrophes fold")
    func numbers() {
        let w = AuditWords("Don’t SIGN-up for the Clinic's newsletter")
        #expect(w.ids.count == 7)
        #expect(w.ids[0] == -1)  // "dont"
        #expect(w.ids[1] == AuditVocabulary.id("sign"))
        #expect(w.ids[2] == AuditVocabulary.id("up"))
        #expect(w.ids[1] >= 0 && w.ids[2] >= 0)
        #expect(w.ids[5] == -1)  // "clinics"
        #expect(w.ids[6] == AuditVocabulary.id("newsletter"))
        #expect(AuditVocabulary.id("isnt") >= 0)
        #expect(AuditVocabulary.id("kneecap") == -1)
    }

    @Test("the fingerprint of six words or more is the hash of the folded words; shorter sentences have none")
    func fingerprints() {
        let text = "Café owners’ KNEES don't hurt — 42 times, really!"
        let words = ["café", "owners", "knees", "dont", "hurt", "42", "times", "really"]
        #expect(AuditWords(text).ids.count == words.count)
        #expect(AuditWords(text).fingerprint == Self.fingerprint(words))
        #expect(AuditWords("ÉTUDE of five short words").fingerprint == nil)
        #expect(AuditWords("ÉTUDE of six short words here").fingerprint == Self.fingerprint(["étude", "of", "six", "short", "words", "here"]))
    }

    @Test("one-word swaps are undone through the numbers: a rewritten denial still triggers")
    func restoring() {
        let superb = AuditVocabulary.id("superb")
        let fine = AuditVocabulary.id("fine")
        #expect(superb >= 0 && fine >= 0)
        #expect(AuditVocabulary.restoring[Int(superb)] == fine)
        #expect(DenialScanner.triggerIDs[Int(superb)])
        #expect(!DenialScanner.triggerIDs[Int(AuditVocabulary.id("sign"))])
        #expect(RewriteSwaps.restoredWords(AuditWords("signal as much as now").ids) == AuditWords("sign up now").ids)
    }
}
