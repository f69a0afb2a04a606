#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Reads stored texts whole into buffers kept from one text to the next, one a thread at a time.
///
/// A scan reads every text of a workspace on all cores. Mapping each one instead (`mmap`, then
/// `munmap`) takes the process's memory-map lock for writing twice a text, and an unmap also waits
/// for the other cores to drop the text's pages from their TLBs; while it does, a thread that
/// wants the lock sleeps. On the benchmark's two-core VM, threads slept 0.1–28 ms of a 60–80 ms
/// run there. A buffer is allocated once and grown only for a larger text, so reading takes that
/// lock only then.
final class TextReader: Sendable {
    /// A kept buffer: the list's while it is in it, one thread's once taken.
    private struct Kept: @unchecked Sendable {
        let buffer: UnsafeMutableRawBufferPointer
    }

    private let free = Mutex<[Kept]>([])

    deinit {
        free.withLock { list in
            for kept in list { kept.buffer.deallocate() }
        }
    }

    /// `body` of the bytes of the file at `path` and its stat signature, when the file can be read
    /// whole and is not empty; nil otherwise (the caller then reads it the slow way, with errors).
    /// What `body` throws is thrown on.
    func withContents<T, Failure: Error>(ofFile path: String,
                                         _ body: (UnsafeBufferPointer<UInt8>, FileSignature) throws(Failure) -> T) throws(Failure) -> T? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0, status.st_size > 0 else { return nil }
        let size = Int(status.st_size)
        let buffer = take(atLeast: size)
        defer { give(buffer) }
        // Short of the size: an error, or a file cut short since `fstat`.
        guard FileBytes.fill(UnsafeMutableRawBufferPointer(rebasing: buffer[0..<size]), from: fd) == size else { return nil }
        let bytes = buffer.baseAddress!.bindMemory(to: UInt8.self, capacity: size)
        return try body(UnsafeBufferPointer(start: bytes, count: size), FileSignature(status))
    }

    /// A free buffer of at least `size` bytes: a kept one, grown if it is too small, or a new one.
    private func take(atLeast size: Int) -> UnsafeMutableRawBufferPointer {
        let kept = free.withLock { $0.popLast() }?.buffer
        if let kept, kept.count >= size { return kept }
        kept?.deallocate()
        // Rounded up, so that texts a little larger than the last do not each grow it.
        let rounded = (size + (1 << 20) - 1) & ~((1 << 20) - 1)
        return .allocate(byteCount: rounded, alignment: 64)
    }

    private func give(_ buffer: UnsafeMutableRawBufferPointer) {
        free.withLock { $0.append(Kept(buffer: buffer)) }
    }
}
