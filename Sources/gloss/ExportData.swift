import GlossCore
import GlossFormats
import GlossStore

/// What `gloss export` reads from the workspace: the sources named (all when none are), their
/// annotations, and the library records that concern them.
///
/// Citations are the manual ones stored in annotations (and those imported from TEI) until the
/// scanner's detections are wired in; footnotes are not yet segmented, so TEI exports have none.
struct ExportData {
    var sources: [SourceMetadata]
    var annotations: [SourceID: SourceAnnotations]
    var records: [BibRecord]

    var claims: [Claim] { sources.flatMap { annotations[$0.id]?.claims ?? [] } }
    var citations: [Citation] {
        sources.flatMap { source in
            let annotation = annotations[source.id]
            let rejected = Set(annotation?.rejectedCitations ?? [])
            return (annotation?.manualCitations ?? []).filter { !rejected.contains($0.id) }
        }
    }

    static func load(_ workspace: Workspace, names: [String]) throws -> ExportData {
        let store = SourceStore(workspace)
        let sources = names.isEmpty ? try store.all() : try names.map { try store.metadata(for: store.id(named: $0)) }
        var annotations: [SourceID: SourceAnnotations] = [:]
        for source in sources { annotations[source.id] = try AnnotationStore(workspace).annotations(for: source.id) }
        var records = try LibraryStore(workspace).records()
        if !names.isEmpty {
            let ids = Set(sources.map(\.id))
            let linked = Set(annotations.values.flatMap { $0.links.map(\.record) })
            records = records.filter { record in
                linked.contains(record.id) || (record.custom?.provenance ?? []).contains { $0.source.map(ids.contains) ?? false }
            }
        }
        return ExportData(sources: sources, annotations: annotations, records: records)
    }

    /// The TEI input for the one source named.
    func teiDocument(_ workspace: Workspace) throws -> TEIDocument {
        let source = sources[0]
        let text = try SourceStore(workspace).text(of: source.id)
        let links = annotations[source.id]?.links ?? []
        let entries = citations.map { citation in
            TEICitation(citation, recordKeys: links.filter { $0.citation == citation.id }.map(\.record))
        }
        return TEIDocument(metadata: source, text: text, citations: entries, footnotes: [], records: records, claims: claims)
    }
}
