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

    @Option(help: ArgumentHelp("Only the code points START..END, end exclusive (START-END, as citation ids write spans, works too).", valueName: "start..end"))
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
            // A slice is printed as a line, as `echo` would: with a final newline.
            output = text.slice(range)
            if !output.hasSuffix("\n") { output += "\n" }
        }
        // The whole text exactly as stored for pipes; a terminal gets a final newline so the prompt
        // starts on its own line.
        if Terminal.stdoutIsTerminal, !output.hasSuffix("\n") { output += "\n" }
        Terminal.write(output)
    }
}
