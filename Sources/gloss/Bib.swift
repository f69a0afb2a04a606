import ArgumentParser
import GlossCore
import GlossFormats
import GlossStore

struct Bib: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bib",
        abstract: "The workspace bibliography (annotations/library.json).",
        subcommands: [BibImport.self, BibList.self])
}

struct BibImport: GlossCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a BibTeX or BibLaTeX file into the library.",
        discussion: """
        Malformed entries are reported with their line and skipped; the rest are imported. A key \
        already in the library is never overwritten: the new record gets a suffixed key (key-2) \
        and the clash is reported.
        """)

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "The .bib file.")
    var file: String

    func execute() throws {
        let store = LibraryStore(try workspace.open())
        let text = try SourceStore.prepare(path: file).text
        let result = BibTeXParser.parse(text, file: file)
        for problem in result.problems { Terminal.note(problem.description) }
        if result.records.isEmpty, result.problems.contains(where: { $0.severity == .error }) {
            throw LibraryError.nothingImported(file: file, problems: result.problems.count)
        }
        let outcomes = try store.add(result.records)
        var added = 0, present = 0
        for outcome in outcomes {
            switch outcome {
            case .added: added += 1
            case .alreadyPresent: present += 1
            case let .renamed(key, storedAs):
                added += 1
                Terminal.note("key '\(key)' is already in the library for another record; the new one is stored as '\(storedAs)'")
            }
        }
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
