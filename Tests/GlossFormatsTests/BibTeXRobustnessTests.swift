import Testing
@testable import GlossFormats

/// Random junk in BibTeX syntax must give problems, never a crash or a hang.
@Suite("BibTeX on junk")
struct BibTeXRobustnessTests {
    static let pieces = ["@article", "@string", "@comment", "@preamble", "{", "}", "(", ")", "\"", ",", "=", "#", " ", "\n", "key",
                         "title", "author", " and ", "\\\"", "\\c", "{\\i}", "\\u", "\\", "--", "`", "'", "ş", "İ", "%", "jan", "2021"]

    @Test func parserSurvivesRandomInput() {
        var state: UInt64 = 7
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<1500 {
            let text = (0..<next(40)).map { _ in Self.pieces[next(Self.pieces.count)] }.joined()
            let result = BibTeXParser.parse(text, file: "junk.bib")
            #expect(result.problems.allSatisfy { $0.line >= 1 })
        }
    }
}
