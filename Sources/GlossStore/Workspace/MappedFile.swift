import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file mapped read-only into memory: its bytes without reading them into a buffer, so that a
/// warm `gloss cites` hands the cache's pages straight to its output. (Stored texts are read, not
/// mapped: see ``TextReader``.)
///
/// Only for files Gloss replaces by rename and never cuts short in place (the detection cache): a
/// rename leaves the mapped file intact, but a file truncated by another program while mapped
/// faults on access.
final class MappedFile: @unchecked Sendable {
    /// The file's bytes, valid while this object lives.
    let bytes: UnsafeRawBufferPointer
    /// The file's stat signature when it was mapped.
    let signature: FileSignature

    /// Maps the file at `path`; nil when it cannot be opened or mapped, or is empty.
    convenience init?(path: String) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        self.init(fd: fd)
    }

    /// Maps the whole of the open file `fd`, which must be open for reading; nil when it cannot be
    /// mapped or is empty. The mapping outlives the descriptor.
    init?(fd: Int32) {
        var status = stat()
        guard fstat(fd, &status) == 0, status.st_size > 0 else { return nil }
        let size = Int(status.st_size)
        guard let start = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), start != MAP_FAILED else { return nil }
        bytes = UnsafeRawBufferPointer(start: start, count: size)
        signature = FileSignature(status)
    }

    deinit {
        munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count)
    }
}

/// A range of a mapped file's bytes, kept alive with it.
public struct MappedBytes: ContiguousBytes, Sendable {
    let file: MappedFile
    let range: Range<Int>

    /// The number of bytes.
    public var count: Int { range.count }

    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(rebasing: file.bytes[range]))
    }
}
