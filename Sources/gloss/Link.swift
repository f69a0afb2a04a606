import ArgumentParser
import GlossStore

struct Link: GlossCommand {
    static let configuration = CommandConfiguration(
        commandName: "link",
        abstract: "Link a citation to a library record by hand; the link wins over automatic resolution.")

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: ArgumentHelp("The citation, as 'gloss cites' names it.", valueName: "source:start-end"))
    var citation: String

    @Argument(help: ArgumentHelp("The record's key, as 'gloss bib list' shows it.", valueName: "record"))
    var record: String

    func execute() throws {
        let (id, change) = try CitationDecisions(workspace.open()).link(citation, to: record)
        switch change {
        case .added: Terminal.write("\(id): linked to \(record)\n")
        case let .replaced(previous): Terminal.write("\(id): linked to \(record) (was \(previous.map { "linked to \($0)" } ?? "rejected"))\n")
        case .unchanged: Terminal.write("\(id): already linked to \(record)\n")
        }
    }
}

struct Unlink: GlossCommand {
    static let configuration = CommandConfiguration(
        commandName: "unlink",
        abstract: "Remove a citation's manual link; automatic resolution applies again.")

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: ArgumentHelp("The citation, as 'gloss cites' names it.", valueName: "source:start-end"))
    var citation: String

    func execute() throws {
        let (id, record) = try CitationDecisions(workspace.open()).unlink(citation)
        Terminal.write("\(id): link to \(record) removed\n")
    }
}
