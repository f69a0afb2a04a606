import ArgumentParser
import GlossCore
import GlossFormats
import GlossStore

struct Bib: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bib",
        abstract: "The workspace bibliography (annotations/library.json).",
        subcommands: [BibImport.self, BibList.self, BibRemove.self])
}

struct BibImport: GlossCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a BibTeX or BibLaTeX file into the library.",
        discussion: """
        Malformed entries are reported with their line and skipped; the rest are imported, each \
        entry kept as written so that exports give it back unchanged. Keys are never changed: a key \
        the library holds for a different record is an error naming both, and nothing is imported.
        """)

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "The .bib file.")
    var file: String

    @OptionGroup var progressOptions: ProgressOptions

    func execute() throws {
        let store = LibraryStore(try workspace.open())
        let text = try SourceStore.prepare(path: file).text
        let progress = progressOptions.display("bib import")
        let result = BibTeXParser.parse(text, file: file, progress: progress.update)
        progress.clear()
        for problem in result.problems { Terminal.note(problem.description) }
        if result.records.isEmpty {
            throw LibraryError.nothingImported(file: file, problems: result.problems.count, reason: BibTeXParser.notBibTeX(text))
        }
        let outcomes = try store.add(result.records)
        let added = outcomes.filter { if case .added = $0 { return true } else { return false } }.count
        let present = outcomes.count - added
        let skipped = result.problems.filter { $0.severity == .error }.count
        var summary = "\(file): imported \(added) record\(added == 1 ? "" : "s")"
        if present > 0 { summary += ", \(present) already in the library" }
        if skipped > 0 { summary += ", \(skipped) skipped" }
        Terminal.write(summary + "\n")
    }
}

struct BibList: GlossCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the records of the library.")

    @OptionGroup var workspace: WorkspaceOptions

    @Option(help: "text for people, json (CSL-JSON) for scripts.")
    var format: OutputFormat = .text

    func execute() throws {
        let records = try LibraryStore(workspace.open()).records()
        switch format {
        case .json:
            Terminal.write(String(decoding: try StoredJSON.encode(records), as: UTF8.self))
        case .text:
            let rows = records.map { record in
                [record.id, record.type, record.issued?.year.map(String.init) ?? record.issued?.literal ?? "—",
                 RecordSummary.authors(record), record.title ?? "—"]
            }
            Terminal.write(TextTable.render(header: ["KEY", "TYPE", "YEAR", "AUTHOR", "TITLE"], rows: rows))
        }
    }
}

struct BibRemove: GlossCommand {
    static let configuration = CommandConfiguration(
        commandName: "rm",
        abstract: "Remove a record from the library.",
        discussion: "Refused while a link points at the record, unless --force, which removes those links too and says so.")

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "The citation key.")
    var key: String

    @Flag(help: "Remove the record even though links point at it, and those links with it.")
    var force = false

    func execute() throws {
        let removed = try LibraryRemoval(try workspace.open()).remove(key, force: force)
        for link in removed.links { Terminal.note("removed link \(link)") }
        Terminal.write("removed record '\(key)'\(removed.links.isEmpty ? "" : " and \(removed.links.count) link\(removed.links.count == 1 ? "" : "s") to it")\n")
    }
}
