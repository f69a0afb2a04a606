import Testing
@testable import GlossCore

@Suite("Reference-list segmenter")
struct ReferenceListSegmenterTests {
    func slice(_ text: String, _ span: TextSpan) -> String {
        String(String.UnicodeScalarView(Array(text.unicodeScalars)[span.start..<span.end]))
    }

    @Test func hangingAuthorDateList() throws {
        let text = """
        Sonuç olarak Türkiye (Yüce, 2016) önemli bir aktördür.

        Kaynakça

        Aslanlı, A. ve Hesenov, İ. (2005). Haydar Aliyev Dönemi Azerbaycan Dış Politi-
        kası. Ankara: Platin.
        Kınık, H., & Çelik, S. (2021). The role of Turkish drones in Azerbaijan’s increasing
        military effectiveness. Insight Turkey, 23(4), 169-203.

        Özdemir-
        Kantar, N. (2023). Başlık. Dergi, 5(1), 1-20.
        NATO (2023). Partnership for Peace Programme. https://www.nato.int/cps/en/natohq/
        topics_50349.htm, erişim 21.07.2023.

        Extended Abstract
        This article (Smith, 2020) ...
        """
        let list = try #require(ReferenceListSegmenter.segment(text))
        #expect(slice(text, list.heading) == "Kaynakça")
        #expect(!list.isNumbered)
        #expect(list.entries.count == 4)
        #expect(list.entries[0].text == "Aslanlı, A. ve Hesenov, İ. (2005). Haydar Aliyev Dönemi Azerbaycan Dış Politikası. Ankara: Platin.")
        #expect(slice(text, list.entries[1].span).hasPrefix("Kınık, H., & Çelik"))
        #expect(slice(text, list.entries[1].span).hasSuffix("169-203."))
        #expect(list.entries[2].text.hasPrefix("Özdemir-Kantar, N. (2023)"))
        let records = list.entries.compactMap { ReferenceParser.parse($0.text).references.first?.record }
        #expect(records.map { $0.issued?.year } == [2005, 2021, 2023, 2023])
        #expect(records[0].title == "Haydar Aliyev Dönemi Azerbaycan Dış Politikası")
        #expect(records[0].publisher == "Platin")
        #expect(records[3].url == "https://www.nato.int/cps/en/natohq/topics_50349.htm")
        #expect(records[2].author?.first?.family == "Özdemir-Kantar")
    }

    @Test func numberedList() throws {
        let text = """
        Mətn [1, s.12] və [2].

        Ədəbiyyat:

        1. Məmmədova A. 20 Yanvar - Qan Yaddaşımız. Bakı: Azərbaycan Milli Kitabxanası, 2020.
        2. Иванов И.И., «Кавказ и мир», Вестник МГУ, 3:2, 2015, с. 45-47.
        3. Svante E. Cornell, “Turkey and the Conflict in Nagorno Karabakh”, Middle Eastern Studies,
        34:1, 1998.
        """
        let list = try #require(ReferenceListSegmenter.segment(text))
        #expect(list.isNumbered)
        #expect(list.entries.map(\.number) == [1, 2, 3])
        #expect(list.entries[2].text == "Svante E. Cornell, “Turkey and the Conflict in Nagorno Karabakh”, Middle Eastern Studies, 34:1, 1998.")
        #expect(slice(text, list.entries[1].span).hasPrefix("2. Иванов"))
        let cornell = try #require(ReferenceParser.parse(list.entries[2].text).references.first?.record)
        #expect(cornell.volume == "34")
        #expect(cornell.issued?.year == 1998)
    }

    @Test("headings in each language", arguments: ["Kaynaklar", "KAYNAKÇA", "References", "Bibliography", "Ədəbiyyat siyahısı",
                                                  "Литература", "Список литературы", "7. Kaynakça", "Kaynakça / References"])
    func headings(_ heading: String) throws {
        let text = "Body text.\n\n\(heading)\n\nSmith, J. (2020). A title. Publisher.\nDoe, J. (2019). Another. Press.\n"
        let list = try #require(ReferenceListSegmenter.segment(text))
        #expect(list.entries.count == 2)
    }

    @Test func footnoteStyleListWithPageNumbersAndJournalLines() throws {
        let text = """
        Sonuç.

        KAYNAKÇA

        Cornell, Svante E., “Turkey and the Conflict in Nagorno Karabakh: A Delicate Balance”.

        Middle Eastern Studies, Vol. 34, No. 1, 1998, s. 51-72.

        45

        Şimşir, Bilal N., Azerbaycan, Bilgi Yayınevi, Ankara, 2011.

        Yüce, Ahmet, “The Caucasus and the World”, International Scientific Journal, 21, 2016.
        """
        let list = try #require(ReferenceListSegmenter.segment(text))
        #expect(list.entries.count == 3)
        #expect(list.entries[0].text.hasSuffix("Vol. 34, No. 1, 1998, s. 51-72."))
        let cornell = try #require(ReferenceParser.parse(list.entries[0].text).references.first?.record)
        #expect(cornell.author == [CSLName(family: "Cornell", given: "Svante E.")])
        #expect(cornell.containerTitle == "Middle Eastern Studies")
        #expect(cornell.volume == "34")
        #expect(cornell.issue == "1")
        let simsir = try #require(ReferenceParser.parse(list.entries[1].text).references.first?.record)
        #expect(simsir.author == [CSLName(family: "Şimşir", given: "Bilal N.")])
        #expect(simsir.title == "Azerbaycan")
    }

    @Test func noListInTheSeeds() {
        #expect(ReferenceListSegmenter.segment("Giriş\n\nMetin (Yüce, 2016).\nSonuç\n") == nil)
    }
}
