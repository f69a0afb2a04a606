import Foundation
@testable import GlossCore
import Testing

@Suite("Canonical decomposition and composition")
struct CanonicalFormsTests {
    static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return "0x" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// The rows of `CanonicalDecomposition.table`, from Foundation.
    static func expectedTable() -> (table: [UInt32: [UInt32]], rows: String) {
        var table: [UInt32: [UInt32]] = [:]
        var entries: [String] = []
        for value in UInt32(0)...0x10FFFF where !(0xAC00...0xD7A3).contains(value) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let parts = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.map(\.value)
            guard parts != [value] else { continue }
            table[value] = parts
            entries.append("\(hex(value)): [\(parts.map(hex).joined(separator: ", "))]")
        }
        let rows = stride(from: 0, to: entries.count, by: 4).map {
            "        " + entries[$0..<min($0 + 4, entries.count)].joined(separator: ", ") + ","
        }
        return (table, rows.joined(separator: "\n"))
    }

    @Test func tableIsFoundations() throws {
        let expected = Self.expectedTable()
        guard CanonicalDecomposition.table != expected.table else { return }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("CanonicalDecompositionTable.txt")
        try expected.rows.write(to: path, atomically: true, encoding: .utf8)
        Issue.record("CanonicalDecomposition.table differs from Foundation's decompositions; the table they give is in \(path.path)")
    }

    @Test func decomposesHangulAsFoundation() {
        for value in UInt32(0xAC00)...0xD7A3 {
            let scalar = Unicode.Scalar(value)!
            #expect(CanonicalDecomposition.decompose(scalar) == Array(String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars))
        }
    }

    @Test(arguments: [
        "Şuşa", "İstanbul", "ı", "Məmmədov", "e\u{301}\u{327}", "ȩ\u{301}", "a\u{327}\u{301}\u{316}", "Ё ё й", "ǅ", "ΐ ᾷ",
        "한국어", "A\u{30A}Å", "ﬁ", "", "plain ASCII",
    ])
    func decomposesTextAsFoundation(text: String) {
        #expect(CanonicalDecomposition.decompose(text) == Array(text.decomposedStringWithCanonicalMapping.unicodeScalars))
        #expect(CanonicalDecomposition.decompose(text.lowercased()) == Array(text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars))
    }

    /// Scalars after which Foundation leaves a following U+0301 uncomposed and the standard library,
    /// following the standard, composes it: the Tibetan vowel signs U+0F73, U+0F75 and U+0F81, and
    /// marks of Unicode 17 that Foundation's data lacks. Not in the texts Gloss reads.
    static let knownDifferences: Set<UInt32> = [0x0F73, 0x0F75, 0x0F81, 0x1ADD, 0x1AE6, 0x1AEB]

    @Test func composesEveryBMPScalarAsFoundation() {
        for value in UInt32(0x80)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = String(scalar)
            let decomposed = text.decomposedStringWithCanonicalMapping
            #expect(Array(CanonicalComposition.compose(decomposed).unicodeScalars) == Array(decomposed.precomposedStringWithCanonicalMapping.unicodeScalars),
                    "U+\(String(value, radix: 16))")
            let marked = "a" + text + "\u{301}"
            let same = Array(CanonicalComposition.compose(marked).unicodeScalars) == Array(marked.precomposedStringWithCanonicalMapping.unicodeScalars)
            #expect(same != Self.knownDifferences.contains(value), "a U+\(String(value, radix: 16)) U+301")
        }
    }

    @Test(arguments: ["S\u{327}us\u{327}a", "e\u{301}\u{327}", "a\u{327}\u{301}", "\u{301}x", "I\u{307}stanbul", "plain", "", "ᄒ\u{1161}\u{11AB}"])
    func composesTextAsFoundation(text: String) {
        #expect(Array(CanonicalComposition.compose(text).unicodeScalars) == Array(text.precomposedStringWithCanonicalMapping.unicodeScalars))
        #expect(Array(CanonicalComposition.compose(text.dropFirst(0)).unicodeScalars) == Array(text.precomposedStringWithCanonicalMapping.unicodeScalars))
    }

    @Test func composesTheSeedsAsFoundation() throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: SeedData.seeds.path) where name.hasSuffix(".txt") {
            let text = try String(contentsOf: SeedData.seeds.appendingPathComponent(name), encoding: .utf8)
            let decomposed = text.decomposedStringWithCanonicalMapping
            #expect(CanonicalComposition.compose(decomposed).unicodeScalars.elementsEqual(decomposed.precomposedStringWithCanonicalMapping.unicodeScalars), "\(name)")
            #expect(CanonicalDecomposition.decompose(text) == Array(decomposed.unicodeScalars), "\(name)")
        }
    }
}
