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
                         "ş", "İ", "И", "”", "🙂", "\n3  ", "Kaynakça\n", "\nReferences:\n"]

    @Test(arguments: 0..<6)
    func agreesWithByteAtATime(_ seed: Int) {
        var generator = SplitMix64(state: UInt64(seed))
        for _ in 0..<200 {
            let length = Int.random(in: 0...90, using: &generator)
            let text = (0..<length).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
            Self.compare(Array(text.utf8), text.debugDescription)
        }
    }

    @Test(.enabled(if: SeedData.available, "needs ../shared/seeds"))
    func agreesOnTheSeeds() throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: SeedData.seeds.path) where name.hasSuffix(".txt") {
            let bytes = Array(try Data(contentsOf: SeedData.seeds.appendingPathComponent(name)))
            Self.compare(bytes, name)
            // Every offset, so every block boundary and every continuation byte is crossed.
            let starts = bytes.indices.filter { bytes[$0] & 0xC0 != 0x80 } + [bytes.count]
            let scalars = bytes.withUnsafeBufferPointer { ScalarOffsets($0, starts) }
            #expect(starts.enumerated().allSatisfy { scalars[$0.element] == $0.offset }, "\(name)")
        }
    }

    @Test func headingIsTheLastOneAndNeedsAWholeLine() {
        let text = Array("1. Giriş (2020)\nKaynakça\nx\n\n7. REFERENCES:\nSmith (2019)\nkaynakça bölümü\n".utf8)
        let landmarks = text.withUnsafeBufferPointer { ScanLandmarks($0) }
        #expect(landmarks.referenceList == Array("1. Giriş (2020)\nKaynakça\nx\n\n".utf8).count)
    }

    /// The landmarks found with plain loops over the bytes.
    static func compare(_ bytes: [UInt8], _ label: String) {
        let landmarks = bytes.withUnsafeBufferPointer { ScanLandmarks($0) }
        var parentheses: [Int] = [], brackets: [Int] = [], newlines: [Int] = [], digitRuns: [Int] = []
        for (i, b) in bytes.enumerated() {
            switch b {
            case UInt8(ascii: "("): parentheses.append(i)
            case UInt8(ascii: "["): brackets.append(i)
            case UInt8(ascii: "\n"): newlines.append(i)
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if i > 0, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i - 1]), bytes[i - 1] > 0x20 { digitRuns.append(i) }
            default: break
            }
        }
        let candidates = bytes.withUnsafeBufferPointer { buffer in
            digitRuns.compactMap { FootnoteMarkerDetector.candidate(in: buffer, at: $0) }
        }
        #expect(landmarks.parentheses == parentheses, "\(label)")
        #expect(landmarks.brackets == brackets, "\(label)")
        #expect(landmarks.newlines == newlines, "\(label)")
        #expect(landmarks.candidates == candidates, "\(label)")
        let scalars = bytes.withUnsafeBufferPointer { ScalarOffsets($0, [bytes.count]) }
        #expect(scalars[bytes.count] == String(decoding: bytes, as: UTF8.self).unicodeScalars.count, "\(label)")
    }
}
