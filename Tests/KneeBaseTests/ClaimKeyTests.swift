import Testing
@testable import KneeBase

/// `ClaimKey.split` cuts at the first two separators only, and gives back a key it cannot cut whole.
@Suite("Claim keys")
struct ClaimKeyTests {
    @Test func splitsAtTheFirstTwoSeparators() {
        let parts = ClaimKey.split("itbs|treated_by|foam|roller")
        #expect(parts.subject == "itbs")
        #expect(parts.relation == "treated_by")
        #expect(parts.object == "foam|roller")
    }

    @Test func keepsEmptyParts() {
        let parts = ClaimKey.split("|causes|")
        #expect(parts.subject == "")
        #expect(parts.relation == "causes")
        #expect(parts.object == "")
    }

    @Test func keyWithoutTwoSeparatorsStaysWhole() {
        for key in ["itbs", "itbs|causes", "genou › douleur|x"] {
            let parts = ClaimKey.split(key)
            #expect(parts.subject == key)
            #expect(parts.relation == "" && parts.object == "")
            #expect(ClaimKey.join(subject: parts.subject, relation: parts.relation, object: parts.object) == key)
        }
    }

    @Test func nonASCIIPartsRoundTrip() {
        let key = "rodilla del corredor|causes|dolor › rótula"
        let parts = ClaimKey.split(key)
        #expect(parts.subject == "rodilla del corredor")
        #expect(parts.object == "dolor › rótula")
        #expect(ClaimKey.join(subject: parts.subject, relation: parts.relation, object: parts.object) == key)
    }
}
