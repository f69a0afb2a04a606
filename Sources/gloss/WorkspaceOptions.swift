import ArgumentParser
import GlossStore

/// `--workspace PATH`, shared by every command that works inside a workspace.
struct WorkspaceOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The workspace folder (default: $GLOSS_WORKSPACE, or the current folder or its nearest parent with sources/ and annotations/).", valueName: "path"))
    var workspace: String?

    /// The workspace to work in, with whatever a killed process left half-written undone first.
    func open() throws -> Workspace {
        let found = try Workspace.discover(explicit: workspace)
        try found.undoInterruptedWrites()
        return found
    }
}

/// `--format` for commands that print either for people or for scripts.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
