import Testing
import GlossCore
@testable import GlossFormats

/// What `gloss bib import` reads, `gloss export bibtex` writes back so that it reads the same.
@Suite("BibTeX round trip")
struct BibTeXRoundTripTests {
    @Test func importedRecordsSurviveExportAndReimport() throws {
        let bib = #"""
        @article{kinik2021,
          author = {K{\i}n{\i}k, H{\"u}lya and {\c{C}}elik, Sinem},
          title = {The Role of {Turkish} Drones in {\textschwa}li{\c s}, {\u{g}}},
          journal = {Insight Turkey}, volume = 23, number = {4}, pages = {169--203}, year = 2021,
        }
        @book{nato2023, author = {{North Atlantic Treaty Organization}}, title = {Partnership for Peace},
          publisher = {NATO}, address = {Brussels}, year = 2023}
        @incollection{cafersoy2012, author = {Cafersoy, Nazım and Aslanlı, Araz}, editor = {Veliyev, Cavid},
          title = {Azerbaycan-Türkiye Askeri İlişkileri}, booktitle = {Azerbaycan-Türkiye: Dostluk},
          publisher = {Berikan Yayınevi}, address = {Ankara}, year = 2012, pages = {160--175}}
        """#
        let first = BibTeXParser.parse(bib, file: "a.bib")
        #expect(first.problems.isEmpty)
        let exported = BibTeXWriter().write(first.records).text
        let second = BibTeXParser.parse(exported, file: "b.bib")
        #expect(second.problems.filter { $0.severity == .error }.isEmpty, "\(second.problems)")
        #expect(second.records.count == first.records.count)
        let back = Dictionary(uniqueKeysWithValues: second.records.map { ($0.id, $0) })
        for a in first.records {
            let b = try #require(back[a.id], "\(a.id) is missing after the round trip")
            #expect(b.type == a.type)
            #expect(b.author == a.author)
            #expect(b.editor == a.editor)
            #expect(b.title == a.title)
            #expect(b.containerTitle == a.containerTitle)
            #expect(b.issued == a.issued)
            #expect(b.page == a.page)
            #expect(b.publisher == a.publisher)
            #expect(b.publisherPlace == a.publisherPlace)
        }
    }
}
