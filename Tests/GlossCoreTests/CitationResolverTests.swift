import Testing
@testable import GlossCore

@Suite("Citation resolver")
struct CitationResolverTests {
    let source = try! SourceID("makale")

    func cite(_ start: Int, _ kind: CitationKind, _ items: [CitationItem]) -> Citation {
        Citation(source: source, span: TextSpan(start: start, end: start + 10), text: "(…)", kind: kind, items: items)
    }

    func cite(_ start: Int, _ items: [CitationItem]) -> Citation {
        cite(start, .parenthetical, items)
    }

    func record(_ id: String, _ authors: [CSLName], _ year: Int, suffix: String? = nil, title: String? = nil) -> BibRecord {
        var record = BibRecord(id: id, type: "book")
        record.author = authors
        record.issued = CSLDate(year: year)
        record.yearSuffix = suffix
        record.title = title
        return record
    }

    var list: [ListedRecord] {
        [
            record("naciyev2020", [CSLName(family: "Naciyev", given: "A."), CSLName(family: "Gasımlı", given: "V.")], 2020),
            record("bayrakdar2024", [CSLName(family: "Bayrakdar-Temür", given: "Ayşe")], 2024),
            record("isik2019", [CSLName(family: "IŞIK", given: "Ahmet")], 2019),
            record("memmedov2018", [CSLName(family: "Məmmədov", given: "Elçin")], 2018),
            record("wezeman2021", [CSLName(family: "Wezeman", given: "Pieter D."), CSLName(family: "Kuimova", given: "Alexandra"),
                                   CSLName(family: "Wezeman", given: "Siemon T.")], 2021),
            record("smith2020a", [CSLName(family: "Smith", given: "J.")], 2020, suffix: "a"),
            record("smith2020b", [CSLName(family: "Smith", given: "J.")], 2020, suffix: "b"),
            record("aa2021", [CSLName(literal: "Anadolu Ajansı")], 2021),
        ].map { ListedRecord(number: nil, record: $0) }
    }

    @Test("author-date items find their record", arguments: [
        ("Naciyev ve Gasımlı", "2020", "naciyev2020"), ("NACİYEV & Gasimli", "2020", "naciyev2020"),
        ("Naciyev and Gasımlı", "2020", "naciyev2020"), ("Bayrakdar-Temür", "2024", "bayrakdar2024"),
        ("Işık", "2019", "isik2019"), ("ışık", "2019", "isik2019"), ("Memmedov", "2018", "memmedov2018"),
        ("Məmmədov", "2018", "memmedov2018"), ("Wezeman vd.", "2021", "wezeman2021"), ("Wezeman et al.", "2021", "wezeman2021"),
        ("Smith", "2020b", "smith2020b"), ("Anadolu Ajansı", "2021", "aa2021"), ("Elçin Məmmədov", "2018", "memmedov2018"),
    ])
    func authorDate(_ author: String, _ year: String, _ key: String) {
        let result = CitationResolver.resolve(.init(source: source, citations: [cite(0, [CitationItem(author: author, year: year, locator: "5")])],
                                                    referenceList: list))
        #expect(result.resolutions.map(\.status) == [.linked])
        #expect(result.resolutions.first?.records == [key])
        #expect(result.resolutions.first?.via == .referenceList)
        #expect(result.resolutions.first?.locator == "5")
        #expect(result.stubs.isEmpty)
    }

    @Test func hyphenatedAuthorsCanBeTwoCoAuthors() {
        let pair = [ListedRecord(number: nil, record: record("bt2024", [CSLName(family: "Bayrakdar", given: "A."), CSLName(family: "Temür", given: "B.")], 2024))]
        let result = CitationResolver.resolve(.init(source: source, citations: [cite(0, [CitationItem(author: "Bayrakdar-Temür", year: "2024")])],
                                                    referenceList: pair))
        #expect(result.resolutions.first?.records == ["bt2024"])
    }

    @Test func twoRecordsForSmith2020AreBothListedNoneChosen() {
        let library = [record("smith2020", [CSLName(family: "Smith", given: "John")], 2020, title: "One"),
                       record("smith2020x", [CSLName(family: "Smith", given: "Jane")], 2020, title: "Two")]
        let result = CitationResolver.resolve(.init(source: source, citations: [cite(0, [CitationItem(author: "Smith", year: "2020")])],
                                                    library: library))
        #expect(result.resolutions.first?.status == .ambiguous)
        #expect(result.resolutions.first?.records == ["smith2020", "smith2020x"])
        #expect(result.stubs.isEmpty)
    }

    /// The same authors with another year link to their one entry, the mismatch noted for `gloss
    /// check`; an author the list does not have gets a stub (reported as cited but not listed).
    @Test func wrongYearLinksWithAMismatchAndAnUnknownAuthorGetsAStub() {
        let result = CitationResolver.resolve(.init(source: source, citations: [
            cite(0, [CitationItem(author: "Naciyev ve Gasımlı", year: "2021")]),
            cite(20, [CitationItem(author: "Naciyevski", year: "2020")]),
            cite(40, [CitationItem(author: "Wezemann et al.", year: "2021")]),
        ], referenceList: list))
        #expect(result.resolutions.map(\.status) == [.linked, .linked, .linked])
        #expect(result.resolutions.map(\.mismatch) == [.year, nil, .author])
        #expect(result.resolutions.map(\.via) == [.referenceList, .stub, .referenceList])
        #expect(result.resolutions[0].records == ["naciyev2020"])
        #expect(result.resolutions[2].records == ["wezeman2021"])
        #expect(result.stubs.map { $0.author?.first?.family } == ["Naciyevski"])
    }

    /// A numeric citation next to an unnumbered list is not linked by guessing its position.
    @Test func numericCitationAndUnnumberedList() {
        let result = CitationResolver.resolve(.init(source: source, citations: [cite(0, .numeric, [CitationItem(ref: 1)])],
                                                    referenceList: list))
        #expect(result.resolutions.map(\.status) == [.unresolved])
    }

    @Test func numericAndFootnoteMarkers() {
        let numbered = [ListedRecord(number: 1, record: record("a", [CSLName(family: "A")], 2001)),
                        ListedRecord(number: 3, record: record("c", [CSLName(family: "C")], 2003))]
        let footnotes = [9: [FootnoteReference(record: record("simsir2011", [CSLName(family: "Şimşir")], 2011), locator: "33-35")],
                         17: [FootnoteReference(record: record("kafkas2019", [CSLName(family: "Kafkas")], 2019), locator: "6"),
                              FootnoteReference(record: record("veliyev2012", [CSLName(family: "Veliyev")], 2012), locator: "35")]]
        let result = CitationResolver.resolve(.init(source: source, citations: [
            cite(0, .numeric, [CitationItem(locator: "s.229", ref: 3), CitationItem(ref: 2)]),
            cite(30, .footnoteMarker, [CitationItem(ref: 9)]),
            cite(40, .footnoteMarker, [CitationItem(ref: 17)]),
        ], footnotes: footnotes, referenceList: numbered))
        #expect(result.resolutions.map(\.status) == [.linked, .unresolved, .linked, .linked])
        #expect(result.resolutions.map(\.records) == [["c"], [], ["simsir2011"], ["kafkas2019", "veliyev2012"]])
        #expect(result.resolutions.map(\.locator) == ["s.229", nil, "33-35", "6; 35"])
        #expect(result.resolutions[3].locator(for: "veliyev2012") == "35")
    }

    @Test func inTextIbidFollowsTheItemBefore() {
        let result = CitationResolver.resolve(.init(source: source, citations: [
            cite(0, [CitationItem(author: "Işık", year: "2019", locator: "3")]),
            cite(20, [CitationItem(author: "Age", locator: "5")]),
        ], referenceList: list))
        #expect(result.resolutions.map(\.records) == [["isik2019"], ["isik2019"]])
        #expect(result.resolutions[1].via == .ibid)
        #expect(result.resolutions[1].locator == "5")
    }

    @Test func manualLinksAndRejectionsWin() {
        var annotations = SourceAnnotations(source: source)
        let linked = cite(0, [CitationItem(author: "Naciyev ve Gasımlı", year: "2020")])
        let rejected = cite(20, [CitationItem(author: "Işık", year: "2019")])
        annotations.links = [CitationLink(citation: linked.id, record: "memmedov2018")]
        annotations.rejectedCitations = [rejected.id]
        let result = CitationResolver.resolve(.init(source: source, citations: [linked, rejected], referenceList: list, annotations: annotations))
        #expect(result.resolutions.map(\.status) == [.linked, .rejected])
        #expect(result.resolutions[0].records == ["memmedov2018"])
        #expect(result.resolutions[0].via == .manual)
    }

    @Test func stubsWhereThereIsNoReferenceList() throws {
        let result = CitationResolver.resolve(.init(source: source, citations: [
            cite(0, [CitationItem(author: "Zeytinci", year: "2025", locator: "3")]),
            cite(20, [CitationItem(author: "Zeytinci", year: "2025", locator: "4"), CitationItem(author: "Naciyev ve Gasımlı", year: "2020", locator: "1269")]),
            cite(40, [CitationItem(author: "Zeytinci", year: "2025", locator: "3")]),
            cite(60, [CitationItem(author: "Radikal", year: "01.02.2000", locator: "10")]),
            cite(80, [CitationItem(author: "Radikal", year: "16.12.1999")]),
            cite(100, [CitationItem(author: "Anadolu Ajansı", year: "2021")]),
            cite(120, [CitationItem(author: "Kuzio, Taras", locator: "104", titleFragment: "“Geopolitical")]),
        ]))
        #expect(result.stubs.count == 6)
        #expect(result.stubs[5].author == [CSLName(family: "Kuzio", given: "Taras")])
        #expect(result.stubs[5].title == "Geopolitical")
        #expect(result.stubs[5].issued == nil)
        let zeytinci = try #require(result.stubs.first)
        #expect(zeytinci.custom?.stub == true)
        #expect(zeytinci.custom?.citedLocators == ["3", "4"])
        #expect(zeytinci.author == [CSLName(family: "Zeytinci")])
        #expect(zeytinci.custom?.provenance?.count == 3)
        #expect(result.stubs[1].author == [CSLName(family: "Naciyev"), CSLName(family: "Gasımlı")])
        #expect(result.stubs[2].issued == CSLDate(year: 2000, month: 2, day: 1))
        #expect(result.stubs[4].author == [CSLName(literal: "Anadolu Ajansı")])
        #expect(Set(result.stubs.map(\.id)).count == 6)
        #expect(result.resolutions.allSatisfy { $0.status == .linked && $0.via == .stub })
        #expect(result.resolutions[0].records == result.resolutions[3].records)
    }

    @Test func worksAcrossSources() throws {
        let other = try SourceID("tez")
        var footnoteRecord = ReferenceParser.parse("52 Fatih Eraslan ve Fatma Nur Özdemir, “Azerbaycan-Türkiye İlişkilerinde Önemli Bir Kavşak”, Türk Dünyası Araştırmaları, 129:255, 2021, s. 317.").references[0].record
        footnoteRecord.id = "eraslan2021"
        let first = CitationResolver.resolve(.init(source: source, citations: [cite(0, .footnoteMarker, [CitationItem(ref: 52)])],
                                                   footnotes: [52: [FootnoteReference(record: footnoteRecord, locator: "317")]]))
        let second = CitationResolver.resolve(.init(source: other, citations: [
            // 003 spells the first author "Erarslan" where 002's footnote has "Eraslan".
            Citation(source: other, span: TextSpan(start: 5, end: 30), text: "(Erarslan & Özdemir, 2021: 320)", kind: .parenthetical,
                     items: [CitationItem(author: "Erarslan & Özdemir", year: "2021", locator: "320")]),
            Citation(source: other, span: TextSpan(start: 40, end: 60), text: "(Eraslan, 2021: 5)", kind: .parenthetical,
                     items: [CitationItem(author: "Eraslan", year: "2021", locator: "5")]),
        ]))
        let records = [ScopedRecord(source: source, record: footnoteRecord)] + second.stubs.map { ScopedRecord(source: other, record: $0) }
        let works = WorkGrouping.group(records: records, resolutions: [first, second])
        // The single-author stub is another work: a spelling variant needs the same co-authors.
        #expect(works.count == 2)
        #expect(works.first?.id == "eraslan2021")
        #expect(works.first?.sources == [source, other])
        #expect(works.first?.citations.map(\.locator) == ["317", "320"])
    }
}
