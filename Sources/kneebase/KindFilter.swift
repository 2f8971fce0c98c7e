import ArgumentParser
import KneeBase

/// The value of `--kind`: one result kind or several joined by commas (`symptom,cause`), as
/// the query's own `kind:` filter takes them.
struct KindFilter: ExpressibleByArgument {
    var kinds: [ResultKind]

    init?(argument: String) {
        let parts = argument.split(whereSeparator: { $0 == "," || $0 == "|" })
        let kinds = parts.compactMap { ResultKind(rawValue: $0.lowercased()) }
        guard !kinds.isEmpty, kinds.count == parts.count else { return nil }
        self.kinds = kinds
    }

    static var allValueStrings: [String] { ResultKind.allCases.map(\.rawValue) }
}
