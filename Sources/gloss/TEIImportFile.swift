import Foundation
import GlossCore
import GlossFormats
import GlossStore

/// `gloss add FILE.tei.xml` or `gloss add article.xml` (TEI, GROBID's TEI, JATS): the text becomes a
/// source, the citations its manual citations with links, the records join the library; a Gloss
/// export brings back what Gloss kept about the source.
enum TEIImportFile {
    static func read(_ path: String) throws -> ImportedDocument {
        try TEIReader().read(DocumentFile.bytes(path), file: path)
    }

    /// Stores the document and returns a one-line summary. Options given on the command line win
    /// over what the TEI header says.
    static func store(_ document: ImportedDocument, from path: String, id: String?, details: SourceDetails, in workspace: Workspace) throws -> String {
        let merged = SourceDetails(title: details.title ?? document.title,
                                   authors: details.authors.isEmpty ? document.authors : details.authors,
                                   year: details.year ?? document.year,
                                   languages: details.languages.isEmpty ? document.languages : details.languages)
        let restored = document.glossState.map {
            ExtractedDocument.Restored(source: $0.source, sha256: $0.sha256, annotations: $0.annotations, library: $0.library)
        }
        let state = document.glossState
        // A Gloss export's own details are exact (an absent title stays absent).
        let details = state.map { state in
            SourceDetails(title: details.title ?? state.title, authors: details.authors.isEmpty ? state.authors : details.authors,
                          year: details.year ?? state.year, languages: details.languages.isEmpty ? state.languages : details.languages)
        } ?? merged
        let extracted = ExtractedDocument(
            text: document.text, details: details,
            citations: document.citations.map { .init(span: $0.span, text: $0.text, kind: $0.kind, recordKeys: $0.recordKeys) },
            records: document.records, recordSpans: document.recordSpans, restored: restored)
        let summary = try SourceStore(workspace).importDocument(extracted, from: path, id: id)
        let metadata = summary.metadata
        let what = summary.restored
            ? "a Gloss export: \(summary.citations) manual citations, \(summary.records) library records and the decisions restored"
            : "\(summary.citations) citations, \(summary.records) records"
        return "\(metadata.id): imported \(metadata.importedFrom) (\(metadata.length) code points, \(what))"
    }
}
