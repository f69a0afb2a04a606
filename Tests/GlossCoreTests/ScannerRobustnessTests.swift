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
}
