import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GlossCore

/// Makes writes of several files all-or-nothing across a crash (kill -9, power cut), and clears
/// what crashed writes left behind.
///
/// Before a command writes new files under the workspace lock, it records them in
/// `.gloss-cache/journal.json` (durably); when all are written, it removes the journal. A journal
/// found when the lock is next taken means the writing process died before it finished and before
/// it reported success: the files it lists are removed again, except a revision text its sidecar
/// already names (the sidecar is written last and is the point where a revision is committed).
/// A removal (``SourceRemoval``) journals the files it deletes, so the same recovery completes it.
/// The same visit removes the temporary files (`.NAME.tmp-PID-N`) of processes that no longer run.
public enum WriteJournal {
    struct Entry: Codable {
        /// File paths relative to the workspace root, as `sources/x.txt`.
        var files: [String]
        /// For a revision: the source whose sidecar commits it.
        var revisionOf: String?
    }

    /// Runs `body`, which creates `files` (workspace-relative paths), so that a crash inside it
    /// leaves none of them once the lock is next taken. Call with the workspace lock held.
    static func creating<T>(_ files: [String], revisionOf source: SourceID? = nil, in workspace: Workspace,
                            _ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        let path = journalPath(workspace)
        let entry = Entry(files: files, revisionOf: source?.rawValue)
        let bytes: [UInt8]
        do { bytes = try StoredJSON.encode(entry) } catch { throw .writeFailed(path: path, reason: "\(error)") }
        try AtomicFile.write(parts: [bytes], toPath: path, creatingFolder: true)
        do {
            let result = try body()
            unlink(path)
            return result
        } catch {
            // A write that failed is undone now, as a crashed one would be at the next lock.
            recover(workspace)
            throw error
        }
    }

    /// Undoes what an unfinished write left and removes stale temporary files. Call with the
    /// workspace lock held. Failures are ignored: this is housekeeping, retried at the next lock.
    static func recover(_ workspace: Workspace) {
        let path = journalPath(workspace)
        if let data = try? FileBytes.read(path: path), let entry = try? JSONDecoder().decode(Entry.self, from: Data(data)) {
            var keep = Set<String>()
            if let raw = entry.revisionOf, let id = try? SourceID(raw),
               let metadata = try? SourceStore(workspace).metadata(for: id) {
                keep = Set(metadata.revisions.map { "sources/\($0.file)" })
            }
            for file in entry.files where !keep.contains(file) && isInside(file) {
                unlink(workspace.root.appendingPathComponent(file).path)
            }
            unlink(path)
        } else if access(path, F_OK) == 0 {
            unlink(path)
        }
        for folder in [workspace.sourcesDirectory, workspace.annotationsDirectory, workspace.cacheDirectory] {
            removeStaleTemporaries(in: folder.path)
        }
    }

    /// Removes `.NAME.tmp-PID-N` files in `folder` whose process no longer runs.
    static func removeStaleTemporaries(in folder: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(".") {
            let parts = name.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count >= 3, parts[parts.count - 3].hasSuffix(".tmp"), UInt32(parts[parts.count - 1]) != nil,
                  let pid = Int32(parts[parts.count - 2]), pid > 0, pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            unlink(folder + "/" + name)
        }
    }

    /// A journal names files as `sources/…` or `annotations/…`, never a path that leaves them.
    private static func isInside(_ file: String) -> Bool {
        let parts = file.split(separator: "/")
        return parts.count == 2 && ["sources", "annotations"].contains(parts[0]) && !parts[1].hasPrefix(".") && parts[1] != ".."
    }

    static func journalPath(_ workspace: Workspace) -> String {
        workspace.cacheDirectory.appendingPathComponent("journal.json").path
    }
}
