import Foundation
import GlossCore
import GlossFormats
import GlossStore

/// `gloss add chapter.docx`: the text becomes a source; its footnote markers and citation-manager
/// citations its manual citations, the latter linked to their records, which join the library.
enum DOCXImportFile {
    static func read(_ path: String) throws -> DOCXImport {
        try DOCXReader().read(DocumentFile.bytes(path), file: path)
    }

    /// Stores the document and returns a one-line summary. Options given on the command line win
    /// over the document's own properties.
    static func store(_ document: DOCXImport, from path: String, id: String?, details: SourceDetails, in workspace: Workspace) throws -> String {
        let merged = SourceDetails(title: details.title ?? document.title,
                                   authors: details.authors.isEmpty ? document.authors : details.authors,
                                   year: details.year, languages: details.languages)
        let extracted = ExtractedDocument(
            text: document.text, details: merged,
            citations: document.citations.map { .init(span: $0.span, text: $0.text, kind: $0.kind, recordKeys: $0.recordKeys) },
            records: document.records)
        let sourceID = try id ?? SourceID(derivingFrom: path).rawValue
        let summary = try SourceStore(workspace).importDocument(extracted, from: path, id: sourceID)
        let metadata = summary.metadata
        return "\(metadata.id): imported \(metadata.importedFrom) (\(metadata.length) code points, \(document.notes) notes, \(document.records.count) records from citation fields)"
    }
}
