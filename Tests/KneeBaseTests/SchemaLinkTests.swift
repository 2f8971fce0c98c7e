import Testing
@testable import KneeBase

/// Which schema.org property carries each relation, on which node.
@Suite("schema.org links")
struct SchemaLinkTests {
    func links(_ e: Entity, out: [Relation: [String]] = [:], in incoming: [Relation: [String]] = [:]) -> [String: SchemaLink] {
        let list = SchemaLink.links(of: e, outgoing: { out[$0] ?? [] }, incoming: { incoming[$0] ?? [] })
        return Dictionary(list.map { ($0.property, $0) }, uniquingKeysWith: { a, _ in a })
    }

    @Test("a condition lists its symptoms, causes and treatments; differentials are wrapped")
    func condition() {
        let c = Entity(id: "pfps", kind: .condition, name: "patellofemoral pain syndrome")
        let l = links(c, out: [.symptom: ["knee-pain"], .treatment: ["clamshell", "clamshell"], .differential: ["itbs"], .notRecommended: ["rest"]],
                      in: [.notRecommended: ["x"]])
        #expect(l["signOrSymptom"]?.ids == ["knee-pain"])
        #expect(l["possibleTreatment"]?.ids == ["clamshell"])
        #expect(l["differentialDiagnosis"]?.value == .differentials)
        #expect(l["contraindication"] == nil)
        #expect(l.count == 3)
    }

    @Test("a therapy carries its contraindications, an exercise contraindication guidelines; an exercise's anatomy is associatedAnatomy, a therapy's bodyLocation is text")
    func treatment() {
        let exercise = Entity(id: "clamshell", kind: .treatment, name: "clamshell", subtype: "exercise")
        let e = links(exercise, out: [.targets: ["gluteus-medius"]], in: [.notRecommended: ["pfps"]])
        // schema.org gives `contraindication` to therapies and devices only.
        #expect(e["contraindication"] == nil)
        #expect(e["guideline"]?.ids == ["pfps"] && e["guideline"]?.value == .contraindicationGuidelines)
        #expect(e["associatedAnatomy"]?.ids == ["gluteus-medius"] && e["associatedAnatomy"]?.value == .nodes)
        #expect(e["bodyLocation"] == nil)
        let taping = Entity(id: "taping", kind: .treatment, name: "taping", subtype: "therapy")
        let t = links(taping, out: [.targets: ["patella"]], in: [.notRecommended: ["pfps"]])
        #expect(t["bodyLocation"]?.value == .names && t["bodyLocation"]?.ids == ["patella"])
        #expect(t["contraindication"]?.ids == ["pfps"] && t["guideline"] == nil)
    }

    @Test("a cause names what it causes; a risk factor what it makes likelier; leads_to counts as causing")
    func cause() {
        let cause = Entity(id: "overuse", kind: .cause, name: "overuse")
        #expect(links(cause, out: [.leadsTo: ["itbs"]], in: [.cause: ["pfps"]])["causeOf"]?.ids == ["pfps", "itbs"])
        let risk = Entity(id: "weak-hips", kind: .cause, name: "weak hips", subtype: "risk-factor")
        #expect(links(risk, in: [.riskFactor: ["pfps"]])["increasesRiskOf"]?.ids == ["pfps"])
    }

    @Test("written as JSON-LD: nodes with id, type, name and page; names as text")
    func written() throws {
        var w = JSONWriter()
        w.beginObject()
        SchemaLink(property: "possibleTreatment", ids: ["a", "b"], value: .nodes).write(to: &w, limit: 1) {
            SchemaLink.Node(id: "#" + $0, type: "MedicalTherapy", name: $0.uppercased(), url: "../t/\($0).html")
        }
        SchemaLink(property: "bodyLocation", ids: ["p"], value: .names).write(to: &w) { SchemaLink.Node(id: "#" + $0, name: "patella") }
        SchemaLink(property: "guideline", ids: ["c"], value: .contraindicationGuidelines).write(to: &w) {
            SchemaLink.Node(id: "#" + $0, type: "MedicalCondition", name: "pfps")
        }
        w.endObject()
        #expect(String(decoding: w.bytes, as: UTF8.self)
            == ##"{"possibleTreatment":[{"@id":"#a","@type":"MedicalTherapy","name":"A","url":"../t/a.html"}],"bodyLocation":["patella"],"##
            + ##""guideline":[{"@type":"MedicalGuidelineContraindication","guidelineSubject":{"@id":"#c","@type":"MedicalCondition","name":"pfps"}}]}"##)
    }
}
