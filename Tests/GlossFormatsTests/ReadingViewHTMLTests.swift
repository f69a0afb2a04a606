import Foundation
import GlossCore
import GlossFormats
import Testing

@Suite("Reading view HTML")
struct ReadingViewHTMLTests {
    static let text = "Bağımsızlık <sonrası> & “ilişkiler” gelişti (Oran, 1998: 455).\n\nƏliyev hökuməti [12, с. 45] dedi.\n\nSon.\n"

    static func source(claims: [Claim] = [], findings: [Finding] = [], rejected: Bool = false) throws -> ReadingSource {
        let id = try SourceID("paper")
        let text = SourceText(text)
        func span(of needle: String) -> TextSpan {
            let scalars = Array(text.string.unicodeScalars)
            let target = Array(needle.unicodeScalars)
            let start = (0...(scalars.count - target.count)).first { Array(scalars[$0..<$0 + target.count]) == target }!
            return TextSpan(start: start, end: start + target.count)
        }
        let oran = Citation(source: id, span: span(of: "(Oran, 1998: 455)"), text: "(Oran, 1998: 455)", kind: .parenthetical,
                            items: [CitationItem(author: "Oran", year: "1998", locator: "455")])
        let numeric = Citation(source: id, span: span(of: "[12, с. 45]"), text: "[12, с. 45]", kind: .numeric,
                               items: [CitationItem(locator: "с. 45", ref: 12)])
        var record = BibRecord(id: "oran1998", type: "book")
        record.author = [CSLName(family: "Oran", given: "Baskın")]
        record.title = "Türk Dış Politikası <cilt 1>"
        record.issued = CSLDate(year: 1998)
        let resolutions = [
            CitationResolution(citation: oran.id, item: 0, status: rejected ? .rejected : .linked, records: rejected ? [] : ["oran1998"],
                               via: rejected ? nil : .referenceList, locator: "455"),
            CitationResolution(citation: numeric.id, item: 0, status: .unresolved, records: [], via: nil, locator: "с. 45"),
        ]
        let metadata = SourceMetadata(id: id, details: SourceDetails(title: "<i>Başlık</i>", authors: ["A. Yazar"], year: 2024, languages: ["tr"]),
                                      first: SourceRevision(revision: 1, sha256: "x", length: text.scalarCount, file: "paper.txt",
                                                            importedFrom: "paper.txt", importedAt: "2026-01-01T00:00:00Z"))
        return ReadingSource(metadata: metadata, text: text, citations: [numeric, oran], resolutions: resolutions,
                             claims: claims, findings: findings, records: [record])
    }

    /// The text content of the paragraphs: tags dropped, references decoded.
    static func paragraphTexts(_ html: String) -> [(start: Int, text: String)] {
        html.components(separatedBy: "<p class=\"para\" data-s=\"").dropFirst().map { chunk in
            let start = Int(chunk.prefix { $0 != "\"" })!
            let inner = chunk[chunk.index(after: chunk.firstIndex(of: ">")!)...].components(separatedBy: "</p>")[0]
            var text = ""
            var inTag = false
            for character in inner {
                if character == "<" { inTag = true } else if character == ">" { inTag = false } else if !inTag { text.append(character) }
            }
            for (entity, value) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
                text = text.replacingOccurrences(of: entity, with: value)
            }
            return (start, text)
        }
    }

    @Test func paragraphsHoldExactlyTheStoredText() throws {
        let source = try Self.source()
        let html = try ReadingViewHTML(source).article()
        let paragraphs = Self.paragraphTexts(html)
        #expect(paragraphs.count == 3)
        for paragraph in paragraphs {
            let length = paragraph.text.unicodeScalars.count
            #expect(source.text.slice(TextSpan(start: paragraph.start, end: paragraph.start + length)) == paragraph.text)
        }
    }

    @Test func citationsAreMarkedByKindAndStanding() throws {
        let html = try ReadingViewHTML(try Self.source()).article()
        #expect(html.components(separatedBy: "<mark class=\"cite ").count - 1 == 2)
        #expect(html.contains("<mark class=\"cite k-parenthetical st-linked\""))
        #expect(html.contains("<mark class=\"cite k-numeric st-unresolved\""))
        // The linked record is listed, with a link back to the citation.
        #expect(html.contains("id=\"r-paper-oran1998\""))
        #expect(html.contains("Türk Dış Politikası &lt;cilt 1&gt;"))
        let rejected = try ReadingViewHTML(try Self.source(rejected: true)).article()
        #expect(rejected.contains("st-rejected"))
    }

    @Test func claimsAndFindingsAreShownBesideTheirParagraph() throws {
        let base = try Self.source()
        let span = base.citations[0].citation.span
        let claim = Claim(id: "c1", source: base.metadata.id, revision: "x", position: TextSpan(start: 0, end: 20),
                          quote: TextQuoteSelector(of: TextSpan(start: 0, end: 20), in: base.text), tags: ["<tag>"],
                          note: "</script><script>alert(1)</script>", created: "t", modified: "t")
        let finding = Finding(rule: "year-typo", severity: .warning, source: base.metadata.id, span: span, text: "(Oran, 1998: 455)",
                              message: "the year <1998> looks wrong", hint: "check it")
        let html = try ReadingViewHTML(try Self.source(claims: [claim], findings: [finding])).article()
        #expect(html.contains("<span class=\"tag\">&lt;tag&gt;</span>"))
        #expect(html.contains("data-claims=\"c1\""))
        #expect(html.contains("the year &lt;1998&gt; looks wrong"))
        #expect(html.contains("<div class=\"hint\">check it</div>"))
        #expect(html.contains("find f-warning"))
        // Nothing from the data can end the data's script element.
        #expect(!html.contains("</script><script>alert"))
        #expect(!html.contains("<i>Başlık"))
        #expect(Self.paragraphTexts(html).map(\.text).joined().unicodeScalars.count
                == Self.paragraphTexts(try ReadingViewHTML(base).article()).map(\.text).joined().unicodeScalars.count)
    }

    @Test(arguments: [("a<b", "a&lt;b"), ("\"x\" & 'y'", "&quot;x&quot; &amp; &#39;y&#39;"), ("bell\u{7}", "bell\u{FFFD}"), ("ə\n", "ə\n")])
    func escaping(input: String, expected: String) {
        #expect(HTMLEscape.text(input) == expected)
    }

    @Test func scriptJSONCannotCloseTheElement() {
        #expect(HTMLEscape.scriptJSON("{\"a\":\"</script><!--\"}") == "{\"a\":\"\\u003c/script\\u003e\\u003c!--\"}")
    }
}
