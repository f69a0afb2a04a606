import ArgumentParser
import GlossCore
import GlossStore

struct ClaimList: GlossCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List claims, of one source or all.")

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "A source id (default: all sources).")
    var id: String?

    @Option(help: "Only claims with this tag.")
    var tag: String?

    @Option(name: .customLong("cited-work"), help: ArgumentHelp("Only claims citing this work: a record key as 'gloss refs' shows it.", valueName: "record"))
    var citedWork: String?

    @Option(help: "Only claims with this status: anchored, moved, needs-review, orphaned.")
    var status: ClaimStatus?

    @Option(help: "text for people, json for scripts.")
    var format: OutputFormat = .text

    func execute() throws {
        let claims = try ClaimStore(try workspace.open()).list(source: id, tag: tag, citedWork: citedWork, status: status)
        switch format {
        case .json:
            Terminal.write(String(decoding: try StoredJSON.encode(claims), as: UTF8.self))
        case .text:
            if claims.isEmpty {
                Terminal.note("no claims")
            } else {
                Terminal.write(ClaimText.table(claims))
            }
        }
    }
}

extension ClaimStatus: ExpressibleByArgument {}
