import ArgumentParser
import GlossStore

struct Remove: GlossCommand {
    static let configuration = CommandConfiguration(
        commandName: "rm",
        abstract: "Remove a source: every revision of its text, and its annotations.",
        discussion: "Refused while claims or manual links rest on the source, unless --force, which removes them too and says what it removed. Library records stay.")

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "The source id, as 'gloss sources' lists it.")
    var source: String

    @Flag(help: "Remove the source even though claims or links rest on it, and those with it.")
    var force = false

    func execute() throws {
        let removed = try SourceRemoval(try workspace.open()).remove(source, force: force)
        for claim in removed.claims { Terminal.note("removed claim \(claim)") }
        let counts = [(removed.claims.count, "claim"), (removed.links, "link"), (removed.manualCitations, "manual citation"),
                      (removed.rejections, "rejection")]
            .filter { $0.0 > 0 }.map { "\($0.0) \($0.1)\($0.0 == 1 ? "" : "s")" }
        let revisions = "\(removed.revisions) revision\(removed.revisions == 1 ? "" : "s")"
        Terminal.write("removed source '\(removed.source)' (\(([revisions] + counts).joined(separator: ", ")))\n")
    }
}
