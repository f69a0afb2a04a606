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
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { throw .fileMissing(path: url.path) }
            throw .readFailed(path: url.path, reason: AtomicFile.lastError())
        }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else { throw .readFailed(path: url.path, reason: AtomicFile.lastError()) }
        // One byte more than the size, so that the end of the file is seen in the same loop.
        var bytes: [UInt8] = []
        var capacity = max(Int(status.st_size), 0) + 1
        while true {
            var failure: String?
            let chunk = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                count = 0
                while count < buffer.count {
                    let n = posixRead(fd, buffer.baseAddress! + count, buffer.count - count)
                    if n < 0 {
                        if errno == EINTR { continue }
                        failure = AtomicFile.lastError()
                        return
                    }
                    if n == 0 { return }
                    count += n
                }
            }
            if let failure { throw .readFailed(path: url.path, reason: failure) }
            if bytes.isEmpty { bytes = chunk } else { bytes.append(contentsOf: chunk) }
            // A short chunk means the end of the file; a full one, that it grew since fstat.
            if chunk.count < capacity { return bytes }
            capacity = 1 << 16
        }
    }
}

#if canImport(Glibc)
private let posixRead = Glibc.read
#elseif canImport(Darwin)
private let posixRead = Darwin.read
#endif
