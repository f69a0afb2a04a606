import ArgumentParser
import Foundation
import GlossStore

struct Init: GlossCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Make a folder a Gloss workspace (creates sources/ and annotations/, and a .gitignore for .gloss-cache/).")

    @Argument(help: "The folder (default: the current folder).")
    var path: String?

    func execute() throws {
        let (workspace, created) = try Workspace.create(at: URL(fileURLWithPath: path ?? "."))
        Terminal.write(created
            ? "Initialised a Gloss workspace in \(workspace.root.path)\n"
            : "\(workspace.root.path) already is a Gloss workspace\n")
    }
}
