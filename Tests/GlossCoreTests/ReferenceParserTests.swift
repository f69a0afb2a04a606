import Testing
@testable import GlossCore

@Suite("Reference parser: entry shapes")
struct ReferenceParserTests {
    struct Shape: CustomTestStringConvertible, Sendable {
        var text: String
        var type: String
        var authors: [String] = []
        var editors: [String] = []
        var title: String?
        var container: String?
        var volume: String?
        var issue: String?
        var year: Int?
        var locator: String?
        var publisher: String?
        var place: String?
        var url: String?
        var accessed: [Int]?
        var testDescription: String { String(text.prefix(40)) }
    }

    static let shapes: [Shape] = [
        Shape(text: "9 Bilal N. Şimşir, Azerbaycan, Azerbaycan’ın Yeniden Doğuş Sürecinde Türkiye-Azerbaycan İlişkileri, Bilgi Yayınevi, Ankara, 2011, s. 33-35.",
              type: "book", authors: ["Bilal N. Şimşir"], title: "Azerbaycan, Azerbaycan’ın Yeniden Doğuş Sürecinde Türkiye-Azerbaycan İlişkileri",
              year: 2011, locator: "33-35", publisher: "Bilgi Yayınevi", place: "Ankara"),
        Shape(text: "7 Pieter D. Wezeman, Alexandra Kuimova ve Siemon T. Wezeman, “Trends ın Internatıonal Arms Transfers 2020”, SIPRI Fact Sheet, March 2021, s. 6.",
              type: "report", authors: ["Pieter D. Wezeman", "Alexandra Kuimova", "Siemon T. Wezeman"],
              title: "Trends ın Internatıonal Arms Transfers 2020", container: "SIPRI Fact Sheet", year: 2021, locator: "6"),
        Shape(text: "14 Nazım Cafersoy ve Araz Aslanlı, “Azerbaycan-Türkiye Askeri İlişkileri”, Cavid Veliyev, Reşad Resullu, Kenan Aslanlı (ed.), Azerbaycan-Türkiye: Dostluk, Kardeşlik ve Strateji Ortaklık, Berikan Yayınevi, Ankara, 2012, s. 166.",
              type: "chapter", authors: ["Nazım Cafersoy", "Araz Aslanlı"], editors: ["Cavid Veliyev", "Reşad Resullu", "Kenan Aslanlı"],
              title: "Azerbaycan-Türkiye Askeri İlişkileri", container: "Azerbaycan-Türkiye: Dostluk, Kardeşlik ve Strateji Ortaklık",
              year: 2012, locator: "166", publisher: "Berikan Yayınevi", place: "Ankara"),
        Shape(text: "15 Svante E. Cornell, “Turkey and the Conflict in Nagorno Karabakh: A Delicate Balance”, Middle Eastern Studies, 34:1, 1998, s. 61.",
              type: "article-journal", authors: ["Svante E. Cornell"], title: "Turkey and the Conflict in Nagorno Karabakh: A Delicate Balance",
              container: "Middle Eastern Studies", volume: "34", issue: "1", year: 1998, locator: "61"),
        Shape(text: "1 NATO, “Partnership for Peace Programme”, https://www.nato.int/cps/en/natohq/topics_50349.htm, 2023, erişim 21.07.2023.",
              type: "webpage", authors: ["NATO"], title: "Partnership for Peace Programme", year: 2023,
              url: "https://www.nato.int/cps/en/natohq/topics_50349.htm", accessed: [2023, 7, 21]),
        Shape(text: "6 Reuters, “Armenia Ratifies Agreement”, https://www.reu-\nters.com/article/us-armenia-russia-\ndefence-idUSKCN0ZG2AS, erişim 10.08.2023.",
              type: "article-newspaper", authors: ["Reuters"], title: "Armenia Ratifies Agreement",
              url: "https://www.reuters.com/article/us-armenia-russia-defence-idUSKCN0ZG2AS", accessed: [2023, 8, 10]),
        Shape(text: "27 Dursun Engin Karabulut, Türkiye-Azerbaycan Sosyo-Ekonomik İlişkileri ve Karabağ Değerlendirmesi, Atatürk Üniversitesi Sosyal Bilimler Enstitüsü, Yüksek Lisans Tezi, Erzurum, 2022, s. 20",
              type: "thesis", authors: ["Dursun Engin Karabulut"], title: "Türkiye-Azerbaycan Sosyo-Ekonomik İlişkileri ve Karabağ Değerlendirmesi",
              year: 2022, locator: "20", publisher: "Atatürk Üniversitesi Sosyal Bilimler Enstitüsü", place: "Erzurum"),
        Shape(text: "23 Thomas de Waal, Black Garden: Armenia and Azerbaijan through Peace and War, New York University Press, New York and London, 2003, s. 238.",
              type: "book", authors: ["Thomas de Waal"], title: "Black Garden: Armenia and Azerbaijan through Peace and War", year: 2003,
              locator: "238", publisher: "New York University Press", place: "New York and London"),
        Shape(text: "Smith, John, and Jane Doe. \"Drones and Doctrine.\" Survival 62, no. 3 (2020): 45–67.",
              type: "article-journal", authors: ["John Smith", "Jane Doe"], title: "Drones and Doctrine", container: "Survival",
              volume: "62", issue: "3", year: 2020),
        Shape(text: "Kınık, H., & Çelik, S. (2021). The role of Turkish drones in Azerbaijan’s increasing military effectiveness. Insight Turkey, 23(4), 169-203.",
              type: "article-journal", authors: ["H. Kınık", "S. Çelik"], title: "The role of Turkish drones in Azerbaijan’s increasing military effectiveness",
              container: "Insight Turkey", volume: "23", issue: "4", year: 2021),
        Shape(text: "Şimşir, B. N. (2011a). Azerbaycan. Ankara: Bilgi Yayınevi.",
              type: "book", authors: ["B. N. Şimşir"], title: "Azerbaycan", year: 2011, publisher: "Bilgi Yayınevi", place: "Ankara"),
        Shape(text: "Anadolu Ajansı (2021). Karabağ’da gözlem başladı. https://www.aa.com.tr/tr/dunya/karabag/123, erişim 03.08.2023.",
              type: "article-newspaper", authors: ["Anadolu Ajansı"], title: "Karabağ’da gözlem başladı", year: 2021,
              url: "https://www.aa.com.tr/tr/dunya/karabag/123", accessed: [2023, 8, 3]),
        Shape(text: "12 Иванов И.И., «Кавказ и мир», Вестник МГУ, 3:2, 2015, с. 45-47.",
              type: "article-journal", authors: ["И.И. Иванов"], title: "Кавказ и мир", container: "Вестник МГУ", volume: "3", issue: "2",
              year: 2015, locator: "45-47"),
        Shape(text: "2 Hasan Kanbolat, “Türkiye-Azerbaycan İlişkileri”, Stratejik Analiz, Cilt 5, Sayı 53, Eylül 2004, ss. 12-15.",
              type: "article-journal", authors: ["Hasan Kanbolat"], title: "Türkiye-Azerbaycan İlişkileri", container: "Stratejik Analiz",
              volume: "5", issue: "53", year: 2004, locator: "12-15"),
        Shape(text: "3 İlham Əliyev, Azərbaycan: Müstəqillik Yolu, Bakı: Şərq-Qərb, 2015, səh. 88.",
              type: "book", authors: ["İlham Əliyev"], title: "Azərbaycan: Müstəqillik Yolu", year: 2015, locator: "88",
              publisher: "Şərq-Qərb", place: "Bakı"),
        Shape(text: "4 Svante E. Cornell, Small Nations and Great Powers, Curzon Press, Richmond, 2001, pp. 120-125.",
              type: "book", authors: ["Svante E. Cornell"], title: "Small Nations and Great Powers", year: 2001, locator: "120-125",
              publisher: "Curzon Press", place: "Richmond"),
        Shape(text: "9 Ресул Ибрагимов, «Азербайджан и Турция», Кавказ и Центральная Азия, № 2, 2010, с. 45.",
              type: "article-journal", authors: ["Ресул Ибрагимов"], title: "Азербайджан и Турция", container: "Кавказ и Центральная Азия",
              issue: "2", year: 2010, locator: "45"),
        Shape(text: "11 Anadolu Ajansı, “Başlık burada”, 12 Ekim 2020.",
              type: "article-newspaper", authors: ["Anadolu Ajansı"], title: "Başlık burada", year: 2020),
        Shape(text: "4 John Smith (ed.), The Caucasus Reader, Routledge, London, 2019, pp. 12-14.",
              type: "book", editors: ["John Smith"], title: "The Caucasus Reader", year: 2019, locator: "12-14", publisher: "Routledge", place: "London"),
    ]

    @Test(arguments: shapes)
    func shape(_ shape: Shape) throws {
        let entry = ReferenceParser.parse(shape.text)
        let reference = try #require(entry.references.first)
        let record = reference.record
        #expect(reference.form == .full)
        #expect(record.type == shape.type)
        #expect((record.author ?? []).map(PersonNames.display) == shape.authors)
        #expect((record.editor ?? []).map(PersonNames.display) == shape.editors)
        #expect(record.title == shape.title)
        if shape.container != nil { #expect(record.containerTitle == shape.container) }
        #expect(record.volume == shape.volume)
        #expect(record.issue == shape.issue)
        #expect(record.issued?.year == shape.year)
        #expect(reference.locator == shape.locator)
        #expect(record.publisher == shape.publisher)
        #expect(record.publisherPlace == shape.place)
        #expect(record.url == shape.url)
        #expect(record.accessed?.dateParts?.first == shape.accessed)
        #expect(!record.id.isEmpty)
    }

    @Test("ibid forms keep their own locator", arguments: [
        ("3 Age, s. 59-61.", "59-61"), ("49 Agk.", nil), ("a.g.e., s. 12", "12"), ("Ibid., p. 4.", "4"),
        ("ibid.", nil), ("Там же. С. 45.", "45"), ("A.g.e., s.102", "102"),
    ] as [(String, String?)])
    func ibid(_ text: String, _ locator: String?) throws {
        let reference = try #require(ReferenceParser.parse(text).references.first)
        #expect(reference.form == .ibid)
        #expect(reference.locator == locator)
    }

    @Test("short forms: surnames, a title fragment and a locator", arguments: [
        ("5 Yüce, The Caucasus, s. 61.", ["Yüce"], "The Caucasus", "61"),
        ("18 Cafersoy ve Aslanlı, Azerbaycan-Türkiye Askeri, s. 156.", ["Cafersoy", "Aslanlı"], "Azerbaycan-Türkiye Askeri", "156"),
        ("35 Kasapoğlu, Türkiye-Azerbaycan.", ["Kasapoğlu"], "Türkiye-Azerbaycan", nil),
        ("Yüce, a.g.e., s. 8.", ["Yüce"], nil, "8"),
        ("Smith, op. cit., p. 9.", ["Smith"], nil, "9"),
    ] as [(String, [String], String?, String?)])
    func shortForm(_ text: String, _ authors: [String], _ title: String?, _ locator: String?) throws {
        let reference = try #require(ReferenceParser.parse(text).references.first)
        #expect(reference.form == .shortForm)
        #expect((reference.record.author ?? []).map(PersonNames.display) == authors)
        #expect(reference.record.title == title)
        #expect(reference.locator == locator)
    }

    @Test func commentaryYieldsItsReference() throws {
        let entry = ReferenceParser.parse("""
        48 2018-2022 yılları arasında silah ihracatını yüzde 69 artırarak dünyanın en büyük 12. silah ihracatçısı olan \
        Türkiye’nin ithalatı. Ayrıntılı bilgi için bkz: Pieter D. Wezeman, Alexandra Kuimova and Jordan Smith, Arms \
        transfers to conflict zones, 30 April 2021, https:// www.sipri.org/commentary/2021/arms-transfers-nagorno-\nkarabakh, erişim 12.08.2023.
        """)
        #expect(entry.number == 48)
        #expect(entry.isCommentary)
        let record = try #require(entry.references.first?.record)
        #expect(record.author?.count == 3)
        #expect(record.issued == CSLDate(year: 2021, month: 4, day: 30))
        #expect(record.url == "https://www.sipri.org/commentary/2021/arms-transfers-nagorno-karabakh")
    }

    @Test func seeInsideATitleIsNotACommentMarker() throws {
        let entry = ReferenceParser.parse("3 John Smith, “What We See in Karabakh”, Survival, 62:3, 2020, p. 45.")
        #expect(!entry.isCommentary)
        #expect(entry.references.first?.record.title == "What We See in Karabakh")
        #expect(entry.references.first?.record.author == [CSLName(family: "Smith", given: "John")])
    }

    @Test("GOST entries (Russian and Azerbaijani lists)", arguments: [
        ("1. Иванов И.И. Кавказская политика Турции. – М.: Наука, 2010. – 250 с.", ["Иванов"], "Кавказская политика Турции", 2010, "Наука", "М."),
        ("2. Гасанов Д.Р., Петров А.А. Азербайджан и Турция // Вестник МГУ. – 2015. – № 2. – С. 45–67.", ["Гасанов", "Петров"], "Азербайджан и Турция", 2015, nil, nil),
        ("3. Məmmədov E. Azərbaycan-Türkiyə münasibətləri. – Bakı: Elm, 2018. – 320 s.", ["Məmmədov"], "Azərbaycan-Türkiyə münasibətləri", 2018, "Elm", "Bakı"),
    ] as [(String, [String], String, Int, String?, String?)])
    func gost(_ text: String, _ families: [String], _ title: String, _ year: Int, _ publisher: String?, _ place: String?) throws {
        let record = try #require(ReferenceParser.parse(text).references.first?.record)
        #expect((record.author ?? []).map { $0.family ?? "" } == families)
        #expect(record.title == title)
        #expect(record.issued?.year == year)
        #expect(record.publisher == publisher)
        #expect(record.publisherPlace == place)
    }

    @Test func gostJournalArticle() throws {
        let entry = ReferenceParser.parse("2. Гасанов Д.Р., Петров А.А. Азербайджан и Турция // Вестник МГУ. – 2015. – № 2. – С. 45–67.")
        let record = try #require(entry.references.first?.record)
        #expect(entry.number == 2)
        #expect(record.type == "article-journal")
        #expect(record.containerTitle == "Вестник МГУ")
        #expect(record.issue == "2")
        #expect(record.page == "45–67")
    }

    @Test func aReferenceBeforeASeeMarkerIsKept() {
        let entry = ReferenceParser.parse("5 Yüce, The Caucasus, s. 61; ayrıca bkz. Bilal N. Şimşir, Azerbaycan, Bilgi Yayınevi, Ankara, 2011, s. 33.")
        #expect(entry.references.map(\.form) == [.shortForm, .full])
        let comment = ReferenceParser.parse("6 Bu konuda farklı görüşler vardır; bkz. Yüce, The Caucasus, s. 5.")
        #expect(comment.isCommentary)
        #expect(comment.references.map(\.form) == [.shortForm])
    }

    @Test func pureCommentaryHasNoReference() {
        let entry = ReferenceParser.parse("13 Aslında birinci bağımsızlık döneminde Türkiye Azerbaycan’a askerî eğitim konusunda destek olan yegane ülke olmuştur ve bu konuda başka bir şey söylenemez.")
        #expect(entry.isCommentary)
        #expect(entry.references.isEmpty)
    }

    @Test func severalReferencesInOneFootnote() {
        let entry = ReferenceParser.parse("57 Cory Welt and Andrew S. Bowen, Azerbaijan and Armenia: The Nagorno-Karabakh Conflic, Congressional Research Service, 2021, s. 9; Postma, Drones over Nagorno, s. 17.")
        #expect(entry.references.map(\.form) == [.full, .shortForm])
        #expect(entry.references.map(\.locator) == ["9", "17"])
        #expect(entry.references.first?.record.type == "report")
    }

    @Test func keysAreASCII() {
        let record = ReferenceParser.parse("9 Bilal N. Şimşir, Azerbaycan, Bilgi Yayınevi, Ankara, 2011, s. 33-35.").references[0].record
        #expect(record.id == "simsirAzerbaycan2011")
        let russian = ReferenceParser.parse("9 Ресул Ибрагимов, «Азербайджан и Турция», Кавказ, № 2, 2010, с. 45.").references[0].record
        #expect(russian.id == "ibragimovAzerbaydzhan2010")
    }
}
