import GlossCore

extension SourceStore {
    /// Imports files as new sources: every file is read and checked first, and if any is refused
    /// nothing is written. `id` may only be given for a single file; otherwise ids come from the
    /// file names.
    public func importFiles(_ paths: [String], id: String?, details: SourceDetails) throws -> [SourceMetadata] {
        if id != nil, paths.count > 1 { throw StoreError.tooManyFilesWithID }
        var entries: [(id: SourceID, text: PreparedText, details: SourceDetails)] = []
        for path in paths {
            let prepared = try Self.prepare(path: path)
            let sourceID = try id.map { raw throws(SourceIDError) in try SourceID(raw) }
                ?? SourceID(derivingFrom: path)
            entries.append((sourceID, prepared, details))
        }
        return try add(entries)
    }

    /// Stores the file at `path` as the next revision of the source named `name`.
    /// Returns nil when the text is unchanged.
    public func reviseFile(_ name: String, path: String) throws -> SourceMetadata? {
        let sourceID = try id(named: name)
        return try revise(sourceID, with: Self.prepare(path: path))
    }
}
