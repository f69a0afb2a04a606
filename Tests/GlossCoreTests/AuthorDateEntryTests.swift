import Testing
@testable import GlossCore

/// Reference-list entries in the author-date styles, one style a test, read into records.
@Suite("Author-date list entries")
struct AuthorDateEntryTests {
    struct Expected: Sendable, CustomStringConvertible {
        var entry: String
        var families: [String]
        var year: Int?
        var suffix: String? = nil
        var title: String?
        var container: String? = nil
        var volume: String? = nil
        var issue: String? = nil
        var pages: String? = nil
        var doi: String? = nil
        var publisher: String? = nil
        var place: String? = nil
        var editors: [String] = []
        var description: String { entry }
    }

    func check(_ expected: Expected) throws {
        let record = try #require(ReferenceParser.parseListEntry(expected.entry))
        #expect((record.author ?? []).map { $0.family ?? $0.literal ?? "" } == expected.families)
        #expect((record.editor ?? []).map { $0.family ?? $0.literal ?? "" } == expected.editors)
        #expect(record.issued?.year == expected.year)
        #expect(record.yearSuffix == expected.suffix)
        #expect(record.title == expected.title)
        #expect(record.containerTitle == expected.container)
        #expect(record.volume == expected.volume)
        #expect(record.issue == expected.issue)
        #expect(record.page == expected.pages)
        #expect(record.doi == expected.doi)
        if let publisher = expected.publisher { #expect(record.publisher == publisher) }
        if let place = expected.place { #expect(record.publisherPlace == place) }
    }

    @Test("eLife", arguments: [
        Expected(entry: "Okafor CN, van der Berg T, Lindqvist AM Jnr. 2019b. Membrane turnover in aged neurons. Journal of Cell Science 132:jcs22841. doi: 10.1242/jcs.228411",
                 families: ["Okafor", "van der Berg", "Lindqvist"], year: 2019, suffix: "b", title: "Membrane turnover in aged neurons",
                 container: "Journal of Cell Science", volume: "132", pages: "jcs22841", doi: "10.1242/jcs.228411"),
        Expected(entry: "Marsh K, Ito S. 2003. Gene loss in cave fish. Part II. Eye development. Evolution 57:1010–1024.",
                 families: ["Marsh", "Ito"], year: 2003, title: "Gene loss in cave fish. Part II. Eye development",
                 container: "Evolution", volume: "57", pages: "1010–1024"),
        Expected(entry: "Baines RA, Okafor CN, editors. 2011. Neural circuits of the fly. Oxford: Oxford University Press.",
                 families: [], year: 2011, title: "Neural circuits of the fly", publisher: "Oxford University Press", place: "Oxford",
                 editors: ["Baines", "Okafor"]),
        Expected(entry: "Ito S. 2008. Eye loss. In: Marsh K, Ruiz P, editors. Cave Biology. Cambridge, MA: Academic Press. p. 45–67.",
                 families: ["Ito"], year: 2008, title: "Eye loss", container: "Cave Biology", pages: "45–67",
                 publisher: "Academic Press", place: "Cambridge, MA", editors: ["Marsh", "Ruiz"]),
        Expected(entry: "World Health Organization. 2014. Global tuberculosis report. NCBI Bookshelf. WHO/HTM/TB/2014.08.",
                 families: ["World Health Organization"], year: 2014, title: "Global tuberculosis report", container: "NCBI Bookshelf"),
        Expected(entry: "Tanaka H, Roe J. 2016. Sequencing of cave fish eyes. J Exp Biol 219:33–41.",
                 families: ["Tanaka", "Roe"], year: 2016, title: "Sequencing of cave fish eyes", container: "J Exp Biol", volume: "219", pages: "33–41"),
    ])
    func eLife(_ expected: Expected) throws { try check(expected) }

    @Test("APA 6 and 7", arguments: [
        Expected(entry: "Demirel, A. B., Kowalski, J., & Fraser, C. (2020). Urban heat and public health: A review. Environmental Research, 18(3), 201–219. https://doi.org/10.1016/j.envres.2020.01.004",
                 families: ["Demirel", "Kowalski", "Fraser"], year: 2020, title: "Urban heat and public health: A review",
                 container: "Environmental Research", volume: "18", issue: "3", pages: "201–219", doi: "10.1016/j.envres.2020.01.004"),
        Expected(entry: "Fraser, C. (2018a). Cities and climate (2nd ed.). Routledge.",
                 families: ["Fraser"], year: 2018, suffix: "a", title: "Cities and climate", publisher: "Routledge"),
        Expected(entry: "Kowalski, J. (2015). Heat waves in history. In M. Lee & R. Ortiz (Eds.), Climate and society (pp. 33–58). Springer.",
                 families: ["Kowalski"], year: 2015, title: "Heat waves in history", container: "Climate and society", pages: "33–58",
                 publisher: "Springer", editors: ["Lee", "Ortiz"]),
        Expected(entry: "American Psychological Association. (2020). Publication manual of the American Psychological Association. American Psychological Association.",
                 families: ["American Psychological Association"], year: 2020, title: "Publication manual of the American Psychological Association"),
    ])
    func apa(_ expected: Expected) throws { try check(expected) }

    @Test("APA in Turkish", arguments: [
        Expected(entry: "Arslan, M. ve Kaya, B. (2019). Kentleşme ve göç. Toplum ve Bilim Dergisi, 12(2), 45-60.",
                 families: ["Arslan", "Kaya"], year: 2019, title: "Kentleşme ve göç", container: "Toplum ve Bilim Dergisi",
                 volume: "12", issue: "2", pages: "45-60"),
        Expected(entry: "Yücel, S. (2017). Osmanlı şehirleri. Ankara: Türk Tarih Kurumu.",
                 families: ["Yücel"], year: 2017, title: "Osmanlı şehirleri", publisher: "Türk Tarih Kurumu", place: "Ankara"),
        Expected(entry: "Öner, T. (2021). Göç politikaları. İçinde A. Demir (Ed.), Türkiye’de göç (ss. 10-30). İstanbul: Bilgi Yayınevi.",
                 families: ["Öner"], year: 2021, title: "Göç politikaları", container: "Türkiye’de göç", pages: "10-30",
                 publisher: "Bilgi Yayınevi", place: "İstanbul", editors: ["Demir"]),
    ])
    func turkishAPA(_ expected: Expected) throws { try check(expected) }

    @Test("Harvard", arguments: [
        Expected(entry: "Patel, R.K. and Moreno, L. (2012) ‘Soil carbon under pasture’, Journal of Soil Science, 44(2), pp. 112–130. doi:10.1111/jss.1204.",
                 families: ["Patel", "Moreno"], year: 2012, title: "Soil carbon under pasture", container: "Journal of Soil Science",
                 volume: "44", issue: "2", pages: "112–130", doi: "10.1111/jss.1204"),
        Expected(entry: "Moreno, L. (2009) Grasslands of the south. 3rd edn. Edinburgh: Rowan Press.",
                 families: ["Moreno"], year: 2009, title: "Grasslands of the south", publisher: "Rowan Press", place: "Edinburgh"),
    ])
    func harvard(_ expected: Expected) throws { try check(expected) }

    @Test("Chicago author-date", arguments: [
        Expected(entry: "Whitfield, Anna, and Tomas Berg. 2017. “Rivers and Roads in Early Modern Sweden.” Scandinavian Journal of History 42 (3): 301–322.",
                 families: ["Whitfield", "Berg"], year: 2017, title: "Rivers and Roads in Early Modern Sweden",
                 container: "Scandinavian Journal of History", volume: "42", issue: "3", pages: "301–322"),
        Expected(entry: "Berg, Tomas. 2011. The Baltic Trade. Chicago: University of Chicago Press.",
                 families: ["Berg"], year: 2011, title: "The Baltic Trade", publisher: "University of Chicago Press", place: "Chicago"),
    ])
    func chicago(_ expected: Expected) throws { try check(expected) }

    /// A footnote ends with its year: it is not read as an author-date entry.
    @Test func footnoteIsNotAnAuthorDateEntry() {
        #expect(AuthorDateEntry.parse("Ahmet Yüce, The Caucasus, Ankara, 2016.") == nil)
        #expect(AuthorDateEntry.parse("Bilal N. Şimşir, Azerbaycan, Bilgi Yayınevi, Ankara, 2011, s. 33-35.") == nil)
    }

    @Test("names of eLife and Vancouver lists", arguments: [
        ("Aivazian D, Serrano RL, Pfeffer S", ["Aivazian/D", "Serrano/RL", "Pfeffer/S"]),
        ("Gómez de las Heras F, Stoeckert CJ Jnr", ["Gómez de las Heras/F", "Stoeckert/CJ"]),
        ("Department of Education, Morgan N", ["Department of Education/", "Morgan/N"]),
    ])
    func vancouverNames(_ text: String, _ expected: [String]) {
        let names = AuthorList.read(text).authors
        #expect(names.map { "\($0.family ?? $0.literal ?? "")/\($0.given ?? "")" } == expected)
    }
}
