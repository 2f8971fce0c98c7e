/// The values every page template gets: where the site root is, the title, the
/// navigation. Page builders add their own keys to it.
enum PageContext {
    /// Sections of the main navigation: (key, label, path from the root).
    static let navigation: [(key: String, label: String, path: String)] = [
        ("home", "Home", "index.html"),
        ("condition", "Conditions", "conditions/index.html"),
        ("symptom", "Symptoms", "symptoms/index.html"),
        ("cause", "Causes", "causes/index.html"),
        ("treatment", "Treatments", "treatments/index.html"),
        ("anatomy", "Anatomy", "anatomy/index.html"),
        ("source", "Sources", "sources/index.html"),
        ("graph", "Graph", "graph/index.html"),
        ("audit", "Audit", "audit/index.html"),
        ("search", "Search", "search/index.html"),
    ]

    /// The shared keys: `root` ("" or "../"), `pageTitle`, `description`, `nav`, `sourceCount`.
    static func common(_ model: SiteModel, root: String, title: String, description: String, section: String) -> [String: Any] {
        [
            "root": root,
            "pageTitle": title,
            "description": description,
            "sourceCount": model.graph.documents.count,
            "nav": navigation.map { item -> [String: Any] in
                ["href": root + item.path, "label": item.label, "current": item.key == section]
            },
            "jsonLD": false,
        ]
    }
}

extension EntityKind {
    /// Title of the kind's index page.
    var title: String {
        switch self {
        case .condition: "Conditions"
        case .symptom: "Symptoms"
        case .cause: "Causes and risk factors"
        case .treatment: "Treatments"
        case .anatomy: "Anatomy"
        }
    }

    /// Singular label, capitalised.
    var label: String {
        switch self {
        case .condition: "Condition"
        case .symptom: "Symptom"
        case .cause: "Cause"
        case .treatment: "Treatment"
        case .anatomy: "Anatomy"
        }
    }

    /// One sentence on what the kind holds.
    var blurb: String {
        switch self {
        case .condition: "Knee problems runners get, each with its symptoms, causes and treatments."
        case .symptom: "What people feel and notice, and the conditions it points to."
        case .cause: "What brings knee pain on: training errors, biomechanics, risk factors."
        case .treatment: "Exercises, stretches, therapies, devices and self-care — and what is advised against."
        case .anatomy: "Bones, muscles, tendons and joints around the knee."
        }
    }
}

/// Small text helpers for pages.
enum Text {
    /// "1 source", "3 sources".
    static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(grouped(n)) \(n == 1 ? singular : plural ?? singular + "s")"
    }

    /// 0.123 → "12%".
    static func percent(_ x: Double) -> String { "\(Int((x * 100).rounded()))%" }

    /// 12345 → "12,345".
    static func grouped(_ n: Int) -> String {
        let s = String(n.magnitude)
        var out = ""
        for (i, ch) in s.enumerated() {
            if i > 0 && (s.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// At most `max` characters, cut at a word and ended with "…".
    static func truncated(_ s: String, _ max: Int) -> String {
        guard s.count > max else { return s }
        let cut = s.prefix(max)
        let end = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return end.trimmingCharacters(in: ",;:.") + "…"
    }
}

/// A template value that is `false` when absent or empty, so `{{#key}}` skips it: never
/// nil (which would let Mustache look the key up in an outer context) and never "".
func orFalse(_ value: String?) -> Any {
    if let value, !value.isEmpty { return value }
    return false
}

extension Relation {
    /// The id of the relation's section on an entity page (`risk-factor`, `not-recommended`, …).
    var anchor: String {
        switch self {
        case .riskFactor: "risk-factor"
        case .notRecommended: "not-recommended"
        case .leadsTo: "leads-to"
        default: rawValue
        }
    }
}
