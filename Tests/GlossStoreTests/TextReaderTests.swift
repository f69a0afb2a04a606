import Dispatch
import Foundation
import Testing
@testable import GlossStore

/// `TextReader`: whole files read into buffers that are kept and reused.
@Suite("Text reader")
struct TextReaderTests {
    private static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-reader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Each file comes back whole and alone, whatever was read into the buffer before it: a small
    /// file after a large one, a large one after a small one (the buffer grown), and a file of
    /// more than the first buffer's megabyte.
    @Test func readsEachFileWholeIntoReusedBuffers() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let reader = TextReader()
        let sizes = [3, 200_000, 17, (1 << 20) + 5, 1, 5_000_000, 40]
        for (index, size) in sizes.enumerated() {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ index) }
            let path = folder.appendingPathComponent("text-\(index).txt").path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let read = reader.withContents(ofFile: path) { contents, signature in (Array(contents), signature) }
            #expect(read?.0 == bytes, "file \(index), \(size) bytes")
            #expect(read?.1 == FileSignature(path: path))
        }
    }

    /// An empty or missing file gives nil, for the caller's own reading to report or handle.
    @Test func emptyAndMissingFilesAreNil() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let reader = TextReader()
        let empty = folder.appendingPathComponent("empty.txt").path
        try Data().write(to: URL(fileURLWithPath: empty))
        #expect(reader.withContents(ofFile: empty) { bytes, _ in bytes.count } == nil)
        #expect(reader.withContents(ofFile: folder.appendingPathComponent("none.txt").path) { bytes, _ in bytes.count } == nil)
    }

    /// Threads reading at once each get their own buffer.
    @Test func concurrentReadsDoNotShareABuffer() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let reader = TextReader()
        let files = try (0..<16).map { index -> (String, [UInt8]) in
            let bytes = [UInt8](repeating: UInt8(index), count: 50_000 + 1_000 * index)
            let path = folder.appendingPathComponent("text-\(index).txt").path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            return (path, bytes)
        }
        let results = ResultBox(count: files.count * 4)
        DispatchQueue.concurrentPerform(iterations: files.count * 4) { k in
            let (path, bytes) = files[k % files.count]
            results.set(k, reader.withContents(ofFile: path) { contents, _ in
                // Held a moment, so that the other threads read meanwhile.
                usleep(200)
                return Array(contents) == bytes
            } ?? false)
        }
        #expect(results.all)
    }
}

private final class ResultBox: @unchecked Sendable {
    private var values: [Bool]
    private let lock = NSLock()
    init(count: Int) { values = Array(repeating: false, count: count) }
    func set(_ index: Int, _ value: Bool) {
        lock.lock()
        values[index] = value
        lock.unlock()
    }
    var all: Bool { values.allSatisfy { $0 } }
}
