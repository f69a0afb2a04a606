import Testing
@testable import GlossCore

/// Entries whose elements are sentences (BibTeX's plain and alpha styles, lists typed by hand):
/// names closed by a full stop, the title, then where the work appeared with the year last.
@Suite("Sentence-style reference entries")
struct SentenceEntryTests {
    func entry(_ text: String) throws -> BibRecord {
        try #require(ReferenceParser.parseListEntry(text))
    }

    @Test("Names, title and the year closing the entry", arguments: [
        // Initials first, a conference paper with its month.
        ("K. Aydın, M. Demir, and E. A. Quliyev. Caching reference lists on small devices. In Proceedings of the 12th Workshop on Text Systems, pages 11-19, Ankara, June 2009.",
         ["Aydın", "Demir", "Quliyev"], 2009, "Caching reference lists on small devices", "Proceedings of the 12th Workshop on Text Systems"),
        // Families with initials, a journal with volume and issue.
        ("Hasanov, R., Petrova, A., and van Dijk, T. Parsing bibliographies in three scripts. Journal of Text Mining, 14(2), 101-117, 2015.",
         ["Hasanov", "Petrova", "van Dijk"], 2015, "Parsing bibliographies in three scripts", "Journal of Text Mining"),
        // Full given names in reading order, a thesis.
        ("Leyla Məmmədova and Oleg Ivanov. Citation linking for Azerbaijani theses. PhD thesis, Baku State University, May 2018.",
         ["Məmmədova", "Ivanov"], 2018, "Citation linking for Azerbaijani theses", nil),
        // A question keeps its mark; the publisher follows.
        ("S. T. Yılmaz. Do footnotes still matter? Bilgi Press, Istanbul, 2021.",
         ["Yılmaz"], 2021, "Do footnotes still matter?", nil),
        // Cyrillic initials first.
        ("А. Б. Смирнова and В. Г. Орлов. Библиографические списки в гуманитарных журналах. Вестник библиотек, 7(3), 12-30, 2012.",
         ["Смирнова", "Орлов"], 2012, "Библиографические списки в гуманитарных журналах", "Вестник библиотек"),
    ] as [(String, [String], Int, String, String?)])
    func sentences(_ text: String, _ authors: [String], _ year: Int, _ title: String, _ container: String?) throws {
        let record = try entry(text)
        #expect(record.author?.map(\.family) == authors)
        #expect(record.issued?.year == year)
        #expect(record.title == title)
        #expect(record.containerTitle == container)
    }

    @Test func editorsOfTheBookOfAPaper() throws {
        let record = try entry("T. Karimov. Layout of old catalogues. In N. Aliyeva and J. Brown, editors, Advances in Library Science, volume 4, pages 33-50. Elm, Baku, 2007.")
        #expect(record.editor?.map(\.family) == ["Aliyeva", "Brown"])
        #expect(record.containerTitle == "Advances in Library Science")
        #expect(record.page == "33-50")
        #expect(record.issued?.year == 2007)
    }

    @Test func aReprintAfterTheDateIsNotTheYear() throws {
        let record = try entry("P. Novak. Notes on indexing. Technical Report TR-7, Institute of Letters, Prague, 1987. Reprinted in Collected Notes, 1995.")
        #expect(record.issued?.year == 1987)
        #expect(record.title == "Notes on indexing")
    }

    @Test func aFirstEditionInSquareBracketsIsNotTheYear() throws {
        let record = try entry("J. R. Hartley. Fly Fishing. Memories of Angling Days. London: Dorling, 2004 [1991].")
        #expect(record.issued?.year == 2004)
    }

    @Test("The full stop of an initial closes no names", arguments: [
        // The names end at a comma here, so the entry is not this reader's: `K.` and `S.` end no list.
        "Clark, K. L., Negation and failure, in: H. Gallaire (ed.), Logic and Data, Plenum Press, New York, 1978.",
        "Demir, S. K., & Kaya, J. D., Zooming interfaces for reading, Proceedings of Interfaces 94, ACM, New York, 1994.",
        "Howard Turner and W. Bruce Croft, Networks for retrieval, in Proceedings of SIGIR, pages 1-24, 1990.",
    ])
    func initialsGoOn(_ text: String) {
        #expect(SentenceEntry.parse(text) == nil)
    }

    @Test("A title is not taken for names", arguments: [
        // One name of full words could be a title: left to the other readers.
        "Robot Vision. MIT Press, Cambridge, MA, 1986.",
        // Title words are no given names.
        "Ayşe Kaya, The Dead and Their Gifts. Rituals of Power, Leiden, 2000, 225-250.",
    ])
    func titlesAreNoNames(_ text: String) {
        #expect(SentenceEntry.parse(text) == nil)
    }

    @Test("A year the readers miss closes an element of the entry", arguments: [
        ("Selim Aras, “Kervan yolları,” in Anadolu Tarihi (Ankara: Türk Tarih Kurumu, 1998), 41–60.", 1998),
        (#"Burton, Robert P. and Sutherland, Ivan E. "A Box of Lights". in Proceedings of the National Conference (1974) pp. 513-520."#, 1974),
    ])
    func closingYear(_ text: String, _ year: Int) throws {
        #expect(try entry(text).issued?.year == year)
    }
}
