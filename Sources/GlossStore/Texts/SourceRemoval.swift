import Foundation
import GlossCore

/// Removes a source from the workspace (`gloss rm`): every revision of its text, its sidecar and
/// its annotations. A source that claims or links rest on is kept unless forced, so that no
/// decision of the researcher goes without their knowing.
public struct SourceRemoval: Sendable {
    public let workspace: Workspace

    public init(_ workspace: Workspace) {
        self.workspace = workspace
    }

    /// What a removal took away.
    public struct Removed: Sendable, Equatable {
        public var source: SourceID
        /// Revisions of the text removed.
        public var revisions: Int
        /// The ids of the claims removed with it.
        public var claims: [String]
        /// Manual links of its citations to library records.
        public var links: Int
        /// Citations marked by hand, and detections rejected.
        public var manualCitations: Int
        public var rejections: Int
    }

    /// Removes the source named `name`. Without `force`, claims or links on it are an error that
    /// counts them, and nothing changes.
    ///
    /// The files go under the workspace lock through a ``WriteJournal`` entry naming them all, so
    /// a crash part-way is completed (not undone) when the lock is next taken: a removal never
    /// leaves a sidecar without its texts or annotations without their source.
    public func remove(_ name: String, force: Bool) throws(StoreError) -> Removed {
        let sources = SourceStore(workspace)
        return try WorkspaceLock.withLock(workspace) { () throws(StoreError) -> Removed in
            let id = try sources.id(named: name)
            let metadata = try sources.metadata(for: id)
            let annotations = try AnnotationStore(workspace).stored(id)
            let removed = Removed(source: id, revisions: metadata.revisions.count, claims: annotations.claims.map(\.id),
                                  links: annotations.links.count, manualCitations: annotations.manualCitations.count,
                                  rejections: annotations.rejectedCitations.count)
            guard force || (removed.claims.isEmpty && removed.links == 0) else {
                throw .sourceAnnotated(id, claims: removed.claims.count, links: removed.links)
            }
            // The sidecar goes last: should the journal's completion fail too, the source is still
            // listed (and `gloss rm` can be run again) rather than texts left that nothing names.
            let files = ["annotations/\(id).json"] + metadata.revisions.map { "sources/\($0.file)" } + ["sources/\(id).json"]
            try WriteJournal.creating(files, in: workspace) { () throws(StoreError) in
                for file in files {
                    let path = workspace.root.appendingPathComponent(file).path
                    guard unlink(path) == 0 || errno == ENOENT else {
                        throw .writeFailed(path: path, reason: AtomicFile.lastError())
                    }
                }
            }
            return removed
        }
    }
}
