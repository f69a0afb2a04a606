@testable import GlossCore
import Testing

private func item(_ author: String?, _ year: String?, _ locator: String? = nil, ref: Int? = nil) -> CitationItem {
    CitationItem(author: author, year: year, locator: locator, ref: ref)
}

/// The forms real articles use beyond the seeds (issue 19): one sentence each, written for the test.
let realProseCases: [CitationCase] = [
    // Parentheses holding more than citations.
    CitationCase(marked: "The pathway is conserved ⟦(reviewed in Okafor and Lind, 2011)⟧ across fungi.",
                 kind: .parenthetical, items: [item("Okafor and Lind", "2011")]),
    CitationCase(marked: "Such loops are common ⟦(e.g., Arslan, 2015; Demirtaş, 2016)⟧ in the region.",
                 kind: .parenthetical, items: [item("Arslan", "2015"), item("Demirtaş", "2016")]),
    CitationCase(marked: "Bu görüş yaygındır ⟦(aktaran Korkut, 2015)⟧ ve tartışılmaktadır.",
                 kind: .parenthetical, items: [item("Korkut", "2015")]),
    CitationCase(marked: "Bu görüş yaygındır ⟦(akt. Korkut, 2015: 12)⟧ ve tartışılmaktadır.",
                 kind: .parenthetical, items: [item("Korkut", "2015", "12")]),
    CitationCase(marked: "Bu ayrım eskidir ⟦(bkz. Tunalı, 2010)⟧ ve yerleşiktir.",
                 kind: .parenthetical, items: [item("Tunalı", "2010")]),
    CitationCase(marked: "A similar rule holds ⟦(cf. Marsh, 1999)⟧ for islands.",
                 kind: .parenthetical, items: [item("Marsh", "1999")]),
    CitationCase(marked: "Growth stalls early ⟦(Pereira, 2010, for a review)⟧ in cold soils.",
                 kind: .parenthetical, items: [item("Pereira", "2010")]),
    CitationCase(marked: "The mutant is shorter ⟦(Figure 2B; Halvorsen et al., 2010)⟧ than the wild type.",
                 kind: .parenthetical, items: [item("Halvorsen et al.", "2010")]),
    CitationCase(marked: "Kök uzunluğu azalmıştır ⟦(Şekil 3; Erdoğdu, 2012)⟧ ve bu beklenir.",
                 kind: .parenthetical, items: [item("Erdoğdu", "2012")]),
    CitationCase(marked: "Рост замедлился ⟦(Рис. 2; Кузнецов, 2005)⟧ к осени.",
                 kind: .parenthetical, items: [item("Кузнецов", "2005")]),
    CitationCase(marked: "Binding was weak ⟦(unpublished data; Ferreira, 2010)⟧ at low pH.",
                 kind: .parenthetical, items: [item("Ferreira", "2010")]),
    CitationCase(marked: "The dimer was modelled ⟦(PDB 1xyz; Lindqvist et al., 2007)⟧ on the crystal.",
                 kind: .parenthetical, items: [item("Lindqvist et al.", "2007")]),
    CitationCase(marked: "We used the fold ⟦(the “open” model [Abernathy, 2008])⟧ for both.",
                 kind: .parenthetical, items: [item("Abernathy", "2008")]),
    CitationCase(marked: "Both agree ⟦(Quinn, 2012;; Varga, 2013)⟧ on the date.",
                 kind: .parenthetical, items: [item("Quinn", "2012"), item("Varga", "2013")]),
    CitationCase(marked: "Two teams agree ⟦(see Ortega et al., 2010, Moreau et al., 2013)⟧ on this.",
                 kind: .parenthetical, items: [item("Ortega et al.", "2010"), item("Moreau et al.", "2013")]),
    // Year lists.
    CitationCase(marked: "This was shown twice ⟦(Whitcombe, 1996a, 1996b; 1997)⟧ in mice.",
                 kind: .parenthetical, items: [item("Whitcombe", "1996a"), item("Whitcombe", "1996b"), item("Whitcombe", "1997")]),
    CitationCase(marked: "Later work confirmed it ⟦(Lindahl, 2001; 2003)⟧ in rats.",
                 kind: .parenthetical, items: [item("Lindahl", "2001"), item("Lindahl", "2003")]),
    CitationCase(marked: "Bu iki yöntem karşılaştırılmıştır ⟦(Güler, 2010; Sezer ve Tan; 2019)⟧ ve fark bulunmamıştır.",
                 kind: .parenthetical, items: [item("Güler", "2010"), item("Sezer ve Tan", "2019")]),
    // Narrative forms.
    CitationCase(marked: "⟦Erdem ve arkadaşları (2012)⟧ bu etkiyi göstermiştir.",
                 kind: .narrative, items: [item("Erdem ve arkadaşları", "2012")]),
    CitationCase(marked: "⟦Erdem ve ark. (2012)⟧ bu etkiyi göstermiştir.",
                 kind: .narrative, items: [item("Erdem ve ark.", "2012")]),
    CitationCase(marked: "⟦Soylu ve diğerleri (2021)⟧ farklı bir sonuca ulaşmıştır.",
                 kind: .narrative, items: [item("Soylu ve diğerleri", "2021")]),
    CitationCase(marked: "Bu konuda ⟦Kılınç vd.’nin (2015)⟧ bulguları önemlidir.",
                 kind: .narrative, items: [item("Kılınç vd.", "2015")]),
    CitationCase(marked: "⟦Folkers et al (2009)⟧ found the same.",
                 kind: .narrative, items: [item("Folkers et al", "2009")]),
    CitationCase(marked: "The method of ⟦de Vries et al. (1994)⟧ was used.",
                 kind: .narrative, items: [item("de Vries et al.", "1994")]),
    CitationCase(marked: "As noted by ⟦von Hagen (2011)⟧, prices rose.",
                 kind: .narrative, items: [item("von Hagen", "2011")]),
    CitationCase(marked: "Finally, ⟦Carvalho et al. (2021)⟧ measured it.",
                 kind: .narrative, items: [item("Carvalho et al.", "2021")]),
    CitationCase(marked: "Finally, ⟦Mercer and Hale (2021)⟧ measured it.",
                 kind: .narrative, items: [item("Mercer and Hale", "2021")]),
    CitationCase(marked: "The same pattern was seen by ⟦Okonkwo, Brandt and Lasko (2005)⟧ in lakes.",
                 kind: .narrative, items: [item("Okonkwo, Brandt and Lasko", "2005")]),
    CitationCase(marked: "⟦Tekinalp, Kurtuluş ve Demirci (2019)⟧ bu ilişkiyi incelemiştir.",
                 kind: .narrative, items: [item("Tekinalp, Kurtuluş ve Demirci", "2019")]),
    CitationCase(marked: "⟦Kaya ve Güzel (2018)⟧ aynı sonuca ulaşmıştır.",
                 kind: .narrative, items: [item("Kaya ve Güzel", "2018")]),
    CitationCase(marked: "The commentary of ⟦al-Farabi (1985)⟧ was used.",
                 kind: .narrative, items: [item("al-Farabi", "1985")]),
    CitationCase(marked: "The survey of ⟦van der Berg (2003)⟧ covers it.",
                 kind: .narrative, items: [item("van der Berg", "2003")]),
    // Issue 25: the author named earlier in the sentence; the span is the parenthesis.
    CitationCase(marked: "Tekin, “Eski Türkçe” adlı eserinde bu yapıyı ayrıntılı biçimde ele alır ⟦(1997, s. 45)⟧.",
                 kind: .narrative, items: [item("Tekin", "1997", "45")]),
    CitationCase(marked: "Bu konuda Gülensoy’un görüşleri, sonraki çalışmalarda da tekrarlanmıştır ⟦(2003a: 35)⟧.",
                 kind: .narrative, items: [item("Gülensoy", "2003a", "35")]),
    CitationCase(marked: "Ercilasun da aynı ayrımı yapar; ona göre bu ekler iki gruba ayrılır ⟦(2004: 12 – 18)⟧.",
                 kind: .narrative, items: [item("Ercilasun", "2004", "12 – 18")]),
    CitationCase(marked: "As Whitfield argues in her later book on the subject ⟦(2010, p. 4)⟧, the border moved.",
                 kind: .narrative, items: [item("Whitfield", "2010", "4")]),
    CitationCase(marked: "Как пишет Соколов в своей поздней работе ⟦(2005, с. 12)⟧, граница сместилась.",
                 kind: .narrative, items: [item("Соколов", "2005", "12")]),
    // The Azerbaijani genitive written without an apostrophe: the author is the name without it.
    CitationCase(marked: "⟦Məmmədovun (2005)⟧ tədqiqatında bu məsələ araşdırılıb.",
                 kind: .narrative, items: [item("Məmmədov", "2005")]),
    CitationCase(marked: "Bu barədə ⟦Qasımovanın (2012, s. 45)⟧ fikri maraqlıdır.",
                 kind: .narrative, items: [item("Qasımova", "2012", "45")]),
    CitationCase(marked: "Bu barədə ⟦Səmədlinin (2019)⟧ fikri fərqlidir.",
                 kind: .narrative, items: [item("Səmədli", "2019")]),
    CitationCase(marked: "Talıbovun fikrincə, bu ad qədim türk mənşəlidir ⟦(2008, s. 92)⟧.",
                 kind: .narrative, items: [item("Talıbov", "2008", "92")]),
    // A name that merely ends in -ın/-in keeps its letters.
    CitationCase(marked: "⟦Akın (2019)⟧ bu konuyu incelemiştir.",
                 kind: .narrative, items: [item("Akın", "2019")]),
    CitationCase(marked: "⟦Tekin (2016)⟧ aynı görüştedir.",
                 kind: .narrative, items: [item("Tekin", "2016")]),
    // Numbers with their pages in round brackets, and a reference number with its page after a full stop.
    CitationCase(marked: "Bu fikir sonra inkişaf etdirilmişdir ⟦(45, s.9; 62, s.30-31)⟧ və qəbul olunmuşdur.",
                 kind: .numeric, items: [item(nil, nil, "s.9", ref: 45), item(nil, nil, "s.30-31", ref: 62)]),
    CitationCase(marked: "Bu termin qədimdir ⟦[12. S. 75]⟧ və geniş işlənir.",
                 kind: .numeric, items: [item(nil, nil, "S. 75", ref: 12)]),
]

/// Things that look like citations and are not.
let realProseNonCitations = [
    "The survey was closed (June 2025) after two rounds.",
    "Anket (Haziran 2023) tamamlandı.",
    "Опрос (Июнь 2025) был завершён.",
    "Seçim (Mart 2024) sonrası durum değişti.",
    "Cells were treated (10 μg ml-1) overnight.",
    "The poet Nazım Hikmet (1902–1963) wrote it.",
    "İki adım vardır: (1) veri toplanır, (2) model kurulur.",
    "The reaction (Figure 2; Table 1) is slow.",
    "Yarışma (Ankara 2010 yılında) yapıldı.",
    "Bu yıl (2019) kuraklık yaşandı.",
    "www.dergi.org Year 3 (2025) Vol:3 Issue: 2",
    "Музей им. А.С. Пушкина (1912) открылся весной.",
    "Fikir belə ifadə olunub (34, 35) və davam edir.",
]

@Suite("Real prose forms")
struct RealProseFormTests {
    @Test(arguments: realProseCases)
    func readsForm(_ form: CitationCase) throws {
        let marked = MarkedText(form.marked)
        let citations = scanned(marked.text).citations
        try #require(citations.count == 1, "found \(citations.map(\.text))")
        #expect(citations[0].span == marked.span)
        #expect(citations[0].kind == form.kind)
        #expect(citations[0].items.map { item($0.author, $0.year, $0.locator, ref: $0.ref) } == form.items)
    }

    @Test(arguments: realProseNonCitations)
    func reportsNothing(_ text: String) {
        #expect(scanned(text).citations.isEmpty, "\(scanned(text).citations.map(\.text))")
    }

    /// The citation records where an author named apart from its parenthesis stands.
    @Test func recordsWhereTheAuthorStands() throws {
        let text = "Bu konuda Gülensoy’un görüşleri tekrarlanmıştır (2003: 35)."
        let citation = try #require(scanned(text).citations.first)
        let span = try #require(citation.items.first?.authorSpan)
        #expect(SourceText(text).slice(span) == "Gülensoy")
        #expect(CitationJSONLine.lines([citation]).count > 0)
        let line = String(decoding: CitationJSONLine.lines([citation]), as: UTF8.self)
        #expect(line.contains(#""author_span":[\#(span.start),\#(span.end)]"#))
    }

    /// With a reference list, the name listed with the parenthesis's year wins over a nearer one,
    /// and the citation links to that entry (issue 25).
    @Test func listedNameWinsOverNearerName() throws {
        let body = "Kaplan’ın bu görüşü, Erdal’ın eserinde de tekrarlanır (2003: 35).\n\n"
        let list = "Kaynakça\n\nErdal, M. (1998). Türk Dil Bilgisi. İstanbul: Bayrak.\n\nKaplan, Z. (2003). Türkçe Grameri. Ankara: Dil Kurumu.\n"
        #expect(scanned(body).citations.first?.items.first?.author == "Erdal")
        let scan = scanned(body + list)
        let citation = try #require(scan.citations.first)
        #expect(citation.text == "(2003: 35)")
        let item = try #require(citation.items.first)
        #expect(item.author == "Kaplan")
        #expect(SourceText(body + list).slice(try #require(item.authorSpan)) == "Kaplan")
        let source = try SourceID("test")
        let (report, _, _) = ReferenceReport.references(source: source, text: body + list, citations: scan.citations, footnotes: [],
                                                        annotations: nil, library: [])
        let linked = report.records.filter { !$0.citations.isEmpty }.map { $0.record.author?.first?.family }
        #expect(linked == ["Kaplan"])
    }

    /// A listed name may open its sentence; an unlisted one there is still not taken for the author.
    @Test func listedNameMayOpenTheSentence() {
        let body = "Banarlı bu ekleri ayrıntılı biçimde ele alır (2004: 12).\n\n"
        let list = "Kaynakça\n\nBanarlı, N. S. (2004). Türk Edebiyatı Tarihi. İstanbul: MEB.\n"
        #expect(scanned(body).citations.isEmpty)
        #expect(scanned(body + list).citations.first?.items.first?.author == "Banarlı")
    }

    /// `(9)` cites an entry of a numbered reference list, and is a plain number without one; a number
    /// with its page, `(15, s. 155)`, cites in any text.
    @Test func numericReferencesInRoundBrackets() {
        let body = "Bu fikir əvvəl irəli sürülmüşdür (9). Sonra təkrarlanmışdır (15, s. 155).\n\n"
        let list = "Ədəbiyyat\n\n1. Məmmədov Ə. Dil tarixi. Bakı, 2001.\n"
        #expect(scanned(body + list).citations.map(\.text) == ["(9)", "(15, s. 155)"])
        #expect(scanned(body).citations.map(\.text) == ["(15, s. 155)"])
        let enumeration = "İki adım var:\n(1) veri toplanır.\n\n" + list
        #expect(scanned(enumeration).citations.isEmpty)
    }

    /// A year-only parenthesis with no author in its sentence is a finding, not a citation.
    @Test func unattributedYearIsReported() {
        let fixture = CheckFixture("Bu dönemde bölge karışıktı (1997, s. 45). Sonra barış geldi.")
        let findings = fixture.findings(UnattributedYearRule.self)
        #expect(findings.map(\.text) == ["(1997, s. 45)"])
        #expect(findings.first?.severity == .info)
        #expect(scanned(fixture.text.string).citations.isEmpty)
    }

    /// A journal's issue designation is not a candidate.
    @Test func issueDesignationIsNotReported() {
        let fixture = CheckFixture("www.dergi.org Year 3 (2025) Vol:3 Issue: 2")
        #expect(fixture.findings(UnattributedYearRule.self).isEmpty)
    }

    /// A year-only parenthesis that is a citation is not reported again.
    @Test func attributedYearIsNotReported() {
        var fixture = CheckFixture("Gülensoy’un görüşleri tekrarlanmıştır (2003: 35).")
        fixture.cite("(2003: 35)", kind: .narrative, items: [item("Gülensoy", "2003", "35")])
        #expect(fixture.findings(UnattributedYearRule.self).isEmpty)
    }
}

@Suite("Footnote markers as extraction leaves them")
struct ExtractedFootnoteMarkerTests {
    /// A chapter cut from a book: its notes start at 340.
    @Test func numberingStartsInTheMiddle() {
        let text = "Sınır o yıl kapanmıştır.340 Ticaret ise sürmüştür.341 Sonra barış geldi.\n\n"
            + "340  Ahmet Durmaz, Sınır Tarihi, Ankara, 2001, s. 5.\n\n341  Aynı yazar, Ticaret, İstanbul, 2003, s. 9.\n"
        let scan = scanned(text)
        #expect(scan.citations.filter { $0.kind == .footnoteMarker }.compactMap { $0.items.first?.ref } == [340, 341])
        #expect(scan.footnotes.map(\.number) == [340, 341])
        let markers = scan.citations.filter { $0.kind == .footnoteMarker }
        #expect(FootnoteNumberingRule.findings(markers: markers, footnotes: scan.footnotes, source: try! SourceID("test")).isEmpty)
    }

    /// A marker after a closing quote and parenthesis.
    @Test func markerAfterQuoteAndParenthesis() {
        let text = "Bakan “kapı açıktır” (resmî açıklama)1 demiştir.\n\n1  Resmî Gazete, 12 Mart 2004, s. 3.\n"
        #expect(scanned(text).citations.map(\.text) == ["1"])
    }

    /// Markers whose texts were lost: reported as markers, and the check says the texts are missing.
    @Test func markersWithoutTexts() {
        let text = "Antlaşma imzalanmıştır.1 Sınır açılmıştır.2 Ticaret artmıştır.3 Sonra seçim yapılmıştır."
        let markers = scanned(text).citations.filter { $0.kind == .footnoteMarker }
        #expect(markers.compactMap { $0.items.first?.ref } == [1, 2, 3])
        let findings = FootnoteNumberingRule.findings(markers: markers, footnotes: [], source: try! SourceID("test"))
        #expect(findings.count == 1)
        #expect(findings.first?.message.contains("no footnote texts") == true)
    }

    /// A marker the PDF set apart from its word by a space, when its footnote text is there.
    @Test func markerSetApartBySpace() {
        let text = "Граница закрылась.339 Армия ушла.340 Влияние Америки 341 и Англии росло.342 Потом мир.\n\n"
            + "339  Иванов И. Граница. М., 1999, с. 3.\n\n340  Там же, с. 4.\n\n341  Иванов И. История. М., 2001, с. 5.\n\n"
            + "342  Петров П. Торговля. М., 2003, с. 9.\n"
        #expect(markers(text) == [339, 340, 341, 342])
        #expect(scanned(text).citations.contains { $0.text == "341" && $0.kind == .footnoteMarker })
    }

    /// A quantity, a page number or a figure number with a footnote's number is not its marker.
    @Test(arguments: ["В регионе было 341 село.", "Bu bölgede 341 köy vardı.", "Bkz. s 341 ve sonrası.", "Cf. page 341 and 342."])
    func spacedNumbersThatAreNotMarkers(_ sentence: String) {
        let text = "Sınır kapandı.339 Ordu çekildi.340 " + sentence + " Ticaret sürdü.342 Son.\n\n"
            + "339  A. Durmaz, Sınır, 2001, s. 5.\n\n340  Aynı yazar, s. 7.\n\n341  Aynı yazar, s. 9.\n\n342  Aynı yazar, s. 10.\n"
        #expect(markers(text) == [339, 340, 342])
    }

    private func markers(_ text: String) -> [Int] {
        scanned(text).citations.filter { $0.kind == .footnoteMarker }.compactMap { $0.items.first?.ref }
    }

    /// Two glued digits in a row are not yet a run of markers.
    @Test func twoGluedDigitsAreNotMarkers() {
        #expect(scanned("Model TB2 uçmuştur.1 Sonra F16 gelmiştir.2 Bitti.").citations.isEmpty)
    }
}

@Suite("Author-date without parentheses")
struct BareAuthorDateTests {
    static let list = """


    References

    Arnaud P. 2002. The folding of small domains. Journal of Proteins 3:1–5.

    Bexley R, Cole T, Dunn S. 2014. Sorting signals in yeast. Cell Reports 5:2–9.

    Kessler M, Baldwin IT. 2001. Defensive function of volatiles. Science 291:2141–2144.

    """

    /// A name, a comma and a year in running text cite the listed work of that name and year.
    @Test func citesListedWorks() {
        let body = "Structures were drawn in the usual way. See Arnaud, 2002 and Bexley et al., 2014 for details, "
            + "as described by Kessler and Baldwin, 2001."
        let citations = scanned(body + Self.list).citations
        #expect(citations.map(\.text) == ["Arnaud, 2002", "Bexley et al., 2014", "Kessler and Baldwin, 2001"])
        #expect(citations.map { $0.items.first?.author } == ["Arnaud", "Bexley et al.", "Kessler and Baldwin"])
        #expect(citations.map { $0.items.first?.year } == ["2002", "2014", "2001"])
    }

    /// Without a list, or when the list has no such work, a name and a year are not a citation.
    @Test(arguments: [
        "See Arnaud, 2002 and Bexley et al., 2014 for details.",
        "In Ankara, 2019 was a dry year.",
        "Arnaud, 2005 is not listed, nor Bexley et al., 2002.",
        "The survey (see Arnaud, 2002 and others above) was repeated.",
        "Sales reached Arnaud, 2002.5 units in the model.",
        // Part of a longer name: the institution is not the listed person.
        "The Department of Arnaud, 2002 report was late.",
    ])
    func otherwiseNothing(_ body: String) {
        let list = body.hasPrefix("See") ? "" : Self.list
        #expect(scanned(body + list).citations.allSatisfy { $0.kind == .parenthetical && $0.text.hasPrefix("(") },
                "\(scanned(body + list).citations.map(\.text))")
    }
}
