import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GlossCore

extension SourceStore {
    /// What importing a document stored.
    public struct DocumentImportSummary: Sendable {
        public var metadata: SourceMetadata
        public var citations: Int
        public var records: Int
        /// Whether the decisions of a Gloss export were restored as they were.
        public var restored: Bool
    }

    /// Imports a document (a TEI or JATS file) as a new source, all or nothing, even if the
    /// process is killed: its text becomes a source, its citations the source's manual citations
    /// linked to its records, and the records join the library (document-local ids such as
    /// GROBID's `b0` get generated keys). A Gloss export whose text is the one its decisions were
    /// made on brings its decisions and library records back exactly instead.
    ///
    /// The id comes from `id`, else from the export, else from the file name without `.xml`,
    /// `.tei`. Everything happens under the workspace lock; a journal in `.gloss-cache/` names
    /// what is being written, and the source's sidecar is written last, so an import killed
    /// half-way is rolled back by the next command that takes the lock (`ImportJournal`).
    public func importDocument(_ document: ExtractedDocument, from path: String, id: String?, now: Date = Date()) throws -> DocumentImportSummary {
        let normalized = try TextNormalizer.normalize(Array(document.text.utf8), file: path)
        let restored = document.restored.flatMap { sha256Hex(Array(normalized.utf8)) == $0.sha256 ? $0 : nil }
        let sourceID: SourceID
        if let id {
            sourceID = try SourceID(id)
        } else if let restored {
            sourceID = restored.source
        } else {
            var name = URL(fileURLWithPath: path).lastPathComponent
            for suffix in [".xml", ".tei", ".nxml"] where name.lowercased().hasSuffix(suffix) {
                name = String(name.dropLast(suffix.count))
            }
            sourceID = try SourceID(derivingFrom: name + ".txt")
        }
        let fileName = URL(fileURLWithPath: path).lastPathComponent
        return try WorkspaceLock.withLock(workspace) { () throws(StoreError) -> Result<DocumentImportSummary, Error> in
            guard !exists(sourceID) else { throw .sourceExists(sourceID) }
            let annotationStore = AnnotationStore(workspace)
            let library = LibraryStore(workspace)
            var records = try library.records()
            var annotations = try annotationStore.annotations(for: sourceID)
            let citationCount: Int
            let recordCount: Int
            if let restored {
                // Library records keep their ids (and every field); one already there is kept.
                let held = Set(records.map(\.id))
                records += restored.library.filter { !held.contains($0.id) }
                let carried = restored.annotations.renamed(to: sourceID)
                annotations.claims += carried.claims
                annotations.manualCitations += carried.manualCitations
                annotations.rejectedCitations += carried.rejectedCitations
                annotations.links += carried.links
                annotations.acceptedFindings += carried.acceptedFindings
                citationCount = carried.manualCitations.count
                recordCount = restored.library.count
            } else {
                let incoming = document.records.map { record -> BibRecord in
                    var copy = record
                    copy.custom = BibRecord.Custom(provenance: [RecordProvenance(file: fileName, source: sourceID,
                                                                                   span: document.recordSpans[record.id])])
                    return copy
                }
                let keys = LibraryMerge.merge(incoming, into: &records) { id in
                    !(id.hasPrefix("b") && id.dropFirst().allSatisfy(\.isNumber)) && CitationKeyGenerator.isUsableKey(id)
                }
                let citations = document.citations(for: sourceID)
                annotations.manualCitations += citations
                for (citation, marked) in zip(citations, document.citations) {
                    for key in marked.recordKeys {
                        if let record = keys[key] { annotations.links.append(CitationLink(citation: citation.id, record: record)) }
                    }
                }
                citationCount = citations.count
                recordCount = incoming.count
            }
            // Every span restored or imported names this text.
            annotations.citationsRevision = sha256Hex(Array(normalized.utf8))
            annotations.normalizeOrder()
            records.sort { $0.id < $1.id }

            let libraryBytes: [UInt8]
            do {
                libraryBytes = try StoredJSON.encode(records)
            } catch {
                throw .writeFailed(path: library.fileURL.path, reason: "\(error)")
            }
            let journal = ImportJournal(workspace)
            try journal.begin(sourceID)
            let metadata: SourceMetadata
            do {
                try AtomicFile.write(libraryBytes, to: library.fileURL)
                try annotationStore.write(annotations)
                let revision = try writeText(PreparedText(path: path, text: normalized), id: sourceID, revision: 1, now: now)
                metadata = SourceMetadata(id: sourceID, details: document.details, first: revision)
                // The sidecar makes the source exist: written last, it commits the import.
                try writeMetadata(metadata)
            } catch {
                journal.recover()
                return .failure(error)
            }
            journal.finish()
            return .success(DocumentImportSummary(metadata: metadata, citations: citationCount, records: recordCount,
                                                  restored: restored != nil))
        }.get()
    }
}

/// The journal of a document import in progress: `.gloss-cache/import-journal.json` names the
/// source being imported; beside it, hard links keep the library and annotation files as they
/// were before (every write replaces a file by rename, so the linked copy never changes).
///
/// An import killed before it wrote the source's sidecar is rolled back by `recover()`, which
/// `WorkspaceLock` runs whenever it takes the lock: the old files are put back, the new ones
/// removed.
struct ImportJournal {
    let workspace: Workspace

    init(_ workspace: Workspace) {
        self.workspace = workspace
    }

    private struct Entry: Codable {
        var source: SourceID
        var hadLibrary: Bool
        var hadAnnotations: Bool
    }

    private var journalURL: URL { workspace.cacheDirectory.appendingPathComponent("import-journal.json") }
    private var libraryBackup: URL { workspace.cacheDirectory.appendingPathComponent("import-library.json") }
    private var annotationsBackup: URL { workspace.cacheDirectory.appendingPathComponent("import-annotations.json") }
    private var library: URL { LibraryStore(workspace).fileURL }

    /// Whether an import was interrupted (cheap: one stat).
    var isPending: Bool { FileManager.default.fileExists(atPath: journalURL.path) }

    /// Keeps the files as they are and records that `source` is being imported.
    func begin(_ source: SourceID) throws(StoreError) {
        let annotations = AnnotationStore(workspace).fileURL(source)
        let hadLibrary = try keep(library, as: libraryBackup)
        let hadAnnotations = try keep(annotations, as: annotationsBackup)
        let entry = Entry(source: source, hadLibrary: hadLibrary, hadAnnotations: hadAnnotations)
        do {
            try AtomicFile.write(try StoredJSON.encode(entry), to: journalURL)
        } catch let error as StoreError {
            throw error
        } catch {
            throw .writeFailed(path: journalURL.path, reason: "\(error)")
        }
    }

    /// The import is committed: the journal and the kept copies go.
    func finish() {
        try? FileManager.default.removeItem(at: journalURL)
        try? FileManager.default.removeItem(at: libraryBackup)
        try? FileManager.default.removeItem(at: annotationsBackup)
    }

    /// Rolls back an import that was killed before it committed; nothing when none was. Call with
    /// the workspace lock held. A step that fails leaves the journal for the next lock to retry.
    func recover() {
        guard isPending else { return }
        guard let entry = try? StoredJSON.read(Entry.self, from: journalURL) else {
            // The journal itself was never completely written: nothing was changed yet.
            finish()
            return
        }
        if !SourceStore(workspace).exists(entry.source) {
            let text = workspace.sourcesDirectory.appendingPathComponent(SourceStore.textFileName(entry.source, revision: 1))
            guard restore(library, from: entry.hadLibrary ? libraryBackup : nil),
                  restore(AnnotationStore(workspace).fileURL(entry.source), from: entry.hadAnnotations ? annotationsBackup : nil),
                  restore(text, from: nil) else { return }
        }
        finish()
    }

    /// Hard-links `file` to `copy`; false when there is no `file`.
    private func keep(_ file: URL, as copy: URL) throws(StoreError) -> Bool {
        try? FileManager.default.removeItem(at: copy)
        guard FileManager.default.fileExists(atPath: file.path) else { return false }
        do {
            try FileManager.default.linkItem(at: file, to: copy)
        } catch {
            throw .writeFailed(path: copy.path, reason: error.localizedDescription)
        }
        return true
    }

    /// Puts `copy` back as `file`, or removes `file` when there was none before; false when that
    /// failed.
    private func restore(_ file: URL, from copy: URL?) -> Bool {
        if let copy {
            return access(copy.path, F_OK) != 0 || rename(copy.path, file.path) == 0
        }
        return unlink(file.path) == 0 || errno == ENOENT
    }
}

extension Workspace {
    /// Rolls back what a killed process left half-written (a document import, a new source), so
    /// that commands that only read never see it: one stat per journal when there is none.
    public func undoInterruptedWrites() throws(StoreError) {
        guard ImportJournal(self).isPending || FileManager.default.fileExists(atPath: WriteJournal.journalPath(self)) else { return }
        try WorkspaceLock.withLock(self) {}
    }
}
