import Foundation
import GlossCore

extension SourceStore {
    /// Imports text extracted from a structured file (a TEI document) as a new source. The text
    /// goes through the same normalisation as a plain text file; `path` names the original file.
    /// The id comes from `id`, or from the file name without `.xml` and `.tei`.
    public func importExtractedText(_ text: String, from path: String, id: String?, details: SourceDetails) throws -> SourceMetadata {
        let normalized = try TextNormalizer.normalize(Array(text.utf8), file: path)
        let sourceID: SourceID
        if let id {
            sourceID = try SourceID(id)
        } else {
            var name = URL(fileURLWithPath: path).lastPathComponent
            for suffix in [".xml", ".tei"] where name.lowercased().hasSuffix(suffix) {
                name = String(name.dropLast(suffix.count))
            }
            sourceID = try SourceID(derivingFrom: name + ".txt")
        }
        return try add([(sourceID, PreparedText(path: path, text: normalized), details)])[0]
    }

    /// What importing a document stored.
    public struct DocumentImportSummary: Sendable {
        public var metadata: SourceMetadata
        public var citations: Int
        public var records: Int
    }

    /// Imports a document: its text becomes a source, its citations the source's manual citations
    /// linked to its records, and the records join the library (document-local ids such as
    /// GROBID's `b0` get generated keys). If a later step fails, the earlier ones are undone, so
    /// the workspace is left as it was.
    public func importDocument(_ document: ExtractedDocument, from path: String, id: String?) throws -> DocumentImportSummary {
        let library = LibraryStore(workspace)
        let before = try library.records()
        let hadLibrary = FileManager.default.fileExists(atPath: library.fileURL.path)
        let metadata = try importExtractedText(document.text, from: path, id: id, details: document.details)
        let annotationsFile = workspace.annotationsDirectory.appendingPathComponent("\(metadata.id).json")
        let hadAnnotations = FileManager.default.fileExists(atPath: annotationsFile.path)
        do {
            let fileName = URL(fileURLWithPath: path).lastPathComponent
            let records = document.records.map { record -> BibRecord in
                var copy = record
                copy.custom = BibRecord.Custom(provenance: [RecordProvenance(file: fileName, source: metadata.id)])
                return copy
            }
            let keys = try library.update { held in
                LibraryMerge.merge(records, into: &held) { id in
                    !(id.hasPrefix("b") && id.dropFirst().allSatisfy(\.isNumber)) && CitationKeyGenerator.isUsableKey(id)
                }
            }
            let citations = document.citations(for: metadata.id)
            try AnnotationStore(workspace).update(metadata.id) { annotations in
                annotations.manualCitations.append(contentsOf: citations)
                for (citation, marked) in zip(citations, document.citations) {
                    for key in marked.recordKeys {
                        if let record = keys[key] { annotations.links.append(CitationLink(citation: citation.id, record: record)) }
                    }
                }
            }
            return DocumentImportSummary(metadata: metadata, citations: citations.count, records: records.count)
        } catch {
            if hadLibrary {
                try? library.update { $0 = before }
            } else {
                try? FileManager.default.removeItem(at: library.fileURL)
            }
            for name in ["\(metadata.id).txt", "\(metadata.id).json"] {
                try? FileManager.default.removeItem(at: workspace.sourcesDirectory.appendingPathComponent(name))
            }
            if !hadAnnotations { try? FileManager.default.removeItem(at: annotationsFile) }
            throw error
        }
    }
}
