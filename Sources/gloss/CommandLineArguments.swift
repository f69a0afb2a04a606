import ArgumentParser

/// The command line as gloss reads it, before ArgumentParser parses it: the subcommand path is
/// checked (a mistyped name gets one line with a "did you mean"), and `--workspace PATH` given
/// before the subcommand (`gloss --workspace X sources`) is moved after it, where the subcommand
/// reads it.
struct CommandLineArguments {
    /// The arguments to parse.
    var arguments: [String]
    /// The subcommand names, `["claim", "add"]`, for messages.
    var path: [String]

    /// A subcommand name that names none.
    struct UnknownCommand: Error, CustomStringConvertible {
        var path: [String]
        var name: String
        var suggestion: String?

        var description: String {
            let parent = (["gloss"] + path).joined(separator: " ")
            if let suggestion { return "unknown command '\(parent) \(name)'; did you mean '\(parent) \(suggestion)'?" }
            return "unknown command '\(parent) \(name)'; see '\(parent) --help' for the commands"
        }
    }

    /// Checks and rearranges `arguments` (without the program name) for the command `root`.
    init(_ arguments: [String], root: any ParsableCommand.Type) throws(UnknownCommand) {
        var rest = arguments[...]
        var moved: [String] = []
        var head: [String] = []
        var command = root
        path = []
        var helpPath = false
        while let token = rest.first {
            if token == "--workspace", rest.count > 1, !command.configuration.subcommands.isEmpty {
                moved += rest.prefix(2)
                rest = rest.dropFirst(2)
                continue
            }
            if token.hasPrefix("--workspace="), !command.configuration.subcommands.isEmpty {
                moved.append(token)
                rest = rest.dropFirst()
                continue
            }
            let subcommands = command.configuration.subcommands
            guard !token.hasPrefix("-"), !subcommands.isEmpty, command.configuration.defaultSubcommand == nil else { break }
            // `gloss help claim add`: the names after `help` are checked the same way.
            if path.isEmpty, !helpPath, token == "help" {
                helpPath = true
                head.append(token)
                rest = rest.dropFirst()
                continue
            }
            let names = subcommands.map(Self.name)
            guard let index = names.firstIndex(of: token) else {
                throw UnknownCommand(path: path, name: token, suggestion: Suggestion.closest(to: token, among: names))
            }
            command = subcommands[index]
            path.append(token)
            head.append(token)
            rest = rest.dropFirst()
        }
        self.arguments = head + moved + rest
    }

    /// The name a subcommand is called by.
    static func name(_ command: any ParsableCommand.Type) -> String {
        command.configuration.commandName ?? command._commandName
    }
}
