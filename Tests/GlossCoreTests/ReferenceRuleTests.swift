import Testing
@testable import GlossCore

/// The check context of one text, built by the real pipeline: scanner, bibliography, resolver.
private func analysed(_ text: String) -> CheckContext {
    let source = try! SourceID("paper")
    let sourceText = SourceText(text)
    let scan = CitationScanner.scan(sourceText, source: source)
    let annotations = SourceAnnotations(source: source)
    let (_, bibliography, resolution) = ReferenceReport.references(
        source: source, text: text, citations: scan.citations,
        footnotes: scan.footnotes.map { FootnoteText(number: $0.number, span: $0.span, text: $0.text) },
        annotations: annotations, library: [])
    let metadata = SourceMetadata(id: source, details: SourceDetails(), first: SourceRevision(
        revision: 1, sha256: "x", length: sourceText.scalarCount, file: "paper.txt", importedFrom: "paper.txt",
        importedAt: "2026-01-01T00:00:00Z"))
    var input = SourceCheckInput(metadata: metadata, text: sourceText, citations: scan.citations, footnotes: scan.footnotes,
                                 referenceList: scan.referenceList, annotations: annotations)
    input.bibliography = bibliography
    input.resolution = resolution
    let numbers = bibliography.referenceList.compactMap(\.number)
    if !numbers.isEmpty { input.numberedReferences = Set(numbers) }
    return CheckContext(sources: [input], library: [])
}

private let references = """


Kaynakça

Demir, A. (2019). “Türkiye ve Azerbaycan”, Kafkas Dergisi, 3(2), 30-45.
Kaya, B. (2018). “Enerji Koridorları”, Enerji Dergisi, 5(1), 10-20.
Yılmaz, C. (2020). Bağımsızlık Yılları. Ankara: Yayınevi.
Öztürk, D. (2017). Okunmamış Kitap. İstanbul: Yayınevi.
Smith, J. (2021a). First Book. London: Press.
Smith, J. (2021b). Second Book. London: Press.

"""

@Suite("Check rules: citations against records")
struct ReferenceRuleTests {
    let faulty = analysed("""
    Türkiye bağımsızlığı ilk tanıyan ülkedir (Yılmaz, 2020: 15). Askerî iş birliği gelişmiştir
    (Demir, 2019: 40-35). Enerji alanında da ortaklık vardır (Kaya, 2018: 99). Bu görüşe
    Smith (2021) de katılır. Başka bir görüş de vardır (Arslan, 2015: 7).
    """ + references)

    // The same article with every problem mended.
    let mended = analysed("""
    Türkiye bağımsızlığı ilk tanıyan ülkedir (Yılmaz, 2020: 15). Askerî iş birliği gelişmiştir
    (Demir, 2019: 35-40). Enerji alanında da ortaklık vardır (Kaya, 2018: 19). Bu görüşe
    Smith (2021a) de katılır, (Smith, 2021b: 4) ise katılmaz. Başka bir görüş de vardır (Öztürk, 2017: 7).
    """ + references)

    private func messages<R: CheckRule>(_ rule: R.Type, _ context: CheckContext) -> [String] {
        R().findings(in: context).map { "\($0.text ?? ""): \($0.message)" }
    }

    @Test func unresolvedCitation() {
        #expect(messages(UnresolvedCitationRule.self, faulty) == [
            "(Arslan, 2015: 7): Arslan 2015 is cited but not in the reference list",
        ])
        #expect(messages(UnresolvedCitationRule.self, mended).isEmpty)
    }

    @Test func uncitedRecord() {
        #expect(messages(UncitedRecordRule.self, faulty) == ["Okunmamış Kitap: reference Öztürk 2017 is listed but never cited"])
        #expect(messages(UncitedRecordRule.self, mended).isEmpty)
    }

    @Test func ambiguousCitation() {
        #expect(messages(AmbiguousCitationRule.self, faulty) == [
            "Smith (2021): fits 2 records equally: smithFirst2021, smithSecond2021",
        ])
        #expect(messages(AmbiguousCitationRule.self, mended).isEmpty)
    }

    @Test func locatorRange() {
        #expect(messages(LocatorRangeRule.self, faulty) == [
            "(Demir, 2019: 40-35): page range 40-35 runs backwards",
            "(Kaya, 2018: 99): page 99 is outside the pages of kayaEnerji2018 (10-20)",
        ])
        #expect(messages(LocatorRangeRule.self, mended).isEmpty)
    }

    @Test(arguments: [("57-58", 57, 58), ("s. 229", 229, 229), ("pp. 5–6", 5, 6), ("с. 45", 45, 45), ("1355-56", 1355, 1356)])
    func readsPageLocators(locator: String, first: Int, last: Int) {
        let pages = LocatorRangeRule.pages(locator)
        #expect(pages?.lowerBound == first && pages?.upperBound == last)
    }

    @Test(arguments: ["19 Ekim 1994", "ch. 3", ""])
    func ignoresLocatorsWithoutPages(locator: String) {
        #expect(LocatorRangeRule.pages(locator) == nil)
    }

    @Test func numberedListRange() {
        let context = analysed("""
        Türkiye ilk tanıyan ülkedir [1, s.12]. Enerji [2] ve askerî alan [5].

        Ədəbiyyat

        1. Həsənov, Ə. Azərbaycanın xarici siyasəti. Bakı: Elm, 2005.
        2. Məmmədov, N. Enerji siyasəti. Bakı: Elm, 2010.
        3. Əliyev, R. Türk dünyası. Bakı: Elm, 2012.

        """)
        #expect(messages(NumericReferenceRule.self, context).sorted() == [
            "[5]: reference 5 is not in the reference list (1–3)",
        ])
        // The entry never cited is `uncited-record`'s.
        #expect(messages(UncitedRecordRule.self, context).map { $0.hasSuffix(": reference [3] Əliyev 2012 is listed but never cited") } == [true])
    }
}

@Suite("Check rules: ibid")
struct IbidRuleTests {
    @Test func ibidChainsThatHoldAreQuiet() {
        let context = analysed("""
        Birinci cümle burada biter.1 İkinci cümle burada biter.2 Üçüncü cümle burada biter.3

        1 Bilal N. Şimşir, Azerbaycan, Bilgi Yayınevi, Ankara, 2011, s. 33-35.
        2 Age, s. 40.
        3 Şimşir, Azerbaycan, s. 41.
        """)
        #expect(IbidRule().findings(in: context).isEmpty)
    }

    @Test func ibidWithoutAntecedentAndAfterSeveralWorks() {
        let context = analysed("""
        Birinci cümle burada biter.1 İkinci cümle burada biter.2 Üçüncü cümle burada biter.3 Dördüncü cümle biter.4

        1 Agk.
        2 Bilal N. Şimşir, Azerbaycan, Bilgi Yayınevi, Ankara, 2011, s. 33-35; Ahmet Yüce, “The Caucasus and the World”, International Scientific Journal, 21, 2016, s. 7.
        3 Age, s. 40.
        4 Kaya, Enerji Koridorları, s. 12.
        """)
        #expect(IbidRule().findings(in: context).map(\.message) == [
            "footnote 1 repeats the previous reference, but there is none",
            "footnote 3 repeats footnote 2, which cites several works",
            "footnote 4 is a short form, but no earlier footnote gives the full reference",
        ])
    }
}
