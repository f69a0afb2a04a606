import ArgumentParser
import Foundation
import GlossFormats
import GlossStore

struct Report: GlossCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the reading view of sources as one self-contained HTML file.",
        discussion: """
        The text with every citation highlighted by standing (linked, stub, unresolved, ambiguous, \
        rejected), claims with their tags, and the findings of 'gloss check' beside their paragraphs; \
        a click on a citation shows its parsed items and the records it links to. No server and no \
        external files: send it to a co-author or attach it to a review.
        """)

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "Source ids (default: every source).")
    var ids: [String] = []

    @Option(name: .shortAndLong, help: ArgumentHelp("The HTML file to write (atomically).", valueName: "file"))
    var output: String

    func execute() throws {
        let (sources, _) = try ReadingLoader(workspace.open()).load(ids)
        let title = sources.count == 1 ? sources[0].metadata.title ?? sources[0].metadata.id.rawValue : "Gloss report"
        try AtomicFile.write(try HTMLReport.render(sources, title: title), to: URL(fileURLWithPath: output))
    }
}
