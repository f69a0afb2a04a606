import Foundation
import GlossCore
import Testing

@Suite struct ParagraphSplitterTests {
    func texts(_ text: String, excluding: [TextSpan] = [], unbreakable: [TextSpan] = []) -> [String] {
        let source = SourceText(text)
        return ParagraphSplitter.paragraphs(in: source, excluding: excluding, unbreakable: unbreakable).map(source.slice)
    }

    @Test func plainTextSplitsAtBlankLines() {
        #expect(texts("  One line\nand more.\n\nTwo.\n \nThree") == ["One line\nand more.", "Two.", "Three"])
        #expect(texts("") == [])
    }

    @Test func pdfExtractionJoinsLinesUntilAShortSentenceEnd() {
        let long = String(repeating: "word ", count: 16)
        var lines: [String] = []
        for paragraph in 0..<5 {
            for _ in 0..<4 { lines.append(long + "go on") }
            lines.append("end of paragraph \(paragraph).")
        }
        let text = lines.joined(separator: " \n\n")
        let paragraphs = texts(text)
        #expect(paragraphs.count == 5)
        #expect(paragraphs.allSatisfy { $0.hasSuffix(".") })
    }

    @Test func excludedSpansLeaveTheFlowAndCitationsAreNotSplit() {
        let text = "First para (Smith,\n\n2020) still.\n\n9 A footnote.\n\nNext."
        let note = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: text.range(of: "9 A")!.lowerBound.samePosition(in: text.unicodeScalars)!)
        let citation = TextSpan(start: 11, end: 25)
        let result = texts(text, excluding: [TextSpan(start: note, end: note + 13)], unbreakable: [citation])
        #expect(result == ["First para (Smith,\n\n2020) still.", "Next."])
    }
}

@Suite struct ParagraphSplitterSeedTests {
    /// The PDF extraction of seed 000: headings stand alone, body paragraphs hold many lines.
    @Test func seedParagraphs() throws {
        let text = SourceText(try #require(CoreSeeds.text("000")))
        let paragraphs = ParagraphSplitter.paragraphs(in: text).map(text.slice)
        #expect(paragraphs.contains("SONUÇ:"))
        #expect(paragraphs.contains("Abstract:"))
        let lineCount = text.string.split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }.count
        // Far fewer paragraphs than lines, and most paragraphs end a sentence.
        #expect(paragraphs.count * 4 < lineCount)
        let ending = paragraphs.filter { $0.last.map { ".:!?)".contains($0) } ?? false }
        #expect(ending.count * 10 >= paragraphs.count * 7)
    }
}
