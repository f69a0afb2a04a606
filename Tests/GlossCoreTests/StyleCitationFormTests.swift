@testable import GlossCore
import Testing

/// In-text forms of the styles that print no `(Name, 2020)`: GOST R 7.0.5's author-date in square
/// brackets and MLA's author-page parentheses (issue 18). Sentences written for the tests.
@Suite("GOST author-date in square brackets")
struct GOSTBracketCitationTests {
    static let list = """


    Список литературы

    1. Иванов И. И. Теория упругости / И. И. Иванов. – Москва : Наука, 2005. – 200 с.

    2. Eğilmez M., Kumcu A. Türk ekonomisi / M. Eğilmez, A. Kumcu. – İstanbul : Remzi, 2020. – 320 s.

    3. Петров П. П. Сплавы / П. П. Петров. – Санкт-Петербург : Лань, 2010. – 150 с.

    4. Иванов И. И. Методы анализа / И. И. Иванов, П. П. Петров, С. С. Сидоров. – Москва : Наука, 2020. – 100 с.

    5. Carter J., Lee K. Soil and water / J. Carter, K. Lee. – London : Routledge, 2014. – 210 p.

    """

    @Test(arguments: [
        ("Это показано ранее ⟦[Иванов, 2005]⟧ и подтверждено.", [CitationItem(author: "Иванов", year: "2005")]),
        ("Это показано ранее ⟦[Иванов, 2005, с. 12]⟧ и подтверждено.", [CitationItem(author: "Иванов", year: "2005", locator: "12")]),
        ("Bu görüş ⟦[Smith, Jones, 2002; Петров, 2010]⟧ tarafından desteklenir.",
         [CitationItem(author: "Smith, Jones", year: "2002"), CitationItem(author: "Петров", year: "2010")]),
        ("Məsələ ⟦[Əliyev və b., 2012]⟧ geniş öyrənilib.", [CitationItem(author: "Əliyev və b.", year: "2012")]),
        ("The effect is small ⟦[Baker et al., 1999; Cole, 2001a]⟧ in dry soils.",
         [CitationItem(author: "Baker et al.", year: "1999"), CitationItem(author: "Cole", year: "2001a")]),
    ])
    func parenthetical(_ marked: String, _ items: [CitationItem]) throws {
        let text = MarkedText(marked)
        let citations = scanned(text.text).citations
        let found = try #require(citations.first)
        #expect(citations.count == 1)
        #expect(found.span == text.span)
        #expect(found.kind == .parenthetical)
        #expect(found.items == items)
    }

    @Test(arguments: [
        ("Как показал ⟦Иванов [2005]⟧, эффект мал.", "Иванов"),
        ("Как показали ⟦Иванов и др. [2020, с. 5]⟧, эффект мал.", "Иванов и др."),
        ("As ⟦Carter and Lee [2014]⟧ show, the effect is small.", "Carter and Lee"),
    ])
    func narrative(_ marked: String, _ author: String) throws {
        let text = MarkedText(marked)
        let found = try #require(scanned(text.text + Self.list).citations.first)
        #expect(found.span == text.span)
        #expect(found.kind == .narrative)
        #expect(found.items.first?.author == author)
        // A year in square brackets after a name cites only a work of the list.
        #expect(scanned(text.text).citations.isEmpty)
    }

    /// Two authors joined by a comma alone are one author string when the list holds their work.
    @Test func commaJoinedNarrativeAuthors() throws {
        let text = MarkedText("Как отмечают ⟦Eğilmez, Kumcu [2020]⟧, рост замедлился.")
        let found = try #require(scanned(text.text + Self.list).citations.first)
        #expect(found.span == text.span)
        #expect(found.items.first?.author == "Eğilmez, Kumcu")
        // Unlisted together, the names are not one author string, and `Kumcu` alone is not listed.
        #expect(scanned("Как отмечают Смирнов, Kumcu [2020], рост замедлился." + Self.list).citations.isEmpty)
    }

    /// Square brackets that hold no citation stay what they are, list or not.
    @Test(arguments: [
        "The text reads [sic] here.",
        "Kant's Critique [1781] is cited from the second edition.",
        "He wrote [in 1998, as editor] a preface.",
        "Интервал [95% ДИ 1.21–3.41] широк.",
        "The range [2005, 2010] was studied.",
        "Значения [a; b] лежат в интервале.",
    ])
    func notCitations(_ body: String) {
        for text in [body, body + Self.list] {
            let found = scanned(text).citations
            #expect(found.isEmpty, "\(found.map(\.text))")
        }
    }

    /// The bracketed citations link to their entries, `Smith, Jones` read as two authors.
    @Test func linksToEntries() throws {
        let body = "Рост замедлился [Иванов, 2005, с. 12; Петров, 2010], как отмечают Eğilmez, Kumcu [2020]."
        let scan = scanned(body + Self.list)
        let bibliography = SourceBibliography.build(source: try SourceID("test"), footnotes: [],
                                                    list: ReferenceListSegmenter.segment(body + Self.list))
        let resolution = CitationResolver.resolve(.init(source: try SourceID("test"), citations: scan.citations,
                                                        referenceList: bibliography.referenceList))
        try #require(resolution.resolutions.map(\.status) == [.linked, .linked, .linked])
        let family = { (id: String) in
            bibliography.referenceList.first { $0.record.id == id }?.record.author?.first?.family
        }
        #expect(resolution.resolutions.map { $0.records.first.flatMap(family) } == ["Иванов", "Петров", "Eğilmez"])
    }
}

@Suite("MLA author-page citations")
struct AuthorPageCitationTests {
    static let list = """


    Works Cited

    1000 Genomes Project Consortium, et al. "A Map of Human Genome Variation." Nature, vol. 467, 2010, pp. 1061–73.

    Achebe, Chinua. Things Fall Apart. Heinemann, 1958.

    Aydın, Kemal. Osmanlı Kasabaları. Ötüken, 2018.

    Hartley, Ellen, and Joan Ruiz. Coastal Towns of the North. Penguin, 2010.

    Nussbaum, Martha C. "Compassion: The Basic Social Emotion." Social Philosophy and Policy, vol. 13, no. 1, 1996, pp. 27–58.

    Nussbaum, Martha C. Upheavals of Thought. Cambridge UP, 2001.

    Okafor, Ada, et al. The Delta and Its People. Oxford UP, 2015.

    """

    @Test(arguments: [
        ("The village is described closely ⟦(Achebe 45)⟧ in the novel.", [CitationItem(author: "Achebe", locator: "45")]),
        ("Towns shrank ⟦(Hartley and Ruiz 12–15)⟧ after the war.", [CitationItem(author: "Hartley and Ruiz", locator: "12–15")]),
        ("The delta was farmed ⟦(Okafor et al.)⟧ for centuries.", [CitationItem(author: "Okafor et al.")]),
        ("The village is described closely ⟦(Achebe)⟧ in the novel.", [CitationItem(author: "Achebe")]),
        ("Kasabalar küçüldü ⟦(Aydın 23)⟧ ve boşaldı.", [CitationItem(author: "Aydın", locator: "23")]),
        ("Pity is a judgement ⟦(Nussbaum, Upheavals 88)⟧ about others.",
         [CitationItem(author: "Nussbaum", locator: "88", titleFragment: "Upheavals")]),
        ("Pity is a judgement ⟦(Nussbaum, “Compassion” 30)⟧ about others.",
         [CitationItem(author: "Nussbaum", locator: "30", titleFragment: "“Compassion”")]),
        ("Variants are common ⟦(1000 Genomes Project Consortium et al. 63)⟧ in all groups.",
         [CitationItem(author: "1000 Genomes Project Consortium et al.", locator: "63")]),
        ("Both agree ⟦(see Achebe 12; Hartley and Ruiz)⟧ on this.",
         [CitationItem(author: "Achebe", locator: "12", prefix: "see"), CitationItem(author: "Hartley and Ruiz")]),
    ])
    func authorPage(_ marked: String, _ items: [CitationItem]) throws {
        let text = MarkedText(marked)
        let citations = scanned(text.text + Self.list).citations
        let found = try #require(citations.first)
        #expect(citations.count == 1)
        #expect(found.span == text.span)
        #expect(found.kind == .parenthetical)
        #expect(!found.malformed)
        #expect(found.items == items)
    }

    /// Names that are not the whole authorship of a listed work, labels, and any text without a list.
    @Test(arguments: [
        "The plot is given (Figure 12) below.",
        "Results differ (Group 2) in spring.",
        "The village is described (Smith 45) in the novel.",
        "Towns shrank (Ruiz 12) after the war.",
        "Both agree (Achebe and Smith) on this.",
        "The book (Things Fall Apart) is short.",
        "The agency (NASA) funded it.",
        "The sample (12 Achebe) was small.",
    ])
    func notCitations(_ body: String) {
        #expect(scanned(body + Self.list).citations.isEmpty, "\(scanned(body + Self.list).citations.map(\.text))")
    }

    @Test func nothingWithoutAList() {
        #expect(scanned("The village is described closely (Achebe 45) in the novel (Achebe).").citations.isEmpty)
    }

    /// Linked by the name alone when the list has one work by it; by the short title when it has
    /// several; never guessed between several.
    @Test func linksByNameAndShortTitle() throws {
        let body = "It is vivid (Achebe 45). Pity judges (Nussbaum, Upheavals 88), and also (Nussbaum, “Compassion” 30); "
            + "towns shrank (Hartley and Ruiz 12). Yet pity (Nussbaum 31) is old."
        let bibliography = SourceBibliography.build(source: try SourceID("test"), footnotes: [],
                                                    list: ReferenceListSegmenter.segment(body + Self.list))
        let resolution = CitationResolver.resolve(.init(source: try SourceID("test"), citations: scanned(body + Self.list).citations,
                                                        referenceList: bibliography.referenceList))
        let title = { (id: String) in bibliography.referenceList.first { $0.record.id == id }?.record.title }
        try #require(resolution.resolutions.map(\.status) == [.linked, .linked, .linked, .linked, .ambiguous])
        #expect(resolution.resolutions.prefix(4).map { $0.records.first.flatMap(title) }
                == ["Things Fall Apart", "Upheavals of Thought", "Compassion: The Basic Social Emotion", "Coastal Towns of the North"])
        #expect(resolution.resolutions[4].records.count == 2)
    }
}

@Suite("Turkish and Azerbaijani et al. written out")
struct WrittenOutEtAlTests {
    static let list = """


    Kaynakça

    Kaya, A., Demir, B. ve Şahin, C. (2019). Kıyı kasabalarında göç. Ankara: Ötüken.

    Məmmədov, R., Əliyeva, S. ve Quliyev, T. (2015). Qarabağ dialektləri. Bakı: Elm.

    """

    @Test(arguments: [
        ("Göç hızlanmıştır ⟦(Kaya ve diğerleri, 2019)⟧ ve sürmektedir.", "Kaya ve diğerleri"),
        ("Göç hızlanmıştır ⟦(Kaya ve arkadaşları, 2019: 12)⟧ ve sürmektedir.", "Kaya ve arkadaşları"),
        ("Bu fərq qeyd olunub ⟦(Məmmədov və başqaları, 2015)⟧ və təsdiqlənib.", "Məmmədov və başqaları"),
    ])
    func detectedAndLinked(_ marked: String, _ author: String) throws {
        let text = MarkedText(marked)
        let scan = scanned(text.text + Self.list)
        let found = try #require(scan.citations.first)
        #expect(found.span == text.span)
        #expect(found.items.first?.author == author)
        let bibliography = SourceBibliography.build(source: try SourceID("test"), footnotes: [],
                                                    list: ReferenceListSegmenter.segment(text.text + Self.list))
        let resolution = CitationResolver.resolve(.init(source: try SourceID("test"), citations: scan.citations,
                                                        referenceList: bibliography.referenceList))
        #expect(resolution.resolutions.map(\.status) == [.linked])
        #expect(resolution.resolutions.first?.via == .referenceList)
    }
}

@Suite("MLA narrative mentions")
struct AuthorMentionTests {
    static let list = AuthorPageCitationTests.list

    /// In a text that cites by author and page, a listed authorship named in the running text is a
    /// narrative citation.
    @Test func mentionsInAnAuthorPageText() {
        let body = """
            As Achebe shows, the village is old (Achebe 12). Hartley and Ruiz describe the towns (Hartley and Ruiz 4),
            and Okafor et al. mapped the delta. Achebe’s novel was read widely (Achebe). Kasabaları en iyi Aydın anlatır.
            The Achebe Street market and Ruiz alone are not cited, nor 1000 Genomes Project Consortium et al. in part.
            """
        let citations = scanned(body + Self.list).citations
        #expect(citations.map(\.text) == ["Achebe", "(Achebe 12)", "Hartley and Ruiz", "(Hartley and Ruiz 4)", "Okafor et al.",
                                          "Achebe", "(Achebe)", "Aydın"])
        #expect(citations.filter { $0.kind == .narrative }.map { $0.items.first?.author } == ["Achebe", "Hartley and Ruiz", "Okafor et al.", "Achebe", "Aydın"])
    }

    /// A text citing by author and year: names in its running text are not citations, nor a bare
    /// name in parentheses; a page or a short title after the name still makes one.
    @Test func noMentionsInAnAuthorDateText() {
        let body = "Achebe (1958) tells it well (Achebe, 1958; Hartley and Ruiz, 2010). As Achebe shows, it is old (Achebe), "
            + "as he says (Achebe 12)."
        #expect(scanned(body + Self.list).citations.map(\.text) == ["Achebe (1958)", "(Achebe, 1958; Hartley and Ruiz, 2010)", "(Achebe 12)"])
    }
}

@Suite("Citations without a date")
struct UndatedCitationTests {
    static let list = """


    References

    Karimov, R. (2019) Qarabağ xanlığının tarixi. Bakı: Elm.

    Lindqvist, P. (no date) Harbour towns of the Baltic. Available at: https://example.org/harbours (Accessed: 3 May 2021).

    """

    /// Harvard (Cite Them Right) prints `no date`: no digit and no full stop in the parenthesis.
    @Test func harvardNoDate() throws {
        let text = MarkedText("Trade moved north ⟦(Lindqvist, no date)⟧ in the period.")
        let scan = scanned(text.text + Self.list)
        let found = try #require(scan.citations.first)
        #expect(found.span == text.span)
        #expect(found.items == [CitationItem(author: "Lindqvist", year: "no date")])
        #expect(CitedYear("no date").undated)
    }

    /// An undated citation of the one work the list has by that author, listed with a year, is linked
    /// to it with the year noted as disagreeing.
    /// In an author-date text, a work the list gives no year is cited by its author alone.
    @Test func bareNameOfAnUndatedWork() {
        let body = "Trade moved north (Lindqvist) and grew (Karimov, 2019; Karimov, 2019)."
        #expect(scanned(body + Self.list).citations.map(\.text) == ["(Lindqvist)", "(Karimov, 2019; Karimov, 2019)"])
        let other = "Trade moved north (Karimov) and grew (Lindqvist, no date; Karimov, 2019)."
        #expect(scanned(other + Self.list).citations.map(\.text) == ["(Lindqvist, no date; Karimov, 2019)"])
    }

    @Test func undatedCitationOfADatedEntry() throws {
        let body = "Bu fərq qeyd olunub (Karimov, n.d.)."
        let scan = scanned(body + Self.list)
        let bibliography = SourceBibliography.build(source: try SourceID("test"), footnotes: [],
                                                    list: ReferenceListSegmenter.segment(body + Self.list))
        let resolution = CitationResolver.resolve(.init(source: try SourceID("test"), citations: scan.citations,
                                                        referenceList: bibliography.referenceList))
        let linked = try #require(resolution.resolutions.first)
        #expect(linked.status == .linked)
        #expect(linked.via == .referenceList)
        #expect(linked.mismatch == .year)
    }
}
