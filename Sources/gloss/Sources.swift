import ArgumentParser
import GlossStore

struct Sources: GlossCommand {
    static let configuration = CommandConfiguration(commandName: "sources", abstract: "List the sources of the workspace.")

    @OptionGroup var workspace: WorkspaceOptions

    @Option(help: "text for people, json for scripts.")
    var format: OutputFormat = .text

    func execute() throws {
        let sources = try SourceStore(workspace.open()).all()
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
    }
}
