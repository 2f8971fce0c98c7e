/// Which schema.org property carries each kind of claim on an entity's JSON-LD node, for
/// the site's entity pages and `graph.jsonld` alike. A property sits on the node whose
/// type schema.org gives it to: a condition lists its symptoms, causes and treatments; a
/// therapy its contraindications (the conditions it is advised against for, DESIGN.md's
/// "contraindication of the therapy") and the anatomy it works on — an exercise, which
/// schema.org gives no `contraindication`, a contraindication guideline per condition; a
/// cause the conditions it causes or makes likelier; a structure the conditions that
/// involve it.
public struct SchemaLink: Sendable, Equatable {
    /// How the related entities are written.
    public enum Value: Sendable, Equatable {
        /// Entity nodes (`@id`, `@type`, `name`).
        case nodes
        /// Their names as text (the property's range is Text, as `bodyLocation`'s).
        case names
        /// Entity nodes wrapped in `DDxElement`s (`differentialDiagnosis`).
        case differentials
        /// Entity nodes wrapped in `MedicalGuidelineContraindication`s, as their
        /// `guidelineSubject` (an exercise's `guideline`).
        case contraindicationGuidelines

        /// The type and property of the object each node is wrapped in, if any.
        var wrapper: (type: String, property: String)? {
            switch self {
            case .nodes, .names: nil
            case .differentials: ("DDxElement", "diagnosis")
            case .contraindicationGuidelines: ("MedicalGuidelineContraindication", "guidelineSubject")
            }
        }
    }

    public var property: String
    /// The related entities' ids, in the order given by the caller.
    public var ids: [String]
    public var value: Value

    /// The links of `e`, given the objects of its claims of a relation (`outgoing`) and the
    /// subjects of the claims of a relation that have `e` as object (`incoming`). Links
    /// with no ids are left out.
    public static func links(of e: Entity, outgoing: (Relation) -> [String], incoming: (Relation) -> [String]) -> [SchemaLink] {
        var list: [SchemaLink] = []
        func add(_ property: String, _ ids: [String], _ value: Value = .nodes) {
            var seen = Set<String>()
            let distinct = ids.filter { seen.insert($0).inserted }
            if !distinct.isEmpty { list.append(SchemaLink(property: property, ids: distinct, value: value)) }
        }
        switch e.kind {
        case .condition, .symptom:
            // MedicalSignOrSymptom is a MedicalCondition: both take the condition's properties.
            add("signOrSymptom", outgoing(.symptom))
            add("cause", outgoing(.cause))
            add("riskFactor", outgoing(.riskFactor))
            add("possibleTreatment", outgoing(.treatment))
            add("possibleComplication", outgoing(.complication))
            add("differentialDiagnosis", outgoing(.differential), .differentials)
            add("associatedAnatomy", outgoing(.involves))
        case .cause:
            let conditions = incoming(.cause) + incoming(.riskFactor) + outgoing(.leadsTo)
            add(e.schemaType == "MedicalRiskFactor" ? "increasesRiskOf" : "causeOf", conditions)
        case .treatment:
            // An exercise plan is a physical activity: advice against it is a guideline, its
            // anatomy `associatedAnatomy`; a therapy is a procedure, whose `bodyLocation` is text.
            if e.schemaType == "ExercisePlan" {
                add("guideline", incoming(.notRecommended), .contraindicationGuidelines)
                add("associatedAnatomy", outgoing(.targets))
            } else {
                add("contraindication", incoming(.notRecommended))
                add("bodyLocation", outgoing(.targets), .names)
            }
        case .anatomy:
            add("relatedCondition", incoming(.involves))
        }
        return list
    }

    /// How a related entity is written: its node id, and its type, name and page when known.
    struct Node {
        var id: String
        var type: String?
        var name: String
        var url: String?
    }

    /// Writes the link as a JSON-LD property with at most `limit` values.
    func write(to w: inout JSONWriter, limit: Int = .max, node: (String) -> Node) {
        w.key(property)
        w.beginArray()
        for id in ids.prefix(limit) {
            let n = node(id)
            if value == .names {
                w.string(n.name)
                continue
            }
            w.beginObject()
            if let wrapper = value.wrapper {
                w.key("@type"); w.string(wrapper.type)
                w.key(wrapper.property)
                w.beginObject()
            }
            w.key("@id"); w.string(n.id)
            if let type = n.type { w.key("@type"); w.string(type) }
            w.key("name"); w.string(n.name)
            if let url = n.url { w.key("url"); w.string(url) }
            if value.wrapper != nil { w.endObject() }
            w.endObject()
        }
        w.endArray()
    }
}
