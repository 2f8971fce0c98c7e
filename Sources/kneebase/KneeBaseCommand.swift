import ArgumentParser

struct KneeBaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kneebase",
        abstract: "Compile articles about runner's knee into an evidence-linked knowledge base.",
        discussion: """
        Every fact points back to the exact sentence of the source that said it.

        Examples:
          kneebase build                      compile content/ into public/
          kneebase check --json               list the content's problems as JSON
        """,
        version: "kneebase 0.13.0",
        subcommands: [BuildCommand.self, ServeCommand.self, CheckCommand.self, ShowCommand.self, ExportCommand.self, ExplainCommand.self, AuditCommand.self, SearchCommand.self, ConditionsCommand.self, WhyCommand.self]
    )
}
