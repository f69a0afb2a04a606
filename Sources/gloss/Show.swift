import ArgumentParser
import GlossCore
import GlossStore

struct Show: GlossCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print the text of a source, or a span of it (code-point offsets, end exclusive).")

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "The source id.")
    var id: String

    @Option(help: ArgumentHelp("Only the code points START..END (end exclusive).", valueName: "start..end"))
    var span: String?

    @Option(help: "An earlier revision (default: the current one).")
    var revision: Int?

    func execute() throws {
        let store = SourceStore(try workspace.open())
        let text = SourceText(try store.text(of: store.id(named: id), revision: revision))
        var output = text.string
        if let span {
            let range = try TextSpan(parsing: span)
            try text.validate(range)
            output = text.slice(range)
        }
        // Exact text for pipes; a terminal gets a final newline so the prompt starts on its own line.
        if Terminal.stdoutIsTerminal, !output.hasSuffix("\n") { output += "\n" }
        Terminal.write(output)
    }
}
