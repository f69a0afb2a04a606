import ArgumentParser
import GlossStore

struct Meta: GlossCommand {
    static let configuration = CommandConfiguration(
        commandName: "meta",
        abstract: "Edit a source's title, authors, year or languages; the text is not touched.")

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "The source id.")
    var source: String

    @Option(help: "The new title.")
    var title: String?

    @Option(name: .customLong("author"), help: "An author; repeat for several (replaces the list).")
    var authors: [String] = []

    @Option(help: "The year of publication.")
    var year: Int?

    @Option(name: .customLong("lang"), help: "A BCP 47 language tag; repeat for several (replaces the list).")
    var languages: [String] = []

    func validate() throws {
        guard title != nil || !authors.isEmpty || year != nil || !languages.isEmpty else {
            throw ValidationError("give at least one of --title, --author, --year, --lang")
        }
    }

    func execute() throws {
        let store = SourceStore(try workspace.open())
        let metadata = try store.editDetails(try store.id(named: source)) { details in
            if let title { details.title = title }
            if !authors.isEmpty { details.authors = authors }
            if let year { details.year = year }
            if !languages.isEmpty { details.languages = languages }
        }
        Terminal.write("\(metadata.id): \(metadata.title ?? "—") · \(metadata.authors.joined(separator: ", ")) · \(metadata.year.map(String.init) ?? "—") · \(metadata.languages.joined(separator: ", "))\n")
    }
}
