import GlossCore

extension SourceStore {
    /// Changes what the researcher said about source `id` (title, authors, year, languages) under
    /// the workspace lock; the text and its revisions are untouched. Returns the new metadata.
    @discardableResult
    public func editDetails(_ id: SourceID, _ change: (inout SourceDetails) -> Void) throws(StoreError) -> SourceMetadata {
        try WorkspaceLock.withLock(workspace) { () throws(StoreError) -> SourceMetadata in
            var metadata = try metadata(for: id)
            var details = SourceDetails(title: metadata.title, authors: metadata.authors, year: metadata.year, languages: metadata.languages)
            change(&details)
            metadata.title = details.title
            metadata.authors = details.authors
            metadata.year = details.year
            metadata.languages = details.languages
            try writeMetadata(metadata)
            return metadata
        }
    }
}
