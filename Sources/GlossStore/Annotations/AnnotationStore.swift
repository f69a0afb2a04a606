import Foundation
import GlossCore

/// The files `annotations/<id>.json`: read, and changed under the workspace lock.
public struct AnnotationStore: Sendable {
    public let workspace: Workspace

    public init(_ workspace: Workspace) {
        self.workspace = workspace
    }

    /// The annotations of a source; an empty set when none were made yet.
    public func annotations(for id: SourceID) throws(StoreError) -> SourceAnnotations {
        let url = fileURL(id)
        var annotations = try stored(id)
        let sources = SourceStore(workspace)
        if sources.exists(id) {
            let metadata = try sources.metadata(for: id)
            try carryCitations(&annotations, to: metadata)
            if let problem = annotations.problem(textLength: metadata.length, revision: metadata.sha256) {
                throw .corruptMetadata(path: url.path, reason: problem)
            }
        }
        return annotations
    }

    /// The file as stored, checked only to belong to `id`: what `update` changes (a revision's
    /// carry-over reads spans of the previous text).
    func stored(_ id: SourceID) throws(StoreError) -> SourceAnnotations {
        let url = fileURL(id)
        guard FileManager.default.fileExists(atPath: url.path) else { return SourceAnnotations(source: id) }
        let annotations = try StoredJSON.read(SourceAnnotations.self, from: url)
        guard annotations.source == id else {
            throw .corruptMetadata(path: url.path, reason: "it holds the annotations of '\(annotations.source)', not of '\(id)'")
        }
        return annotations
    }

    /// Reads, changes and writes back the annotations of a source while holding the workspace
    /// lock, so concurrent processes never lose each other's changes. Nothing is written if
    /// `change` throws.
    @discardableResult
    public func update<T>(_ id: SourceID, _ change: (inout SourceAnnotations) throws -> T) throws -> T {
        try WorkspaceLock.withLock(workspace) { () throws(StoreError) -> Result<T, Error> in
            var annotations = try stored(id)
            let sources = SourceStore(workspace)
            let metadata = sources.exists(id) ? try sources.metadata(for: id) : nil
            if let metadata { try carryCitations(&annotations, to: metadata) }
            let result: T
            do {
                result = try change(&annotations)
            } catch {
                return .failure(error)
            }
            if let metadata { annotations.citationsRevision = metadata.sha256 }
            annotations.normalizeOrder()
            try write(annotations)
            return .success(result)
        }.get()
    }

    /// Moves the citation decisions of `annotations` to the current revision of `metadata` when
    /// they name the spans of an earlier one: a revision was stored, and the process that stored
    /// it died before carrying them over.
    private func carryCitations(_ annotations: inout SourceAnnotations, to metadata: SourceMetadata) throws(StoreError) {
        guard let from = annotations.citationsRevision, from != metadata.sha256 else { return }
        guard let entry = metadata.revisions.first(where: { $0.sha256 == from }) else {
            throw .corruptMetadata(path: fileURL(metadata.id).path,
                                   reason: "its citations name revision sha256 \(from.prefix(12)), which source '\(metadata.id)' does not have")
        }
        let sources = SourceStore(workspace)
        let old = SourceText(try sources.text(of: metadata.id, revision: entry.revision))
        let current = SourceText(try sources.text(of: metadata.id))
        annotations.carryCitations(through: TextDiff(from: old, to: current), to: current)
        annotations.citationsRevision = metadata.sha256
    }

    /// Before a revision of `id` is committed (under the lock): records in its annotations, when
    /// they do not say it yet, that their citation decisions name spans of `revision`, the current
    /// text, so that they are carried over even if the process dies before it carries them.
    func noteCitationsRevision(_ id: SourceID, revision: String) throws(StoreError) {
        guard FileManager.default.fileExists(atPath: fileURL(id).path) else { return }
        var annotations = try stored(id)
        guard annotations.citationsRevision == nil else { return }
        annotations.citationsRevision = revision
        try write(annotations)
    }

    func write(_ annotations: SourceAnnotations) throws(StoreError) {
        let url = fileURL(annotations.source)
        do {
            try AtomicFile.write(try StoredJSON.encode(annotations), to: url)
        } catch let error as StoreError {
            throw error
        } catch {
            throw .writeFailed(path: url.path, reason: "\(error)")
        }
    }

    func fileURL(_ id: SourceID) -> URL {
        workspace.annotationsDirectory.appendingPathComponent("\(id).json")
    }
}
