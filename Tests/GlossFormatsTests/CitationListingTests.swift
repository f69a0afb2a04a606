import Testing
import GlossCore
@testable import GlossFormats

@Suite("Citation listing")
struct CitationListingTests {
    @Test(arguments: [
        ("(Zeytinci,\n2025:3)", "(Zeytinci, 2025:3)"),
        ("  (Özdemir-\n\n  Kantar, 2019)\t", "(Özdemir- Kantar, 2019)"),
        ("[8,\u{00A0}s.229]", "[8, s.229]"),
        ("(Smith\r\n2020)", "(Smith 2020)"),
        ("(Иванов, 2011, с. 45)", "(Иванов, 2011, с. 45)"),
    ])
    func collapsesWhiteSpace(_ text: String, _ expected: String) {
        #expect(CitationListing.collapse(text) == expected)
    }

    @Test func showsLineAndColumnInCodePoints() throws {
        let text = "Ə\nBöyük (Zeytinci, 2025:3) dedi."
        let source = try SourceID("a")
        let citation = Citation(source: source, span: TextSpan(start: 8, end: 26), text: "(Zeytinci, 2025:3)", kind: .parenthetical,
                                items: [CitationItem(author: "Zeytinci", year: "2025", locator: "3")])
        let listing = CitationListing.render(source: source, lines: LineIndex(utf8: Array(text.utf8)), citations: [citation], footnotes: 0)
        #expect(listing.hasPrefix("a  1 citation\n  2:7       8..26 "))
        #expect(listing.contains("(Zeytinci, 2025:3)\n"))
        #expect(listing.contains("→ author Zeytinci, year 2025, at 3\n"))
    }
}
