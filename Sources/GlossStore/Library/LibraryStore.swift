import Foundation
import GlossCore

/// The workspace bibliography `annotations/library.json`: a CSL-JSON array of records, sorted by id.
public struct LibraryStore: Sendable {
    public let workspace: Workspace

    public init(_ workspace: Workspace) {
        self.workspace = workspace
    }

    public var fileURL: URL { workspace.annotationsDirectory.appendingPathComponent("library.json") }

    /// Every record; empty when there is no library yet.
    public func records() throws(StoreError) -> [BibRecord] {
        guard FileManager.default.fileExists(atPath: fileURL.path) else { return [] }
        let bytes = try FileBytes.read(fileURL)
        if let records = LibraryJSON.decode(bytes) { return records }
        return try StoredJSON.decode([BibRecord].self, from: bytes, path: fileURL.path)
    }

    /// Reads, changes and writes back the library under the workspace lock.
    /// Nothing is written if `change` throws.
    @discardableResult
    public func update<T>(_ change: (inout [BibRecord]) throws -> T) throws -> T {
        try WorkspaceLock.withLock(workspace) { () throws(StoreError) -> Result<T, Error> in
            var records = try records()
            let result: T
            do {
                result = try change(&records)
            } catch {
                return .failure(error)
            }
            records.sort { $0.id < $1.id }
            try AtomicFile.write(LibraryJSON.encode(records), to: fileURL)
            return .success(result)
        }.get()
    }
}
