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
    /// What the bibliography exports (BibTeX, BibLaTeX, CSL-JSON) write: each work of `gloss refs
    /// --works` once, sorted by key. The records that describe one work (a library record,
    /// reference-list entries of several sources, a stub) give one record, the best of them (a
    /// full record before a stub, the library before a source); two different works never share
    /// a key, the later one getting `key-2`; a record without a language takes its source's
    /// first `--lang`.
    public var bibliography: [BibRecord]

    /// Loads the sources named. With names, library records are kept only when those sources
    /// cite them or they came from those sources. `progress` is told the sources loaded and the
    /// total after each.
    public static func load(_ workspace: Workspace, names: [String],
                            progress: (_ done: Int, _ total: Int) -> Void = { _, _ in }) throws -> ExportSelection {
        let (sources, library) = try ReferenceLoader(workspace).load(names, progress: progress)
        let ids = Set(sources.map(\.metadata.id))
        let cited = Set(sources.flatMap { $0.resolution.resolutions.filter { $0.status == .linked }.flatMap(\.records) })
        let selected = names.isEmpty ? library : library.filter { record in
            cited.contains(record.id) || (record.custom?.provenance ?? []).contains(where: { $0.source.map(ids.contains) ?? false })
        }
        // Records in strict key order, as `LibraryStore` writes them, have one key each and are
        // handed on as they are: copying 10,000 of them into a dictionary and out again was a
        // tenth of an export.
        if zip(selected, selected.dropFirst()).allSatisfy({ $0.id < $1.id }) {
            let libraryIDs = Set(selected.map(\.id))
            var known = libraryIDs
            var derived: [BibRecord] = []
            for source in sources {
                for record in source.bibliography.records + source.resolution.stubs where known.insert(record.id).inserted {
                    derived.append(record)
                }
            }
            return ExportSelection(sources: sources, records: derived.isEmpty ? selected : (selected + derived).sorted { $0.id < $1.id },
                                   libraryRecordIDs: libraryIDs, bibliography: works(sources, library: selected))
        }
        var byKey: [String: BibRecord] = [:]
        for record in selected { byKey[record.id] = record }
        let libraryIDs = Set(byKey.keys)
        let bibliography = works(sources, library: Array(byKey.values))
        for source in sources {
            for record in source.bibliography.records + source.resolution.stubs where byKey[record.id] == nil {
                byKey[record.id] = record
            }
        }
        return ExportSelection(sources: sources, records: byKey.values.sorted { $0.id < $1.id }, libraryRecordIDs: libraryIDs,
                               bibliography: bibliography)
    }

    /// One record for each work (see `bibliography`).
    static func works(_ sources: [ReferenceLoader.Loaded], library: [BibRecord]) -> [BibRecord] {
        let languages = Dictionary(sources.map { ($0.metadata.id, $0.metadata.languages.first) }, uniquingKeysWith: { a, _ in a })
        let works = ReferenceReport.works(sources.map { ($0.bibliography, $0.resolution) }, library: library)
        let chosen = works.compactMap { work in work.records.min { rank($0) < rank($1) } }
        // Library records (keys a researcher wrote) claim their keys first. The ranks are made
        // once and the positions sorted, not the records.
        let ranks = chosen.map(rank)
        var taken = Set<String>()
        var records: [BibRecord] = []
        records.reserveCapacity(chosen.count)
        for index in chosen.indices.sorted(by: { ranks[$0] < ranks[$1] }) {
            let scoped = chosen[index]
            var record = scoped.record
            record.id = CitationKey.unique(record.id, taken: taken)
            taken.insert(record.id)
            if record.language == nil, let source = scoped.source, let language = languages[source] ?? nil {
                record.language = language
            }
            records.append(record)
        }
        records.sort { $0.id < $1.id }
        return records
    }

    /// A full record before a stub, the library before a source, then by key.
    static func rank(_ scoped: ScopedRecord) -> (Int, Int, String) {
        (scoped.record.custom?.stub == true ? 1 : 0, scoped.source == nil ? 0 : 1, scoped.record.id)
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
