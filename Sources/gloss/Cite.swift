import ArgumentParser
import GlossStore

struct Cite: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cite",
        abstract: "Decide about detected citations.",
        subcommands: [CiteReject.self, CiteAccept.self, CiteRestore.self])
}

struct CiteReject: GlossCommand {
    static let configuration = CommandConfiguration(
        commandName: "reject",
        abstract: "Mark a detection as not a citation; it is no longer linked or reported.")

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: ArgumentHelp("The citation, as 'gloss cites' names it.", valueName: "source:start-end"))
    var citation: String

    func execute() throws {
        let (id, change) = try CitationDecisions(workspace.open()).reject(citation)
        switch change {
        case .added: Terminal.write("\(id): rejected\n")
        case let .replaced(previous): Terminal.write("\(id): rejected (its link to \(previous ?? "?") is removed)\n")
        case .unchanged: Terminal.write("\(id): already rejected\n")
        }
    }
}

struct CiteAccept: GlossCommand {
    static let configuration = CommandConfiguration(
        commandName: "accept",
        abstract: "Take back a rejection: the detection is a citation after all.")

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: ArgumentHelp("The citation, as 'gloss cites' names it.", valueName: "source:start-end"))
    var citation: String

    func execute() throws {
        try Self.accept(citation, in: workspace)
    }

    /// Takes back the rejection of `citation` and says so (`cite accept` and `cite restore`).
    static func accept(_ citation: String, in workspace: WorkspaceOptions) throws {
        let (id, change) = try CitationDecisions(workspace.open()).accept(citation)
        Terminal.write(change == .unchanged ? "\(id): not rejected\n" : "\(id): accepted as a citation\n")
    }
}

/// `gloss cite restore`: the name issue 20 asked for, doing what `cite accept` does.
struct CiteRestore: GlossCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Take back a rejection (the same as 'cite accept').")

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: ArgumentHelp("The citation, as 'gloss cites' names it.", valueName: "source:start-end"))
    var citation: String

    func execute() throws {
        try CiteAccept.accept(citation, in: workspace)
    }
}
