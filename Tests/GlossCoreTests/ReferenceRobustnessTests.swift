import Testing
@testable import GlossCore

/// Random junk made of the characters that matter to the parsers must never crash them.
@Suite("Reference parsing on junk")
struct ReferenceRobustnessTests {
    static let pieces = ["“", "”", "\"", "‘", "’", "«", "»", "(", ")", "[", "]", ",", ";", ":", ".", "-", "–", " ", "\n", "/",
                         "İ", "ı", "ş", "ə", "Ş", "s.", "pp.", "с.", "bkz.", "see ", "Age", "a.g.e.", "ibid.", "erişim ", "ERİŞİM ",
                         "https://", "www.", "reu-", "2021", "21.07.2023", "34:1", "(ed.)", "ve ", "and ", "&", "Smith", "J.",
                         "Kaynakça", "1.", "[2]", "Иванов", "И.И.", " – ", " // ", "№ 2", "{", "}", "\\", "@", "%", "#", "=", "\u{0307}"]

    @Test func parsersSurviveRandomInput() {
        var random = SplitMix64(state: 42)
        for _ in 0..<1500 {
            let count = Int.random(in: 0...30, using: &random)
            let text = (0..<count).map { _ in Self.pieces.randomElement(using: &random)! }.joined()
            let entry = ReferenceParser.parse(text)
            _ = FootnoteChainResolver.resolve([entry, entry])
            _ = ReferenceListSegmenter.segment("Kaynakça\n" + text)
            _ = BrokenURL.find(in: text)
        }
    }
}
