import ArgumentParser
import GlossStore

/// `--workspace PATH`, shared by every command that works inside a workspace.
struct WorkspaceOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The workspace folder (default: $GLOSS_WORKSPACE, or the current folder or its nearest parent with sources/ and annotations/).", valueName: "path"))
    var workspace: String?

    /// The workspace to work in.
    func open() throws -> Workspace {
        try Workspace.discover(explicit: workspace)
    }
}

/// `--format` for commands that print either for people or for scripts.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
