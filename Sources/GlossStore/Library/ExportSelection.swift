import GlossCore

/// What `gloss export` writes, gathered from the workspace: the sources named (all when none
/// are), their decided citations with the records each links to, their footnotes and claims, and
/// the bibliography — library records plus the records parsed from footnotes and reference lists
/// and the stubs made for sources without a list.
public struct ExportSelection: Sendable {
    public var sources: [ReferenceLoader.Loaded]
    /// Every record the selection cites or holds, each key once, sorted by key.
    public var records: [BibRecord]
    /// The ids of `records` that come from `annotations/library.json`.
    public var libraryRecordIDs: Set<String>

    /// Loads the sources named. With names, library records are kept only when those sources
    /// cite them or they came from those sources.
    public static func load(_ workspace: Workspace, names: [String]) throws -> ExportSelection {
        let (sources, library) = try ReferenceLoader(workspace).load(names)
        let ids = Set(sources.map(\.metadata.id))
        let cited = Set(sources.flatMap { $0.resolution.resolutions.filter { $0.status == .linked }.flatMap(\.records) })
        var byKey: [String: BibRecord] = [:]
        for record in library where names.isEmpty || cited.contains(record.id)
            || (record.custom?.provenance ?? []).contains(where: { $0.source.map(ids.contains) ?? false }) {
            byKey[record.id] = record
        }
        let libraryIDs = Set(byKey.keys)
        for source in sources {
            for record in source.bibliography.records + source.resolution.stubs where byKey[record.id] == nil {
                byKey[record.id] = record
            }
        }
        return ExportSelection(sources: sources, records: byKey.values.sorted { $0.id < $1.id }, libraryRecordIDs: libraryIDs)
    }

    /// The claims of the selected sources.
    public var claims: [Claim] { sources.flatMap(\.annotations.claims) }

    /// The citations of the selected sources.
    public var citations: [Citation] { sources.flatMap(\.citations) }

    /// The records each citation of `source` links to, by citation id: one pass over the
    /// resolutions (asking for one citation at a time made `export tei` quadratic in the citations
    /// of a text).
    public static func linkedRecords(in source: ReferenceLoader.Loaded) -> [CitationID: [String]] {
        var keys: [CitationID: [String]] = [:]
        for resolution in source.resolution.resolutions where resolution.status == .linked {
            for key in resolution.records where !keys[resolution.citation, default: []].contains(key) {
                keys[resolution.citation, default: []].append(key)
            }
        }
        return keys
    }
}
