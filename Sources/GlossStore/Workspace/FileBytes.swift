import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads whole files straight into a byte array (no `Data` in between, so a large text is copied
/// once, from the kernel).
enum FileBytes {
    /// The bytes of the file at `url`.
    static func read(_ url: URL) throws(StoreError) -> [UInt8] {
        try read(path: url.path, signed: false).bytes
    }

    /// The bytes of the file at `path` (a string: for the many small files of a workspace, making
    /// and reading a `URL` costs more than the read).
    static func read(path: String) throws(StoreError) -> [UInt8] {
        try read(path: path, signed: false).bytes
    }

    /// The bytes of the file at `url` with the file's stat signature, when it was the same before
    /// and after the read (nil when the file changed meanwhile).
    static func readSigned(_ url: URL) throws(StoreError) -> (bytes: [UInt8], signature: FileSignature?) {
        try read(path: url.path, signed: true)
    }

    private static func read(path: String, signed: Bool) throws(StoreError) -> (bytes: [UInt8], signature: FileSignature?) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { throw .fileMissing(path: path) }
            throw .readFailed(path: path, reason: AtomicFile.lastError())
        }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else { throw .readFailed(path: path, reason: AtomicFile.lastError()) }
        // One byte more than the size, so that the end of the file is seen in the same loop.
        var bytes: [UInt8] = []
        var capacity = max(Int(status.st_size), 0) + 1
        while true {
            var failure: String?
            let chunk = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                if let read = fill(UnsafeMutableRawBufferPointer(buffer), from: fd) {
                    count = read
                } else {
                    count = 0
                    failure = AtomicFile.lastError()
                }
            }
            if let failure { throw .readFailed(path: path, reason: failure) }
            if bytes.isEmpty { bytes = chunk } else { bytes.append(contentsOf: chunk) }
            // A short chunk means the end of the file; a full one, that it grew since fstat.
            if chunk.count < capacity { break }
            capacity = 1 << 16
        }
        guard signed else { return (bytes, nil) }
        let before = FileSignature(status)
        guard fstat(fd, &status) == 0 else { return (bytes, nil) }
        return (bytes, FileSignature(status) == before ? before : nil)
    }

    /// Reads from `fd` into `buffer` until it is full or the file ends, again after an interrupted
    /// read: the number of bytes read, or nil on an error (`errno` says which).
    static func fill(_ buffer: UnsafeMutableRawBufferPointer, from fd: Int32) -> Int? {
        var count = 0
        while count < buffer.count {
            let n = posixRead(fd, buffer.baseAddress! + count, buffer.count - count)
            if n < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if n == 0 { break }
            count += n
        }
        return count
    }
}

/// What `fstat` says about a file that changes whenever its content is written: device, inode,
/// size, and modification and status-change times with nanoseconds (as git's index keeps them).
struct FileSignature: Hashable, Sendable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modified: Timestamp
    var changed: Timestamp

    struct Timestamp: Hashable, Sendable {
        var seconds: Int64
        var nanoseconds: Int64
    }
}

extension FileSignature {
    /// The signature of the file at `path` now; nil when it cannot be read.
    init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        self.init(status)
    }

    init(_ status: stat) {
        device = UInt64(truncatingIfNeeded: status.st_dev)
        inode = UInt64(truncatingIfNeeded: status.st_ino)
        size = Int64(status.st_size)
        #if canImport(Darwin)
        modified = Timestamp(seconds: Int64(status.st_mtimespec.tv_sec), nanoseconds: Int64(status.st_mtimespec.tv_nsec))
        changed = Timestamp(seconds: Int64(status.st_ctimespec.tv_sec), nanoseconds: Int64(status.st_ctimespec.tv_nsec))
        #else
        modified = Timestamp(seconds: Int64(status.st_mtim.tv_sec), nanoseconds: Int64(status.st_mtim.tv_nsec))
        changed = Timestamp(seconds: Int64(status.st_ctim.tv_sec), nanoseconds: Int64(status.st_ctim.tv_nsec))
        #endif
    }
}

#if canImport(Glibc)
private let posixRead = Glibc.read
#elseif canImport(Darwin)
private let posixRead = Darwin.read
#endif
