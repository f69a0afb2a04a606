import Testing
@testable import GlossCore

@Suite("Check rules: footnotes and numeric references")
struct FootnoteRuleTests {
    private func marker(_ fixture: inout CheckFixture, _ written: String, occurrence: Int = 0) {
        let span = fixture.span(of: written, occurrence: occurrence)
        let number = Int(written.drop { !$0.isNumber })!
        fixture.citations.append(Citation(source: fixture.source, span: span, text: String(written.drop { !$0.isNumber }),
                                          kind: .footnoteMarker, items: [CitationItem(ref: number)]))
    }

    private func footnote(_ fixture: CheckFixture, _ number: Int) -> Footnote {
        let span = fixture.span(of: "\n\(number) Kaynak")
        return Footnote(number: number, parts: [TextSpan(start: span.start + 1, end: span.end)], text: "\(number) Kaynak",
                        isIbid: false, isShortForm: false)
    }

    @Test func wellNumberedFootnotesAreQuiet() {
        var fixture = CheckFixture("Bir.1 İki.2 Üç.3\n1 Kaynak\n2 Kaynak\n3 Kaynak")
        for m in [".1", ".2", ".3"] { marker(&fixture, m) }
        fixture.citations = fixture.citations.map { c in var c = c; c.span = TextSpan(start: c.span.start + 1, end: c.span.end); return c }
        let findings = FootnoteNumberingRule.findings(markers: fixture.citations, footnotes: [1, 2, 3].map { footnote(fixture, $0) }, source: fixture.source)
        #expect(findings.isEmpty)
    }

    @Test func brokenNumbering() {
        let fixture = CheckFixture("Bir.1 İki.3 Üç.2 Dört.3 Beş.5\n1 Kaynak\n2 Kaynak\n3 Kaynak\n4 Kaynak\n5 Kaynak")
        var markers: [Citation] = []
        for (written, occurrence) in [(".1", 0), (".3", 0), (".2", 0), (".3", 1), (".5", 0)] {
            let span = fixture.span(of: written, occurrence: occurrence)
            let number = Int(written.dropFirst())!
            markers.append(Citation(source: fixture.source, span: TextSpan(start: span.start + 1, end: span.end), text: "\(number)",
                                    kind: .footnoteMarker, items: [CitationItem(ref: number)]))
        }
        let findings = FootnoteNumberingRule.findings(markers: markers, footnotes: [1, 2, 3, 4, 5].map { footnote(fixture, $0) },
                                                      source: fixture.source)
        #expect(findings.map(\.message) == [
            "footnote marker 3 follows 1: footnote 2 has no marker",
            "footnote marker 2 is out of order: it comes after marker 3",
            "footnote marker 3 appears twice (first at offset 10)",
            "footnote marker 5 follows 3: footnote 4 has no marker",
            "footnote 4 has no marker in the text",
        ])
    }

    @Test func markerWithoutText() {
        let fixture = CheckFixture("Bir.1 İki.2\n1 Kaynak")
        let markers = [(".1", 1), (".2", 2)].map { written, number -> Citation in
            let span = fixture.span(of: written)
            return Citation(source: fixture.source, span: TextSpan(start: span.start + 1, end: span.end), text: "\(number)",
                            kind: .footnoteMarker, items: [CitationItem(ref: number)])
        }
        let findings = FootnoteNumberingRule.findings(markers: markers, footnotes: [footnote(fixture, 1)], source: fixture.source)
        #expect(findings.map(\.message) == ["footnote marker 2 has no footnote text"])
    }

    @Test func theFootnotesOf002AreConsistentAndADroppedMarkerIsFound() throws {
        let original = try #require(CoreSeeds.text("002"))
        let scan = scanned(original)
        var fixture = CheckFixture(original)
        fixture.citations = scan.citations
        #expect(FootnoteNumberingRule.findings(markers: scan.citations.filter { $0.kind == .footnoteMarker },
                                               footnotes: scan.footnotes, source: fixture.source).isEmpty)
        // Delete marker 26 from the text ("…ifade etmektedir.26") and scan again.
        let edited = original.replacingOccurrences(of: "etmektedir.26", with: "etmektedir.")
        #expect(edited != original)
        let rescan = scanned(edited)
        let findings = FootnoteNumberingRule.findings(markers: rescan.citations.filter { $0.kind == .footnoteMarker },
                                                      footnotes: rescan.footnotes, source: fixture.source)
        #expect(findings.map(\.message) == [
            "footnote marker 27 follows 25: footnote 26 has no marker",
            "footnote 26 has no marker in the text",
        ])
    }

    @Test func aDroppedFootnoteTextIsFoundIn002() throws {
        let original = try #require(CoreSeeds.text("002"))
        let edited = original.replacingOccurrences(of: "30  Cafersoy ve Aslanlı, Azerbaycan-Türkiye Askeri, s. 159.\n", with: "")
        #expect(edited != original)
        let rescan = scanned(edited)
        #expect(rescan.footnotes.count == 58)
        let findings = FootnoteNumberingRule.findings(markers: rescan.citations.filter { $0.kind == .footnoteMarker },
                                                      footnotes: rescan.footnotes, source: try SourceID("paper"))
        #expect(findings.map(\.message) == ["footnote marker 30 has no footnote text"])
    }

    @Test func numericReferencesAgainstTheList() {
        var fixture = CheckFixture("Birinci [1]. İkinci [2, s.12]. Üçüncü [7].")
        fixture.cite("[1]", kind: .numeric, items: [CitationItem(ref: 1)])
        fixture.cite("[2, s.12]", kind: .numeric, items: [CitationItem(locator: "s.12", ref: 2)])
        #expect(fixture.findings(NumericReferenceRule.self).map(\.severity) == [.info])

        var context = fixture.context
        context.sources[0].numberedReferences = [1, 2]
        #expect(NumericReferenceRule().findings(in: context).isEmpty)

        fixture.cite("[7]", kind: .numeric, items: [CitationItem(ref: 7)])
        context = fixture.context
        context.sources[0].numberedReferences = [1, 2, 3]
        #expect(NumericReferenceRule().findings(in: context).map(\.message) == [
            "reference 7 is not in the reference list (1–3)",
        ])
    }
}
