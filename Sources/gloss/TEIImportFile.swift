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

    /// Stores the document and returns a one-line summary.
    static func store(_ document: TEIImport, from path: String, id: String?, details: SourceDetails, in workspace: Workspace) throws -> String {
        let merged = SourceDetails(title: details.title ?? document.title,
                                   authors: details.authors.isEmpty ? document.authors : details.authors,
                                   year: details.year ?? document.year,
                                   languages: details.languages.isEmpty ? document.languages : details.languages)
        let metadata = try SourceStore(workspace).importExtractedText(document.text, from: path, id: id, details: merged)
        let fileName = URL(fileURLWithPath: path).lastPathComponent
        let records = document.records.map { record -> BibRecord in
            var copy = record
            copy.custom = BibRecord.Custom(provenance: [RecordProvenance(file: fileName, source: metadata.id)])
            return copy
        }
        // GROBID's ids (b0, b1, …) mean nothing outside the file: those get generated keys.
        let keys = try LibraryStore(workspace).update { library in
            LibraryMerge.merge(records, into: &library) { id in
                !(id.hasPrefix("b") && id.dropFirst().allSatisfy(\.isNumber)) && CitationKeyGenerator.isUsableKey(id)
            }
        }
        let citations = document.citations(for: metadata.id)
        try AnnotationStore(workspace).update(metadata.id) { annotations in
            annotations.manualCitations.append(contentsOf: citations)
            for (citation, imported) in zip(citations, document.citations) {
                for key in imported.recordKeys {
                    if let record = keys[key] { annotations.links.append(CitationLink(citation: citation.id, record: record)) }
                }
            }
        }
        return "\(metadata.id): imported \(metadata.importedFrom) (\(metadata.length) code points, \(citations.count) citations, \(records.count) records)"
    }
}
