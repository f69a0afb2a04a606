import ArgumentParser
import GlossCore
import GlossStore

struct Refs: GlossCommand {
    static let configuration = CommandConfiguration(
        commandName: "refs",
        abstract: "Show the records of sources with their provenance and the citations linked to them.",
        discussion: """
        Records come from each source's footnotes and reference list, the library, and stubs made \
        from author-date citations where a source has no reference list. --works groups the same \
        work cited in several sources into one.
        """)

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "Source ids (default: every source).")
    var ids: [String] = []

    @Option(help: "text for people, json for scripts.")
    var format: OutputFormat = .text

    @Flag(help: "List works across the sources, with the sources and locators citing them.")
    var works = false

    @OptionGroup var progressOptions: ProgressOptions

    func execute() throws {
        let progress = progressOptions.display("refs")
        let (loaded, library) = try ReferenceLoader(workspace.open()).load(ids, progress: progress.update)
        progress.clear()
        if works {
            let grouped = ReferenceLoader.works(loaded, library: library)
            switch format {
            case .json: Terminal.write(String(decoding: try StoredJSON.encode(grouped), as: UTF8.self))
            case .text: Terminal.write(RefsListing.render(works: grouped))
            }
        } else {
            let references = loaded.map(\.references)
            switch format {
            case .json: Terminal.write(String(decoding: try StoredJSON.encode(references), as: UTF8.self))
            case .text: Terminal.write(RefsListing.render(references))
            }
        }
    }
}
