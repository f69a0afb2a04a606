import Testing
@testable import GlossCore

/// A web page's year is the date it was published (printed, or in its address); the date a
/// researcher read it goes to `accessed`, in every style's wording.
@Suite("Web page dates and access dates")
struct WebPageDateTests {
    func entry(_ text: String) throws -> BibRecord {
        try #require(ReferenceParser.parseListEntry(text))
    }

    @Test("The access date is no year, whatever its wording", arguments: [
        ("Aliyeva, N. (n.d.). Bakı kitabxanaları. Kitab.az. Retrieved March 2, 2024, from https://kitab.az/xeber/1234", CSLDate(year: 2024, month: 3, day: 2)),
        ("Aliyeva, N. (t.y.). Bakı kitabxanaları. Kitab.az. 2 Mart 2024 tarihinde https://kitab.az/xeber/1234 adresinden erişildi.", CSLDate(year: 2024, month: 3, day: 2)),
        ("Aliyeva, Nigar. n.d. “Bakı Kitabxanaları.” Kitab.az. Accessed March 2, 2024. https://kitab.az/xeber/1234.", CSLDate(year: 2024, month: 3, day: 2)),
        ("Aliyeva, Nigar. “Bakı Kitabxanaları.” Kitab.az, https://kitab.az/xeber/1234. Accessed 2 Mar. 2024.", CSLDate(year: 2024, month: 3, day: 2)),
        ("[7] N. Aliyeva, “Bakı kitabxanaları,” Kitab.az. Accessed: Mar. 2, 2024. [Online]. Available: https://kitab.az/xeber/1234", CSLDate(year: 2024, month: 3, day: 2)),
        ("Aliyeva N. Kitab.az [Internet]. [cited 2024 Mar 2]. Bakı kitabxanaları. Available from: https://kitab.az/xeber/1234", CSLDate(year: 2024, month: 3, day: 2)),
        ("Алиева Н. Бакинские библиотеки [Электронный ресурс]. URL: https://kitab.az/xeber/1234 (дата обращения: 02.03.2024).", CSLDate(year: 2024, month: 3, day: 2)),
        ("Aliyeva N. Bakı kitabxanaları. Kitab.az. Available at: https://kitab.az/xeber/1234. Erişim Mart 2, 2024.", CSLDate(year: 2024, month: 3, day: 2)),
    ])
    func accessDate(_ text: String, _ accessed: CSLDate) throws {
        let record = try entry(text)
        #expect(record.accessed == accessed)
        #expect(record.issued == nil)
        #expect(record.url == "https://kitab.az/xeber/1234")
    }

    @Test("A page without a printed date is dated by its address", arguments: [
        ("K. Demir, Türkiye’de kütüphaneler, Yeni Yüzyıl, https://www.example.com.tr/2019/03/14/kutuphaneler.", 2019),
        ("Demir K. Türkiye’de kütüphaneler [Электронный ресурс]. URL: https://news.example.org/2021-05-04/libraries (дата обращения: 01.06.2022).", 2021),
    ])
    func dateInAddress(_ text: String, _ year: Int) throws {
        let record = try entry(text)
        #expect(record.issued?.year == year)
    }

    @Test func aYearAloneOrAnIdentifierInTheAddressIsNoDate() {
        #expect(DateInURL.date(in: "https://example.org/2016/report.pdf") == nil)
        #expect(DateInURL.date(in: "https://example.org/item.asp?id=2016/01") == nil)
        #expect(DateInURL.date(in: "https://www.vox.com/2016/1/7/10726296/wheres-rey") == CSLDate(year: 2016, month: 1, day: 7))
    }

    @Test func physicsStyleTitleBeforeAContainerWithoutVolume() throws {
        let record = try entry("R. Əliyev, Qarabağın xalçaları, Azərbaycan Dili və Ədəbiyyatı (2004).")
        #expect(record.title == "Qarabağın xalçaları")
        #expect(record.containerTitle == "Azərbaycan Dili və Ədəbiyyatı")
        #expect(record.issued?.year == 2004)
    }

    @Test func physicsStyleWebPageTitleWithACommaRunsToItsAddress() throws {
        let record = try entry("A. Kaya, Kütüphaneler, Arşivler ve Müzeler, https://example.com.tr/yazi/12.")
        #expect(record.title == "Kütüphaneler, Arşivler ve Müzeler")
        #expect(record.url == "https://example.com.tr/yazi/12")
    }
}
