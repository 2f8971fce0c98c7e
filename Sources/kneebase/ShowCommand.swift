import ArgumentParser
import Foundation
import KneeBase

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show an entity card: kind, aliases, description and its relations with their sources.",
        discussion: """
        ENTITY is an id, a name or an alias.

        Examples:
          kneebase show "runner's knee"
          kneebase show itbs --json
        """
    )

    @Argument(help: "The entity's id, name or alias.")
    var entity: String

    @Flag(help: "Print the card as JSON: {\"entity\": {\"id\", \"kind\", \"name\", \"aliases\", \"description\", …}, \"claims\": [as export --format claims-json]}.")
    var json = false

    @OptionGroup var kb: KnowledgeBaseOptions

    func run() throws {
        let reader = try kb.open()
        guard let e = try reader.resolve(entity) else {
            Terminal.printError(EntitySuggestions.notFound(entity, reader))
            throw ExitCode(1)
        }
        let entities = Dictionary(try reader.entities().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let claims = try reader.claims(involving: e.id)
        if json {
            let exporter = GraphExporter(entities: Array(entities.values), claims: claims)
            FileHandle.standardOutput.write(Data(exporter.entityJSON(e) + [0x0A]))
            return
        }
        let scores = try reader.qualityScores()
        let dominance = SourceDominance.find(claims) { scores[$0] }
        print(EntityCard(entity: e, claims: claims, entities: entities, note: dominance.map { $0.sentence(title: $0.source) },
                         count: SourceCount(reader)).render())
    }
}
