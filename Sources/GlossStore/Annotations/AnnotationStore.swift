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
        let annotations = try stored(id)
        let sources = SourceStore(workspace)
        if sources.exists(id) {
            let metadata = try sources.metadata(for: id)
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
            let result: T
            do {
                result = try change(&annotations)
            } catch {
                return .failure(error)
            }
            annotations.normalizeOrder()
            try write(annotations)
            return .success(result)
        }.get()
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
