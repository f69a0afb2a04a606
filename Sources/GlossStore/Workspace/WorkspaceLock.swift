import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive lock on a workspace, so that concurrent `gloss` processes take turns writing.
///
/// It is an advisory `flock` on `.gloss-cache/lock`; the kernel releases it if the process dies.
/// Whoever takes it first undoes what a process that died while holding it left half-written
/// (``WriteJournal``, and a document import's ``ImportJournal``).
public enum WorkspaceLock {
    /// Runs `body` while holding the lock of `workspace`.
    public static func withLock<T>(_ workspace: Workspace, _ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        let folder = workspace.cacheDirectory
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .writeFailed(path: folder.path, reason: error.localizedDescription)
        }
        let path = folder.appendingPathComponent("lock").path
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .writeFailed(path: path, reason: AtomicFile.lastError()) }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else { throw .writeFailed(path: path, reason: AtomicFile.lastError()) }
        }
        defer { flock(fd, LOCK_UN) }
        WriteJournal.recover(workspace)
        ImportJournal(workspace).recover()
        return try body()
    }
}
