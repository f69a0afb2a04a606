import ArgumentParser
import Foundation
import GlossCore
import GlossFormats
import GlossStore

struct Add: GlossCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Import text files as sources, or store a new revision of one.",
        discussion: """
        The text is stored as UTF-8, NFC, with LF line ends and no BOM; input already in that form \
        is stored byte-identical. Invalid UTF-8, binary and empty files are refused, and if any file \
        is refused nothing is written.

        TEI files (.xml, .tei, .tei.xml; GROBID's output too) and JATS articles (.xml, .nxml) are \
        imported as their text; their marked citations (<ref type="bibr">, <xref ref-type="bibr">) \
        become the source's citations, linked to the records their references (<biblStruct>, \
        <ref>) become in the workspace library. A TEI file exported by Gloss brings back the \
        source exactly, with its claims, links and decisions.
        """)

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "The text files to import.")
    var files: [String]

    @Option(help: "The id of the new source (default: from the file name).")
    var id: String?

    @Option(help: ArgumentHelp("Store FILE as a new revision of the source ID.", valueName: "id"))
    var revise: String?

    @Option(help: "The title of the work.")
    var title: String?

    @Option(help: "An author of the work (repeat for several).")
    var author: [String] = []

    @Option(help: "The year of publication.")
    var year: Int?

    @Option(help: "A language of the text as a BCP 47 tag: tr, az, ru, en (repeat for several).")
    var lang: [String] = []

    @OptionGroup var progressOptions: ProgressOptions

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("name at least one file to import") }
        for tag in lang where !SourceDetails.isLanguageTag(tag) {
            throw ValidationError("'\(tag)' is not a language tag; use e.g. tr, az, ru, en")
        }
        if revise != nil {
            guard files.count == 1 else { throw ValidationError("--revise takes exactly one file") }
            guard !TEIReader.handles(path: files[0]) else {
                throw ValidationError("--revise takes a plain text file; import a TEI file as a new source")
            }
            guard id == nil, title == nil, author.isEmpty, year == nil, lang.isEmpty else {
                throw ValidationError("--revise stores a new text only; --id, --title, --author, --year and --lang do not apply")
            }
        }
    }

    func execute() throws {
        let opened = try workspace.open()
        let store = SourceStore(opened)
        if let revise {
            let stored = try store.reviseFile(revise, path: files[0])
            if let metadata = stored {
                Terminal.write("\(metadata.id): stored revision \(metadata.revision) (\(metadata.length) code points, sha256 \(metadata.sha256.prefix(12)))\n")
            } else {
                Terminal.write("\(revise): \(files[0]) is identical to the current revision; nothing stored\n")
            }
            // Run even when nothing was stored: it finishes what an interrupted run left behind.
            let summary = try ClaimStore(opened).carryOver(try store.id(named: revise))
            if summary.total > 0 { Terminal.write(ClaimText.reanchorReport(summary)) }
            return
        }
        let details = SourceDetails(title: title, authors: author, year: year, languages: lang)
        let wordFiles = files.filter { DOCXReader.handles(path: $0) }
        if !wordFiles.isEmpty {
            guard files.count == wordFiles.count else {
                throw ValidationError("import Word files and other files in separate 'gloss add' calls")
            }
            if id != nil, files.count > 1 { throw StoreError.tooManyFilesWithID }
            // Read and check every file before anything is written.
            let documents = try wordFiles.map { path in (path, try DOCXImportFile.read(path)) }
            for (path, document) in documents {
                Terminal.write(try DOCXImportFile.store(document, from: path, id: id, details: details, in: store.workspace) + "\n")
            }
            return
        }
        let teiFiles = files.filter { TEIReader.handles(path: $0) }
        if !teiFiles.isEmpty {
            guard files.count == teiFiles.count else {
                throw ValidationError("import TEI files and plain text files in separate 'gloss add' calls")
            }
            if id != nil, files.count > 1 { throw StoreError.tooManyFilesWithID }
            // Read and check every file before anything is written.
            let documents = try teiFiles.map { path in (path, try TEIImportFile.read(path)) }
            for (path, document) in documents {
                let summary = try TEIImportFile.store(document, from: path, id: id, details: details, in: store.workspace)
                Terminal.write(summary + "\n")
            }
            return
        }
        let progress = progressOptions.display("add")
        let imported = try store.importFiles(files, id: id, details: details, progress: progress.update)
        progress.clear()
        for metadata in imported {
            Terminal.write("\(metadata.id): imported \(metadata.importedFrom) (\(metadata.length) code points)\n")
        }
    }
}
