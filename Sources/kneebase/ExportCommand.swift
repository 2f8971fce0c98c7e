import ArgumentParser
import Foundation
import KneeBase

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the knowledge base as claims JSON, graph JSON, JSON-LD, DOT or CSV.",
        discussion: """
        Examples:
          kneebase export --format claims-json > claims.json
          kneebase export --format dot | dot -Tsvg > graph.svg
          kneebase export --format csv --output-dir graph-csv
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case claimsJSON = "claims-json", graphJSON = "graph-json", jsonld, dot, csv
    }

    @Option(help: "One of: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: Format = .claimsJSON

    @Option(help: "For csv: the folder to write nodes.csv and edges.csv into (default: the current folder).")
    var outputDir: String?

    @OptionGroup var kb: KnowledgeBaseOptions

    func validate() throws {
        if outputDir != nil && format != .csv {
            throw ValidationError("--output-dir is for --format csv; \(format.rawValue) is printed to standard output (redirect it: > file)")
        }
    }

    func run() throws {
        let reader = try kb.open()
        let exporter = GraphExporter(entities: try reader.entities(), claims: try reader.claims())
        switch format {
        case .claimsJSON: FileHandle.standardOutput.write(Data(exporter.claimsJSON() + [0x0A]))
        case .graphJSON: FileHandle.standardOutput.write(Data(exporter.graphJSON() + [0x0A]))
        case .jsonld: FileHandle.standardOutput.write(Data(exporter.jsonLD() + [0x0A]))
        case .dot: print(exporter.dot(), terminator: "")
        case .csv:
            let files = exporter.csv()
            let folder = outputDir ?? "."
            let dir = URL(fileURLWithPath: folder)
            do {
                try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
                try files.nodes.write(to: dir.appendingPathComponent("nodes.csv"), atomically: true, encoding: .utf8)
                try files.edges.write(to: dir.appendingPathComponent("edges.csv"), atomically: true, encoding: .utf8)
            } catch {
                Terminal.printError("error: cannot write the CSV files into '\(folder)': \(Terminal.reason(error))")
                throw ExitCode(1)
            }
            print("Wrote \(folder)/nodes.csv and \(folder)/edges.csv")
        }
    }
}
