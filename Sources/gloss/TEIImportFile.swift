import Foundation
import GlossCore
import GlossFormats
import GlossStore

/// `gloss add FILE.tei.xml`: the text becomes a source, the citations its manual citations with
/// links, the records join the library.
enum TEIImportFile {
    static func read(_ path: String) throws -> TEIImport {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FileManager.default.fileExists(atPath: path)
                ? StoreError.readFailed(path: path, reason: "permission denied or not a file")
                : StoreError.fileMissing(path: path)
        }
        return try TEIReader().read(Array(data), file: path)
    }

    /// Stores the document and returns a one-line summary. Options given on the command line win
    /// over what the TEI header says.
    static func store(_ document: TEIImport, from path: String, id: String?, details: SourceDetails, in workspace: Workspace) throws -> String {
        let merged = SourceDetails(title: details.title ?? document.title,
                                   authors: details.authors.isEmpty ? document.authors : details.authors,
                                   year: details.year ?? document.year,
                                   languages: details.languages.isEmpty ? document.languages : details.languages)
        let extracted = ExtractedDocument(
            text: document.text, details: merged,
            citations: document.citations.map { .init(span: $0.span, text: $0.text, kind: $0.kind, recordKeys: $0.recordKeys) },
            records: document.records)
        let summary = try SourceStore(workspace).importDocument(extracted, from: path, id: id)
        let metadata = summary.metadata
        return "\(metadata.id): imported \(metadata.importedFrom) (\(metadata.length) code points, \(summary.citations) citations, \(summary.records) records)"
    }
}
