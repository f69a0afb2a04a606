import ArgumentParser
import GlossFormats

@main
struct Gloss: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gloss",
        abstract: "Find, link and check the citations of scholarly texts.",
        discussion: """
        A workspace is a folder with sources/ and annotations/; gloss finds it like git finds .git.
        Offsets are Unicode code points into the stored text, end exclusive.
        """,
        version: "gloss 0.1.0 (libxml2 \(XMLLibrary.version))",
        subcommands: [Init.self, Add.self, Remove.self, Sources.self, Show.self, Cites.self, Refs.self, ClaimCommand.self, Bib.self, Link.self, Unlink.self, Cite.self, Meta.self, Check.self, Export.self, Report.self, Serve.self]
    )

    /// Parses and runs the command line; a wrong call is one line on stderr with status 64.
    static func main() async {
        var path: [String] = []
        do {
            let prepared = try CommandLineArguments(Array(CommandLine.arguments.dropFirst()), root: self)
            path = prepared.path
            var command = try parseAsRoot(prepared.arguments)
            // `gloss serve` runs asynchronously; every other command is synchronous.
            if var asynchronous = command as? any AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch let error as CommandLineArguments.UnknownCommand {
            Terminal.error(error.description)
            exit(withError: ExitCode.validationFailure)
        } catch {
            // Help, --version and the exit status of a command that reported its own error pass
            // through; ArgumentParser's usage errors become one line naming the help to read.
            if exitCode(for: error) == .validationFailure, !(error is ExitCode) {
                let command = (["gloss"] + path).joined(separator: " ")
                Terminal.error("\(message(for: error)) (see '\(command) --help')")
                exit(withError: ExitCode.validationFailure)
            }
            exit(withError: error)
        }
    }
}
