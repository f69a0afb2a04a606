import ArgumentParser
import GlossCore
import GlossStore

struct ClaimShow: GlossCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one claim: its span, quote, tags, note and citations.")

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "The claim id.")
    var claim: String

    @Option(help: "text for people, json for scripts.")
    var format: OutputFormat = .text

    func execute() throws {
        let opened = try workspace.open()
        let found = try ClaimStore(opened).claim(claim)
        switch format {
        case .json:
            Terminal.write(String(decoding: try StoredJSON.encode(found), as: UTF8.self))
        case .text:
            let text = SourceText(try SourceStore(opened).text(of: found.source))
            let line = found.position.end <= text.scalarCount ? text.lineColumn(ofScalar: found.position.start).line : nil
            Terminal.write(ClaimText.details(found, line: line) { citation in
                citation.source == found.source && citation.span.end <= text.scalarCount ? text.slice(citation.span) : nil
            })
        }
    }
}
