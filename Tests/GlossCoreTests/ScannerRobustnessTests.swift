import Foundation
import GlossCore
import Testing

/// Texts made of the pieces citations are made of, shuffled: the scanner must never crash, and
/// every span it reports must be the exact text it claims, in order, without overlaps.
@Suite("Scanner robustness")
struct ScannerRobustnessTests {
    static let pieces = ["(", ")", "[", "]", "Kaya", "Özdemir-", "-", "\n", "\n\n", " ", "2020", "2021a", "12",
                         "3", "1", "2", ".", ",", ";", ":", "’a göre ", "s.", "p. ", "с. ", "t.y.", "ve ", "“", "Age",
                         "01.02.2000", "16 may 1997", "İ", "ş", "Иванов", "\n1  Kaya, Kitap, 2020.\n", " 45   Dergi\n",
                         "Kaynakça\n", "\u{F02D}", "🙂"]

    @Test(arguments: 0..<8)
    func spansAreExactAndOrdered(_ seed: Int) {
        var generator = SplitMix64(state: UInt64(seed))
        for _ in 0..<300 {
            let length = Int.random(in: 1...60, using: &generator)
            let text = (0..<length).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
            let source = SourceText(text)
            let scan = CitationScanner.scan(source, source: try! SourceID("fuzz"))
            var lastEnd = 0
            for citation in scan.citations {
                #expect(citation.span.start >= lastEnd && citation.span.end <= source.scalarCount, "\(text.debugDescription)")
                #expect(source.slice(citation.span) == citation.text, "\(text.debugDescription)")
                lastEnd = citation.span.end
            }
            for footnote in scan.footnotes {
                #expect(footnote.parts.allSatisfy { $0.end <= source.scalarCount }, "\(text.debugDescription)")
            }
        }
    }

    /// The lines the scanner writes straight from the bytes are the lines of the citations it
    /// finds, byte for byte, with the same footnotes and reference list.
    @Test(arguments: 0..<4)
    func linesAreTheScanAsJSONLines(_ seed: Int) throws {
        var generator = SplitMix64(state: UInt64(100 + seed))
        for _ in 0..<300 {
            let length = Int.random(in: 1...80, using: &generator)
            Self.expectLinesMatchScan((0..<length).map { _ in Self.pieces.randomElement(using: &generator)! }.joined())
        }
    }

    /// The same on the repository's own workspace: the five articles as stored.
    @Test func linesAreTheScanAsJSONLinesOnTheStoredArticles() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("sources")
        let texts = try FileManager.default.contentsOfDirectory(atPath: sources.path).filter { $0.hasSuffix(".txt") }
        #expect(texts.count >= 5)
        for name in texts {
            Self.expectLinesMatchScan(try String(contentsOf: sources.appendingPathComponent(name), encoding: .utf8))
        }
    }

    static func expectLinesMatchScan(_ text: String) {
        let source = try! SourceID("fuzz")
        let bytes = Array(text.utf8)
        let scan = CitationScanner.scan(utf8: bytes, source: source)
        let lines = bytes.withUnsafeBufferPointer { CitationScanner.scanLines(utf8: $0, source: source) }
        #expect(lines.lines == CitationJSONLine.lines(scan.citations), "\(text.prefix(200).debugDescription)")
        #expect(lines.footnotes == scan.footnotes && lines.referenceList == scan.referenceList, "\(text.prefix(200).debugDescription)")
    }
}
