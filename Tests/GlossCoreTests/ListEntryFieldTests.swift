import Testing
@testable import GlossCore

/// Fields of list entries the style readers leave to general rules: a year closing an element, comma
/// styles, a title's closing source, editions and translators in brackets, Turkish `içinde`.
@Suite("List entry fields by general rules")
struct ListEntryFieldTests {
    func entry(_ text: String) throws -> BibRecord {
        try #require(ReferenceParser.parseListEntry(text))
    }

    @Test("A year closing an element, whatever read the entry", arguments: [
        ("Nigar Həsənova, Bakı Kitabxanalarının Tarixi (Bakı: Elm, 2006).", 2006),
        ("Orhan Demir, Kütüphane ve Toplum (İstanbul: Yapı Kredi Yayınları, 2011), 45–60.", 2011),
    ])
    func yearOfAnyReader(_ text: String, _ year: Int) throws {
        #expect(try entry(text).issued?.year == year)
    }

    @Test("Place, publisher and year in the bracket after a title; the people of the book are no title", arguments: [
        "Rəşid Bəy, Türk Tarixi, trans. Aydın Kaya (Bakı: Elm, 1998).",
        "Bəy, Rəşid, Türk Tarixi, Aydın Kaya (çev.) (Elm, 1998).",
    ])
    func publicationBracket(_ text: String) throws {
        let record = try entry(text)
        #expect(record.title == "Türk Tarixi")
        #expect(record.publisher == "Elm")
        #expect(record.issued?.year == 1998)
    }

    @Test func anEntryThatSaysItHasNoDateGetsNone() throws {
        let record = try entry("Kaya, A. (t.y.). 2015 Yılı Kütüphane İstatistikleri, Ankara, 2016.")
        #expect(record.issued == nil)
    }

    @Test("A comma after the year: the title is the first element", arguments: [
        ("Aslan Quliyev (2004), Mətnlərin Təhlili, Dilçilik Jurnalı 12, 45-60.", "Mətnlərin Təhlili"),
        ("A. Kaya, B. Demir (1999), Parsing Footnotes, Proceedings of the Text Workshop, 10-18.", "Parsing Footnotes"),
    ])
    func commaAfterYear(_ text: String, _ title: String) throws {
        let record = try entry(text)
        #expect(record.title == title)
    }

    @Test("Publisher, place or site closing the title's sentence come off it", arguments: [
        ("Ersoy, M. (2010) Osmanlı Matbaacılığı: Kitap, Kâğıt ve Mürekkep, Oxford University Press, Oxford.", nil as String?,
         "Osmanlı Matbaacılığı: Kitap, Kâğıt ve Mürekkep"),
        ("Kaya, A. (2021) Kütüphaneler neden kapanıyor, ama yenileri açılıyor, Yeni Ses. Available at: https://example.org/a (Accessed: 3 March 2022).",
         "Yeni Ses", "Kütüphaneler neden kapanıyor, ama yenileri açılıyor"),
    ])
    func trailingSource(_ text: String, _ site: String?, _ title: String) throws {
        let record = try entry(text)
        #expect(record.title == title)
        if let site { #expect(record.containerTitle == site) }
    }

    @Test("Names with initials in a comma style are all authors", arguments: [
        ("K. Aydın, M. Demir, S. Quliyeva, Reference Parsing in Practice, Elm, Bakı, 2003.", ["Aydın", "Demir", "Quliyeva"], "Reference Parsing in Practice"),
        ("Hasanov, R. T. and Kaya, J. W., The Footnote Problem, Text Press, Ankara, 1994.", ["Hasanov", "Kaya"], "The Footnote Problem"),
    ])
    func initialledCommaNames(_ text: String, _ authors: [String], _ title: String) throws {
        let record = try entry(text)
        #expect(record.author?.map(\.family) == authors)
        #expect(record.title == title)
    }

    @Test("An edition or a translator in the bracket closing a title", arguments: [
        "Petrov, A. A. (2015). Библиотечное дело (3-е изд., перераб.). Москва: Наука.",
        "Petrov, A. A. (2015). Библиотечное дело (K. Aliyev, Trans.). Москва: Наука.",
        "Petrov, A. A. (2015). Библиотечное дело (2nd ed.). Москва: Наука.",
    ])
    func closingNote(_ text: String) throws {
        #expect(try entry(text).title == "Библиотечное дело")
    }

    @Test func turkishChapterNamesItsBookBeforeIçinde() throws {
        let record = try entry("Aliyev, R. (2018). Qafqaz xalçaları. Seçilmiş əsərlər: 3 c. içinde (C. 1, ss. 40-52). Bakı: Elm.")
        #expect(record.title == "Qafqaz xalçaları")
        #expect(record.containerTitle == "Seçilmiş əsərlər: 3 c")
        #expect(record.page == "40-52")
        #expect(record.publisher == "Elm")
        let edited = try entry("Demir, O. (2019). Kütüphane tarihi. A. Kaya ve B. Yıldız (Ed.), Türk Kütüphaneciliği içinde (ss. 11-30). Ankara: Nobel.")
        #expect(edited.title == "Kütüphane tarihi")
        #expect(edited.editor?.map(\.family) == ["Kaya", "Yıldız"])
        #expect(edited.containerTitle == "Türk Kütüphaneciliği")
        #expect(edited.page == "11-30")
    }

    @Test func editorMarkBeforeTheNames() throws {
        let record = try entry(", editorАлиев РТ. Каталоги библиотек: учебник. Баку: Элм; 2009. 120 p.")
        #expect(record.editor?.map(\.family) == ["Алиев"])
        #expect(record.author == nil)
        #expect(record.title == "Каталоги библиотек: учебник")
    }
}
