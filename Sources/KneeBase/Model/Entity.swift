/// The kinds of things the knowledge graph is about.
public enum EntityKind: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case condition, symptom, cause, treatment, anatomy

    /// "kind · subtype" for a terminal label, the subtype left out when it repeats the kind
    /// ("cause · cause") or says nothing ("anatomy · other").
    public func label(subtype: String?) -> String {
        guard let subtype = shown(subtype: subtype) else { return rawValue }
        return "\(rawValue) · \(subtype)"
    }

    /// `subtype` when it says something beside the kind: nil for none, "other" or the kind's own name.
    public func shown(subtype: String?) -> String? {
        guard let subtype, !subtype.isEmpty, subtype != rawValue, subtype != "other" else { return nil }
        return subtype
    }

    /// What an entity's lexicon parents are to it: a structure is part of its parent (the
    /// vastus medialis of the quadriceps), anything else a kind of it (a clamshell of exercise).
    public var parentLabel: String { self == .anatomy ? "Part of" : "A kind of" }

    /// What the entities naming it as their parent are to it: its parts, or narrower kinds.
    public var childrenLabel: String { self == .anatomy ? "Parts" : "Narrower" }

    /// The schema.org type used in JSON-LD for an entity of this kind.
    public var schemaType: String {
        switch self {
        case .condition: "MedicalCondition"
        case .symptom: "MedicalSignOrSymptom"
        case .cause: "MedicalCause"
        case .treatment: "MedicalTherapy"
        case .anatomy: "AnatomicalStructure"
        }
    }

    /// The plural used for file names and page titles.
    public var plural: String {
        switch self {
        case .condition: "conditions"
        case .symptom: "symptoms"
        case .cause: "causes"
        case .treatment: "treatments"
        case .anatomy: "anatomy"
        }
    }

    private var order: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (a: EntityKind, b: EntityKind) -> Bool { a.order < b.order }
}

/// A node of the graph: a curated lexicon entry, or one discovered in the text.
public struct Entity: Sendable, Hashable, Codable {
    /// Stable slug, e.g. `patellofemoral-pain-syndrome`.
    public var id: String
    public var kind: EntityKind
    public var name: String
    public var aliases: [String]
    public var description: String
    /// Broader entities (`vastus-medialis` → `quadriceps`).
    public var parents: [String]
    /// For exercises and stretches: the anatomy they work on.
    public var targets: [String]
    /// Finer type: exercise, stretch, drug, muscle, risk-factor, …
    public var subtype: String?
    /// True when found in the text but absent from the lexicon.
    public var discovered: Bool

    public init(id: String, kind: EntityKind, name: String, aliases: [String] = [], description: String = "",
                parents: [String] = [], targets: [String] = [], subtype: String? = nil, discovered: Bool = false) {
        self.id = id
        self.kind = kind
        self.name = name
        self.aliases = aliases
        self.description = description
        self.parents = parents
        self.targets = targets
        self.subtype = subtype
        self.discovered = discovered
    }

    /// The schema.org type of this entity (refines the kind's by subtype).
    public var schemaType: String {
        switch (kind, subtype) {
        case (.cause, "risk-factor"): "MedicalRiskFactor"
        case (.treatment, "exercise"), (.treatment, "stretch"): "ExercisePlan"
        case (.treatment, "drug"): "Drug"
        case (.treatment, "therapy"): "PhysicalTherapy"
        case (.anatomy, "muscle"): "Muscle"
        default: kind.schemaType
        }
    }
}
