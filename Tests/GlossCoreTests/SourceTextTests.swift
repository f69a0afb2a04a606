import Testing
@testable import GlossCore

@Suite("Code-point offsets")
struct SourceTextTests {
    // İ, ı, ə, Cyrillic are one code point each but two UTF-8 bytes; the flag is two code points
    // but one grapheme, so String.count would be wrong for it.
    let text = SourceText("İlham ı\nəlaqə Москва 🇹🇷 son")

    @Test func countsCodePoints() {
        #expect(text.scalarCount == text.string.unicodeScalars.count)
        #expect(text.scalarCount == 27)
        #expect(text.string.count == 26)
    }

    @Test func slicesByCodePoint() {
        #expect(text.slice(TextSpan(start: 0, end: 5)) == "İlham")
        #expect(text.slice(TextSpan(start: 6, end: 7)) == "ı")
        #expect(text.slice(TextSpan(start: 8, end: 13)) == "əlaqə")
        #expect(text.slice(TextSpan(start: 14, end: 20)) == "Москва")
        #expect(text.slice(TextSpan(start: 21, end: 23)) == "🇹🇷")
        #expect(text.slice(TextSpan(start: 24, end: 27)) == "son")
    }

    @Test func mapsBetweenBytesAndCodePoints() {
        for scalar in 0...text.scalarCount {
            #expect(text.scalarOffset(ofUTF8: text.utf8Offset(ofScalar: scalar)) == scalar)
        }
        // "İ" is two bytes: its second byte still belongs to code point 0.
        #expect(text.scalarOffset(ofUTF8: 1) == 0)
        #expect(text.utf8Offset(ofScalar: text.scalarCount) == text.utf8.count)
    }

    @Test func lineAndColumn() {
        #expect(text.lineColumn(ofScalar: 0) == (1, 1))
        #expect(text.lineColumn(ofScalar: 6) == (1, 7))
        #expect(text.lineColumn(ofScalar: 8) == (2, 1))
        #expect(text.lineColumn(ofScalar: 14) == (2, 7))
    }

    @Test func rejectsSpansOutsideTheText() {
        #expect(throws: TextSpanError.outOfBounds(TextSpan(start: 20, end: 28), length: 27)) {
            try text.validate(TextSpan(start: 20, end: 28))
        }
        #expect(throws: Never.self) { try text.validate(TextSpan(start: 27, end: 27)) }
    }

    /// `START..END` as the command line writes spans, `START-END` as citation ids do.
    @Test(arguments: [("12..40", "12..40"), ("0..0", "0..0"), ("12-40", "12..40"), ("0-0", "0..0")])
    func parsesSpans(input: String, span: String) throws {
        #expect(try TextSpan(parsing: input).description == span)
    }

    @Test(arguments: ["a..b", "..4", "4..", "-1..3", "1...3", "12-", "-12-40", "1-2-3", "12..40-3", "+1-3", " 1-3"])
    func rejectsMalformedSpans(input: String) {
        #expect(throws: TextSpanError.malformed(input)) { try TextSpan(parsing: input) }
    }

    @Test func rejectsReversedSpans() {
        #expect(throws: TextSpanError.reversed("9..3")) { try TextSpan(parsing: "9..3") }
    }
}
