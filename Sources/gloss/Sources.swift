import ArgumentParser
import GlossCore
import GlossStore

struct Sources: GlossCommand {
    static let configuration = CommandConfiguration(commandName: "sources", abstract: "List the sources of the workspace.")

    @OptionGroup var workspace: WorkspaceOptions

    @Option(help: "text for people, json for scripts.")
    var format: OutputFormat = .text

    func execute() throws {
        let survey = try SourceStore(workspace.open()).survey()
        let sources = survey.sources
        switch format {
        case .json:
            Terminal.write(String(decoding: try StoredJSON.encode(sources), as: UTF8.self))
        case .text:
            let rows = sources.map { source in
                [source.id.rawValue, "r\(source.revision)", source.languages.joined(separator: ","),
                 String(source.length), source.title ?? "—"]
            }
            Terminal.write(TextTable.render(header: ["ID", "REV", "LANG", "LENGTH", "TITLE"], rows: rows))
        }
        // A source hidden by a broken or missing sidecar is said, not silently left out.
        for problem in survey.problems { Terminal.error(problem.message) }
        if !survey.problems.isEmpty { throw ExitCode(Self.exitStatus(.data)) }
    }
}
