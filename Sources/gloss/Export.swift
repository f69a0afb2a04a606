import ArgumentParser
import Foundation
import GlossCore
import GlossFormats
import GlossStore

struct Export: GlossCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the bibliography, claims or an annotated source.",
        discussion: """
        bibtex, biblatex and csl-json write the bibliography: the records parsed from footnotes and \
        reference lists, stub records for sources without a list, and annotations/library.json (with \
        IDs: the records those sources cite or came from). tei writes one source as TEI P5 with its citations, \
        records and claims. w3c writes claims as W3C Web Annotations (JSON-LD); jsonl writes citations, \
        claims and records one JSON object a line. Output goes to stdout, or atomically to -o FILE.
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case bibtex, biblatex
        case cslJSON = "csl-json"
        case tei, w3c, jsonl
    }

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "bibtex, biblatex, csl-json, tei, w3c or jsonl.")
    var format: Format

    @Argument(help: "Source ids (default: all; tei needs exactly one).")
    var ids: [String] = []

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to FILE instead of stdout.", valueName: "file"))
    var output: String?

    @OptionGroup var progressOptions: ProgressOptions

    func validate() throws {
        if format == .tei, ids.count != 1 { throw ValidationError("tei exports one source: name exactly one id") }
    }

    func execute() throws {
        let workspace = try self.workspace.open()
        let progress = progressOptions.display("export")
        let data = try ExportSelection.load(workspace, names: ids, progress: progress.update)
        progress.clear()
        switch format {
        case .bibtex:
            let result = BibTeXWriter().write(data.bibliography)
            result.warnings.forEach { Terminal.note("warning: \($0)") }
            try emit(result.text)
        case .biblatex:
            let result = BibLaTeXWriter().write(data.bibliography)
            result.warnings.forEach { Terminal.note("warning: \($0)") }
            try emit(result.text)
        case .cslJSON:
            try emit(try CSLJSONWriter().write(data.bibliography))
        case .w3c:
            try emit(try W3CAnnotationWriter().write(data.claims))
        case .jsonl:
            try emit(try JSONLinesWriter().write(citations: data.citations, claims: data.claims, records: data.records))
        case .tei:
            // Bytes straight from the writer: a text of megabytes is not made a String again.
            try emit(try TEIWriter().writeUTF8(data.teiDocument()))
        }
    }

    /// Writes `text` to stdout, or atomically to `--output`.
    private func emit(_ text: String) throws {
        if let output {
            try AtomicFile.write(text, to: URL(fileURLWithPath: output))
        } else {
            Terminal.write(text)
        }
    }

    /// Writes UTF-8 `bytes` to stdout, or atomically to `--output`.
    private func emit(_ bytes: [UInt8]) throws {
        if let output {
            try AtomicFile.write(bytes, to: URL(fileURLWithPath: output))
        } else {
            try Terminal.write(parts: [bytes])
        }
    }
}
