#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file descriptor (standard input, a pipe) one line at a time, holding no more than the
/// longest line and one read's worth of bytes: a stream of any length in constant memory.
public struct LineStream {
    private let fd: Int32
    /// Names the input in errors.
    private let name: String

    public init(fd: Int32, name: String) {
        self.fd = fd
        self.name = name
    }

    /// Calls `body` with each line (without its line feed) and its number, from 1, in order; a last
    /// line without a line feed counts too. `beforeRead` runs before every read that may wait for
    /// input (none is ready), so that a caller can hand on what it has answered so far (a reader
    /// waiting for those answers before it sends more input would otherwise wait for ever).
    public func forEachLine(beforeRead: () throws -> Void,
                            _ body: (_ line: UnsafeRawBufferPointer, _ number: Int) throws -> Void) throws {
        var capacity = 1 << 16
        var buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 1)
        defer { buffer.deallocate() }
        // The bytes held are buffer[start..<end]; a line is looked for from `searched` on.
        var start = 0, end = 0, searched = 0, number = 0
        while true {
            if end == capacity {
                if start > 0 {
                    // Move the unfinished line to the front.
                    (buffer).copyMemory(from: buffer + start, byteCount: end - start)
                    (end, searched, start) = (end - start, searched - start, 0)
                } else {
                    // A line longer than the buffer: make it twice as large.
                    let larger = UnsafeMutableRawPointer.allocate(byteCount: capacity * 2, alignment: 1)
                    larger.copyMemory(from: buffer, byteCount: end)
                    buffer.deallocate()
                    (buffer, capacity) = (larger, capacity * 2)
                }
            }
            if !Self.inputReady(fd) { try beforeRead() }
            let n = read(fd, buffer + end, capacity - end)
            if n < 0 {
                if errno == EINTR { continue }
                throw StoreError.readFailed(path: name, reason: AtomicFile.lastError())
            }
            if n == 0 {
                if end > start {
                    number += 1
                    try body(UnsafeRawBufferPointer(start: buffer + start, count: end - start), number)
                }
                return
            }
            end += n
            while let newline = memchr(buffer + searched, 0x0A, end - searched) {
                let at = buffer.distance(to: newline)
                number += 1
                try body(UnsafeRawBufferPointer(start: buffer + start, count: at - start), number)
                start = at + 1
                searched = start
            }
            searched = end
            if start == end { (start, end, searched) = (0, 0, 0) }
        }
    }

    /// Whether a read of `fd` returns at once: input is there, or its end, or an error.
    private static func inputReady(_ fd: Int32) -> Bool {
        var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&entry, 1, 0) > 0
    }
}
