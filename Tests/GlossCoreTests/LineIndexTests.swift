import Foundation
import Testing
@testable import GlossCore

/// The line index (eight bytes at a time) against a count made one code point at a time: on
/// shuffled line feeds and multi-byte letters at every position of a word, and on the seeds.
@Suite("Line index")
struct LineIndexTests {
    /// Line and column of every code point, counted one at a time.
    static func positions(_ text: String) -> [(line: Int, column: Int)] {
        var out: [(line: Int, column: Int)] = []
        var (line, column) = (1, 1)
        for scalar in text.unicodeScalars {
            out.append((line, column))
            if scalar == "\n" { (line, column) = (line + 1, 1) } else { column += 1 }
        }
        out.append((line, column))
        return out
    }

    static func expectAgrees(_ text: String) {
        let index = LineIndex(utf8: Array(text.utf8))
        for (scalar, expected) in positions(text).enumerated() {
            let found = index.lineColumn(ofScalar: scalar)
            #expect(found == expected, "code point \(scalar) of \(text.debugDescription)")
            if found != expected { return }
        }
    }

    @Test func countsCodePointsNotBytes() {
        let index = LineIndex(utf8: Array("İlham ı\nəlaqə Москва 🇹🇷\n\nson".utf8))
        #expect(index.lineColumn(ofScalar: 7) == (1, 8))
        #expect(index.lineColumn(ofScalar: 8) == (2, 1))
        #expect(index.lineColumn(ofScalar: 23) == (2, 16))
        #expect(index.lineColumn(ofScalar: 24) == (3, 1))
        #expect(index.lineColumn(ofScalar: 25) == (4, 1))
        #expect(index.lineColumn(ofScalar: 27) == (4, 3))
    }

    @Test(arguments: 0..<40)
    func agreesWithOneAtATime(_ seed: Int) {
        var generator = SplitMix64(state: UInt64(seed))
        let pieces = ["\n", "a", " ", "ə", "Ж", "€", "🇹🇷", "\r\n", "\n\n", "1"]
        var text = ""
        for _ in 0..<Int.random(in: 0...90, using: &generator) { text += pieces.randomElement(using: &generator)! }
        Self.expectAgrees(text)
    }

    @Test func agreesOnTheSeeds() throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: SeedData.seeds.path) where name.hasSuffix(".txt") {
            Self.expectAgrees(try String(contentsOf: SeedData.seeds.appendingPathComponent(name), encoding: .utf8))
        }
    }
}
