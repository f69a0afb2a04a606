import Testing
@testable import GlossCore

@Suite("Reference report (gloss refs)")
struct ReferenceReportTests {
    @Test func referenceListSourceLinksNumericAndAuthorDateCitations() throws {
        let source = try SourceID("liste")
        let text = """
        Türkiye (Aslanlı ve Hesenov, 2005: 24) ve [2, s.45] ile (Smith, 2019).

        Kaynakça

        1. Aslanlı, A. ve Hesenov, İ. (2005). Haydar Aliyev Dönemi Azerbaycan Dış Politikası. Ankara: Platin.
        2. Kınık, H., & Çelik, S. (2021). The role of Turkish drones. Insight Turkey, 23(4), 169-203.
        """
        let citations = [
            Citation(source: source, span: TextSpan(start: 8, end: 38), text: "(Aslanlı ve Hesenov, 2005: 24)", kind: .parenthetical,
                     items: [CitationItem(author: "Aslanlı ve Hesenov", year: "2005", locator: "24")]),
            Citation(source: source, span: TextSpan(start: 42, end: 51), text: "[2, s.45]", kind: .numeric,
                     items: [CitationItem(locator: "s.45", ref: 2)]),
            Citation(source: source, span: TextSpan(start: 56, end: 69), text: "(Smith, 2019)", kind: .parenthetical,
                     items: [CitationItem(author: "Smith", year: "2019")]),
        ]
        var smith = BibRecord(id: "smith2019", type: "book")
        smith.author = [CSLName(family: "Smith", given: "J.")]
        smith.issued = CSLDate(year: 2019)
        let (report, _, resolution) = ReferenceReport.references(source: source, text: text, citations: citations, footnotes: [],
                                                                annotations: nil, library: [smith])
        #expect(report.records.map(\.origin) == [.referenceList, .referenceList, .library])
        #expect(report.records.map { $0.citations.map(\.locator) } == [["24"], ["s.45"], [nil]])
        #expect(report.unresolved.isEmpty)
        #expect(resolution.stubs.isEmpty)
    }

    @Test func seed002FootnoteMarkersReachTheirWorks() throws {
        let gold = try GoldFootnote.all()
        let source = try SourceID("002_ccf2ee7b6882ff5b")
        let markers = gold.map { footnote in
            Citation(source: source, span: TextSpan(start: footnote.number * 10, end: footnote.number * 10 + 2), text: "\(footnote.number)",
                     kind: .footnoteMarker, items: [CitationItem(ref: footnote.number)])
        }
        let footnotes = gold.map { FootnoteText(number: $0.number, span: nil, text: $0.text) }
        let (report, bibliography, resolution) = ReferenceReport.references(source: source, text: "", citations: markers,
                                                                            footnotes: footnotes, annotations: nil, library: [])
        #expect(report.unresolved.isEmpty)
        #expect(report.ambiguous.isEmpty)
        let yuce = try #require(report.records.first { $0.record.title == "The Caucasus and the World" })
        // Footnotes 2, 3 (Age), 5 and 25 (short forms) cite Yüce.
        #expect(yuce.citations.map(\.locator) == ["7", "59-61", "61", "4"])
        #expect(yuce.citations.map(\.citation.span.start) == [20, 30, 50, 250])
        let works = ReferenceReport.works([(bibliography, resolution)], library: [])
        #expect(works.count == 42)
    }
}

@Suite("gloss refs listing")
struct RefsListingTests {
    @Test func listsRecordsCitationsStubsAndWorks() throws {
        let source = try SourceID("makale")
        let citations = [
            Citation(source: source, span: TextSpan(start: 10, end: 29), text: "(Zeytinci, 2025:3)", kind: .parenthetical,
                     items: [CitationItem(author: "Zeytinci", year: "2025", locator: "3")]),
            Citation(source: source, span: TextSpan(start: 40, end: 59), text: "(Zeytinci, 2025.4)", kind: .parenthetical,
                     items: [CitationItem(author: "Zeytinci", year: "2025", locator: "4")]),
            Citation(source: source, span: TextSpan(start: 70, end: 85), text: "(Bilinmez, t.y.)", kind: .parenthetical,
                     items: [CitationItem(author: "Bilinmez", year: "t.y.")]),
        ]
        let (report, bibliography, resolution) = ReferenceReport.references(source: source, text: "Giriş", citations: citations,
                                                                            footnotes: [], annotations: nil, library: [])
        let text = RefsListing.render([report])
        #expect(text.hasPrefix("makale: 2 records, 3 linked, 0 unresolved, 0 ambiguous\n"))
        #expect(text.contains("zeytinci2025  Zeytinci 2025 · document · pages cited: 3, 4  [stub from 2 citation(s)]"))
        #expect(text.contains("      makale:40-59 at 4 via stub\n"))
        let works = RefsListing.render(works: ReferenceReport.works([(bibliography, resolution)], library: []))
        #expect(works.contains("zeytinci2025  Zeytinci 2025"))
        #expect(works.contains("    makale: 2 citations (3, 4)\n"))
    }
}
