import Foundation
import Testing
@testable import GlossStore

@Suite("LineStream")
struct LineStreamTests {
    /// The lines `LineStream` reads from a file holding `bytes`, with their numbers.
    static func lines(of bytes: [UInt8]) throws -> [(String, Int)] {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("lines-\(UUID().uuidString)")
        try Data(bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let fd = open(file.path, O_RDONLY)
        try #require(fd >= 0)
        defer { close(fd) }
        var found: [(String, Int)] = []
        try LineStream(fd: fd, name: "test").forEachLine(beforeRead: {}) { line, number in
            found.append((String(decoding: line, as: UTF8.self), number))
        }
        return found
    }

    @Test(arguments: [
        ("", [String]()),
        ("a", ["a"]),
        ("a\n", ["a"]),
        ("a\n\nb", ["a", "", "b"]),
        ("\n", [""]),
    ])
    func splitsOnLineFeeds(input: String, expected: [String]) throws {
        let found = try Self.lines(of: Array(input.utf8))
        #expect(found.map(\.0) == expected)
        #expect(found.map(\.1) == expected.indices.map { $0 + 1 })
    }

    /// Lines longer than the buffer, and many short ones across its boundaries, come back whole.
    @Test func linesAcrossAndBeyondTheBuffer() throws {
        var random = SystemRandomNumberGenerator()
        var expected: [String] = []
        for index in 0..<400 {
            let length = index % 50 == 7 ? Int.random(in: 70_000...300_000, using: &random) : Int.random(in: 0...3_000, using: &random)
            expected.append(String(repeating: "ş", count: length / 2) + "\(index)")
        }
        let found = try Self.lines(of: Array(expected.joined(separator: "\n").utf8))
        #expect(found.count == expected.count)
        #expect(found.map(\.0) == expected)
        #expect(found.map(\.1) == Array(1...expected.count))
    }

    @Test func aReadErrorNamesTheInput() throws {
        // A directory cannot be read as a stream.
        let fd = open(FileManager.default.temporaryDirectory.path, O_RDONLY)
        defer { close(fd) }
        #expect(throws: StoreError.self) {
            try LineStream(fd: fd, name: "the folder").forEachLine(beforeRead: {}) { _, _ in }
        }
    }
}
