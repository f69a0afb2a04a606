import Foundation
@testable import GlossCore
import Testing

/// The vector first pass and the vector scalar count against plain byte-at-a-time versions of the
/// same definitions, on texts built so that every kind of landmark falls on every position of a
/// sixteen-byte block, and on the seed articles.
@Suite("Scan landmarks")
struct ScanLandmarksTests {
    /// Bytes chosen for the edges of the definitions: digits after letters, punctuation, spaces,
    /// control characters and other digits; line feeds; brackets; multi-byte letters.
    static let pieces = ["(", "[", "]", ")", "a", "Z", ".", ",", " ", "\n", "\t", "\r", "\u{0C}", "1", "7", "42", "0",
                         "ş", "İ", "И", "”", "🙂", "\n3  ", "Kaynakça\n", "\nReferences:\n",
                         "\n\n\n\n\n\n"]

    @Test(arguments: 0..<6)
    func agreesWithByteAtATime(_ seed: Int) {
        var generator = SplitMix64(state: UInt64(seed))
        for _ in 0..<200 {
            // Up to four chunks, so that every vector path and the bytes read alone are crossed.
            let length = Int.random(in: 0...260, using: &generator)
            let text = (0..<length).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
            Self.compare(Array(text.utf8), text.debugDescription)
        }
    }

    @Test func agreesOnTheSeeds() throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: SeedData.seeds.path) where name.hasSuffix(".txt") {
            let bytes = Array(try Data(contentsOf: SeedData.seeds.appendingPathComponent(name)))
            Self.compare(bytes, name)
        }
    }

    /// The word-arithmetic mask and sum (used where SSE2 is not there) against the lanes one by one.
    @Test func portableBlockOperations() {
        var generator = SplitMix64(state: 7)
        for _ in 0..<2000 {
            var lanes = ByteBlock.Lanes()
            for k in 0..<16 { lanes[k] = UInt8.random(in: 0...255, using: &generator) }
            let mask = (0..<16).reduce(UInt64(0)) { $0 | UInt64(lanes[$1] >> 7) << UInt64($1) }
            let sum = (0..<16).reduce(0) { $0 + Int(lanes[$1]) }
            #expect(ByteBlock.portableMask(lanes) == mask && ByteBlock.mask(lanes) == mask)
            #expect(ByteBlock.portableSum(lanes) == sum && ByteBlock.sum(lanes) == sum)
        }
    }

    @Test func headingIsTheLastOneAndNeedsAWholeLine() {
        let text = Array("1. Giriş (2020)\nKaynakça\nx\n\n7. REFERENCES:\nSmith (2019)\nkaynakça bölümü\n".utf8)
        let landmarks = text.withUnsafeBufferPointer { ScanLandmarks($0) }
        #expect(landmarks.referenceList == Array("1. Giriş (2020)\nKaynakça\nx\n\n".utf8).count)
    }

    /// The landmarks found by `classifier`, with `bytes` placed `alignment` bytes after a 64-byte
    /// boundary, against the landmarks found with plain loops over the bytes.
    static func compare(_ bytes: [UInt8], _ label: String, classifier: ChunkClassifier = .best, alignment: Int = 0) {
        let placed = UnsafeMutableRawBufferPointer.allocate(byteCount: alignment + bytes.count, alignment: 64)
        defer { placed.deallocate() }
        placed.initializeMemory(as: UInt8.self, repeating: UInt8(ascii: "7"))
        placed.baseAddress!.advanced(by: alignment).copyMemory(from: bytes, byteCount: bytes.count)
        let landmarks = ScanLandmarks(UnsafeBufferPointer(rebasing: placed.assumingMemoryBound(to: UInt8.self)[alignment...]),
                                      classifier: classifier)
        var parentheses: [Int] = [], brackets: [Int] = [], newlines: [Int] = [], digitRuns: [Int] = [], digitLines: [Int] = []
        for (i, b) in bytes.enumerated() {
            switch b {
            case UInt8(ascii: "("): parentheses.append(i)
            case UInt8(ascii: "["): brackets.append(i)
            case UInt8(ascii: "\n"): newlines.append(i)
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if i == 0 || bytes[i - 1] == UInt8(ascii: "\n") { digitLines.append(newlines.count) }
                if i > 0, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i - 1]), bytes[i - 1] > 0x20 { digitRuns.append(i) }
            default: break
            }
        }
        // The last line that is a heading, tried on every line from the first.
        var referenceList = bytes.count
        bytes.withUnsafeBufferPointer { buffer in
            var lineStart = 0
            for end in newlines + [bytes.count] {
                if ReferenceListHeading.matcher.matches(buffer, line: lineStart..<end) { referenceList = lineStart }
                lineStart = end + 1
            }
        }
        let candidates = bytes.withUnsafeBufferPointer { buffer in
            digitRuns.compactMap { FootnoteMarkerDetector.candidate(in: buffer, at: $0) }
        }
        #expect(landmarks.parentheses == parentheses, "\(label)")
        #expect(landmarks.brackets == brackets, "\(label)")
        #expect(Array(landmarks.newlines) == newlines, "\(label)")
        #expect(landmarks.candidates == candidates, "\(label)")
        #expect(landmarks.digitLines == digitLines, "\(label)")
        #expect(landmarks.referenceList == referenceList, "\(label)")
        // Code points before every 64th byte, and before every scalar boundary (so every chunk
        // boundary and every continuation byte is crossed).
        let starts = bytes.indices.filter { bytes[$0] & 0xC0 != 0x80 } + [bytes.count]
        var counts: [Int] = []
        var scalars = 0
        for i in 0...bytes.count {
            if i % ScanLandmarks.chunk == 0 { counts.append(scalars) }
            if i < bytes.count, bytes[i] & 0xC0 != 0x80 { scalars += 1 }
        }
        #expect(landmarks.scalarCounts == counts, "\(label)")
        bytes.withUnsafeBufferPointer { buffer in
            let scalars = ScalarOffsets(buffer, counts: landmarks.scalarCounts)
            #expect(starts.enumerated().allSatisfy { scalars[$0.element] == $0.offset }, "\(label)")
        }
    }
}
