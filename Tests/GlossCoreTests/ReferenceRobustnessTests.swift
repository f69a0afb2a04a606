import Testing
@testable import GlossCore

/// Random junk made of the characters that matter to the parsers must never crash them.
@Suite("Reference parsing on junk")
struct ReferenceRobustnessTests {
    static let pieces = ["“", "”", "\"", "‘", "’", "«", "»", "(", ")", "[", "]", ",", ";", ":", ".", "-", "–", " ", "\n", "/",
                         "İ", "ı", "ş", "ə", "Ş", "s.", "pp.", "с.", "bkz.", "see ", "Age", "a.g.e.", "ibid.", "erişim ", "ERİŞİM ",
                         "https://", "www.", "reu-", "2021", "21.07.2023", "34:1", "(ed.)", "ve ", "and ", "&", "Smith", "J.",
                         "Kaynakça", "1.", "[2]", "Иванов", "И.И.", " – ", " // ", "№ 2", "{", "}", "\\", "@", "%", "#", "=", "\u{0307}"]

    /// Found by `Fuzz/FuzzReferences`: a run of twenty digits or more in an unnumbered list made
    /// the year test overflow (a crash of every command that reads the list).
    @Test(arguments: [20, 40, 130])
    func longDigitRunsInAListAreNoYear(digits: Int) throws {
        let number = String(repeating: "9", count: digits)
        let text = "Metin.\n\nKaynakça\n\nKaya, A. (2015). Başlık. Dergi, 3, 1-9.\n\nDemir, B. \(number). Başka başlık \(number)a\(number).\n"
        let list = try #require(ReferenceListSegmenter.segment(text))
        #expect(!list.entries.isEmpty)
        #expect(!ReferenceListSegmenter.containsYear(number))
        #expect(ReferenceListSegmenter.containsYear("Kaya " + number + " 2015"))
    }

    /// A long entry of many sentences (prose after a reference-list heading, as in PDF text) was read
    /// again from its start at each full stop by the MLA/Chicago names reader: work quadratic in its
    /// length. A block whose head, or whose pieces before the last, are no names is given up for good.
    @Test func namesBlockGivesUpOnProse() {
        #expect(BibliographyEntry.names("Bu fikri destekleyebilecek bir diğer örnek olarak Azerbaycan Müşaviri konuştu") == .never)
        #expect(BibliographyEntry.names("Kaya, Bu fikri destekleyebilecek bir diğer örnek, Ankara") == .never)
        #expect(BibliographyEntry.names("Smith, John, bu fikri destekleyen, Ankara") == .never)
        // Undecided: a head of a few capitalised words may yet lead names once the block goes on.
        #expect(BibliographyEntry.names("Smith Brown Green Kaya") == .notYet)
        #expect(BibliographyEntry.names("Smith, John, and Jane Doe") == .names([CSLName(family: "Smith", given: "John"),
                                                                                CSLName(family: "Doe", given: "Jane")]))
        let prose = (0..<2000).map { "Cümle \($0) başka bir kelime ve yazı" }.joined(separator: ". ")
        #expect(BibliographyEntry.leadingNames(prose) == nil)
    }

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
