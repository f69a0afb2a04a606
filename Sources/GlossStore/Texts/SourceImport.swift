import Foundation
import GlossCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension SourceStore {
    /// Imports files as new sources: every file is read and checked first, and if any is refused
    /// nothing is written. `id` may only be given for a single file; otherwise ids come from the
    /// file names.
    ///
    /// Streams: each file is read, normalised and staged as a temporary file in `sources/` in
    /// turn, so memory holds one file, not the batch. Then, under the workspace lock and a
    /// ``WriteJournal``, the staged texts are renamed into place and their sidecars written, and
    /// the whole batch is made durable by one sync of the file system (docs/decisions.md, "add").
    /// `progress` is told the files staged and the total after each.
    public func importFiles(_ paths: [String], id: String?, details: SourceDetails, now: Date = Date(),
                            progress: (_ done: Int, _ total: Int) -> Void = { _, _ in }) throws -> [SourceMetadata] {
        if id != nil, paths.count > 1 { throw StoreError.tooManyFilesWithID }
        var staged: [StagedText] = []
        do {
            progress(0, paths.count)
            for path in paths {
                let prepared = try Self.prepare(path: path)
                let sourceID = try id.map { raw throws(SourceIDError) in try SourceID(raw) }
                    ?? SourceID(derivingFrom: path)
                staged.append(try stage(prepared, id: sourceID, details: details, now: now))
                progress(staged.count, paths.count)
            }
            var seen = Set<SourceID>()
            for entry in staged where !seen.insert(entry.id).inserted {
                throw StoreError.duplicateIDInBatch(entry.id)
            }
            return try commit(staged)
        } catch {
            for entry in staged { unlink(entry.temporary) }
            throw error
        }
    }

    /// Stores the file at `path` as the next revision of the source named `name`.
    /// Returns nil when the text is unchanged.
    public func reviseFile(_ name: String, path: String) throws -> SourceMetadata? {
        let sourceID = try id(named: name)
        return try revise(sourceID, with: Self.prepare(path: path))
    }

    /// A text checked and written to a temporary file, waiting for the batch to be committed.
    struct StagedText {
        var id: SourceID
        var details: SourceDetails
        var revision: SourceRevision
        /// The temporary file holding the stored bytes.
        var temporary: String
    }

    /// Writes `text` to a temporary file beside its place in `sources/` (no fsync yet).
    private func stage(_ text: PreparedText, id: SourceID, details: SourceDetails, now: Date) throws(StoreError) -> StagedText {
        let bytes = Array(text.text.utf8)
        let file = Self.textFileName(id, revision: 1)
        let temporary = try AtomicFile.stage(bytes, for: workspace.sourcesDirectory.appendingPathComponent(file).path)
        return StagedText(id: id, details: details, revision: Self.revision(1, of: text, bytes: bytes, file: file, now: now),
                          temporary: temporary)
    }

    /// Moves the staged texts into place and writes their sidecars, all or none: under the lock, a
    /// taken id refuses the batch before anything moves, and the journal undoes a batch cut short.
    private func commit(_ staged: [StagedText]) throws(StoreError) -> [SourceMetadata] {
        try WorkspaceLock.withLock(workspace) { () throws(StoreError) -> [SourceMetadata] in
            for entry in staged where exists(entry.id) {
                throw .sourceExists(entry.id)
            }
            let files = staged.flatMap { entry in ["sources/" + entry.revision.file, "sources/\(entry.id).json"] }
            return try WriteJournal.creating(files, in: workspace) { () throws(StoreError) -> [SourceMetadata] in
                var stored: [SourceMetadata] = []
                let folder = workspace.sourcesDirectory.path
                for entry in staged {
                    try AtomicFile.commitStaged(entry.temporary, to: folder + "/" + entry.revision.file)
                    let metadata = SourceMetadata(id: entry.id, details: entry.details, first: entry.revision)
                    try writeMetadata(metadata, durable: false)
                    stored.append(metadata)
                }
                try AtomicFile.syncFileSystem(of: folder, files: files.map { workspace.root.path + "/" + $0 })
                return stored
            }
        }
    }
}
