import Testing
@testable import GlossCore

/// The readers of numeric and compact styles, on published reference strings.
@Suite("Reference styles: Vancouver, physics, astronomy, GOST, IEEE, MLA, Chicago")
struct StyleEntryTests {
    func record(_ text: String) throws -> BibRecord {
        try #require(ReferenceParser.parse(text).references.first?.record)
    }

    func families(_ record: BibRecord) -> [String] {
        (record.author ?? []).map { $0.family ?? $0.literal ?? "" }
    }

    // MARK: Vancouver / NLM (Citing Medicine's own examples)

    @Test func vancouverJournalArticle() throws {
        let entry = ReferenceParser.parse("12. Halpern SD, Ubel PA, Caplan AL. Solid-organ transplantation in HIV-infected patients. N Engl J Med. 2002 Jul 25;347(4):284-7.")
        #expect(entry.number == 12)
        let record = try #require(entry.references.first?.record)
        #expect(entry.references.count == 1)
        #expect(families(record) == ["Halpern", "Ubel", "Caplan"])
        #expect(record.author?.first?.given == "S D")
        #expect(record.title == "Solid-organ transplantation in HIV-infected patients")
        #expect(record.containerTitle == "N Engl J Med")
        #expect(record.issued?.year == 2002)
        #expect(record.volume == "347")
        #expect(record.issue == "4")
        #expect(record.page == "284-7")
    }

    @Test func vancouverBookAndEtAl() throws {
        let book = try record("Murray PR, Rosenthal KS, Kobayashi GS, Pfaller MA. Medical microbiology. 4th ed. St. Louis: Mosby; 2002.")
        #expect(families(book) == ["Murray", "Rosenthal", "Kobayashi", "Pfaller"])
        #expect(book.title == "Medical microbiology")
        #expect(book.issued?.year == 2002)
        #expect(book.publisher == "Mosby")
        #expect(book.publisherPlace == "St. Louis")
        let many = try record("Stanger CA, Anglin C, Harwin WS, Romilly DP, et al. Devices for assisting manipulation: a summary of user task priorities. IEEE Trans Rehabil Eng. 1994;2(4):256-65.")
        #expect(families(many) == ["Stanger", "Anglin", "Harwin", "Romilly"])
        #expect(many.title == "Devices for assisting manipulation: a summary of user task priorities")
        #expect(many.issued?.year == 1994)
    }

    @Test("Entries of other styles are not Vancouver", arguments: [
        // eLife: the year follows the names.
        "Aivazian D, Serrano RL, Pfeffer S. 2006. TIP47 is a key effector for Rab9 localization. Journal of Cell Biology 173:917–926.",
        // GOST: dotted initials, `//` before the journal.
        "Гинзбург В. Л., Ландау Л. Д. К теории сверхпроводимости // ЖЭТФ. 1950. Т. 20, № 12. С. 1064–1082.",
        // APA.
        "Kınık, H., & Çelik, S. (2021). The role of Turkish drones. Insight Turkey, 23(4), 169-203.",
    ])
    func notVancouver(_ text: String) {
        #expect(VancouverEntry.parse(text) == nil)
    }

    // MARK: American Physical Society

    @Test func physicsArticleWithoutTitle() throws {
        let record = try record("[14] A. Einstein, B. Podolsky, and N. Rosen, Phys. Rev. 47, 777 (1935).")
        #expect(families(record) == ["Einstein", "Podolsky", "Rosen"])
        #expect(record.author?.first?.given == "A.")
        #expect(record.title == nil)
        #expect(record.containerTitle == "Phys. Rev.")
        #expect(record.volume == "47")
        #expect(record.page == "777")
        #expect(record.issued?.year == 1935)
    }

    @Test func physicsArticleWithTitleAndBook() throws {
        let article = try record("C. H. Bennett and G. Brassard, Quantum cryptography: Public key distribution and coin tossing, Theor. Comput. Sci. 560, 7 (2014).")
        #expect(families(article) == ["Bennett", "Brassard"])
        #expect(article.title == "Quantum cryptography: Public key distribution and coin tossing")
        #expect(article.containerTitle == "Theor. Comput. Sci.")
        #expect(article.volume == "560")
        #expect(article.page == "7")
        #expect(article.issued?.year == 2014)
        let book = try record("M. A. Nielsen and I. L. Chuang, Quantum Computation and Quantum Information (Cambridge University Press, Cambridge, 2000).")
        #expect(families(book) == ["Nielsen", "Chuang"])
        #expect(book.title == "Quantum Computation and Quantum Information")
        #expect(book.publisher == "Cambridge University Press")
        #expect(book.publisherPlace == "Cambridge")
        #expect(book.issued?.year == 2000)
    }

    // MARK: Astronomy (ApJ, AJ)

    @Test("Astronomy articles: no title, journal, volume, page", arguments: [
        ("Riess, A. G., Filippenko, A. V., Challis, P., et al. 1998, AJ, 116, 1009", ["Riess", "Filippenko", "Challis"], 1998, "AJ", "116", "1009"),
        ("Perlmutter, S., Aldering, G., Goldhaber, G., et al. 1999, ApJ, 517, 565", ["Perlmutter", "Aldering", "Goldhaber"], 1999, "ApJ", "517", "565"),
        ("Schlegel, D. J., Finkbeiner, D. P., & Davis, M. 1998, ApJ, 500, 525", ["Schlegel", "Finkbeiner", "Davis"], 1998, "ApJ", "500", "525"),
    ] as [(String, [String], Int, String, String, String)])
    func astronomyArticle(_ text: String, _ names: [String], _ year: Int, _ journal: String, _ volume: String, _ page: String) throws {
        let record = try record(text)
        #expect(families(record) == names)
        #expect(record.issued?.year == year)
        #expect(record.title == nil)
        #expect(record.containerTitle == journal)
        #expect(record.volume == volume)
        #expect(record.page == page)
    }

    @Test func astronomyBook() throws {
        let record = try record("Binney, J., & Tremaine, S. 2008, Galactic Dynamics (2nd ed.; Princeton, NJ: Princeton Univ. Press)")
        #expect(families(record) == ["Binney", "Tremaine"])
        #expect(record.title == "Galactic Dynamics")
        #expect(record.issued?.year == 2008)
    }

    // MARK: GOST R 7.0.5-2008, areas separated by periods

    @Test func gostJournalWithPeriods() throws {
        let record = try record("5. Гинзбург В. Л., Ландау Л. Д. К теории сверхпроводимости // ЖЭТФ. 1950. Т. 20, № 12. С. 1064–1082.")
        #expect(families(record) == ["Гинзбург", "Ландау"])
        #expect(record.title == "К теории сверхпроводимости")
        #expect(record.containerTitle == "ЖЭТФ")
        #expect(record.issued?.year == 1950)
        #expect(record.volume == "20")
        #expect(record.issue == "12")
        #expect(record.page == "1064–1082")
    }

    @Test func gostBookWithPeriodsAndEtAl() throws {
        let record = try record("Абрикосов А. А. и др. Методы квантовой теории поля в статистической физике. М.: Физматгиз, 1962. 444 с.")
        #expect(families(record) == ["Абрикосов"])
        #expect(record.title == "Методы квантовой теории поля в статистической физике")
        #expect(record.issued?.year == 1962)
        #expect(record.publisher == "Физматгиз")
        #expect(record.publisherPlace == "М.")
    }

    // MARK: IEEE

    @Test func ieeeArticleChapterAndBook() throws {
        let article = try record("[7] C. E. Shannon, “A mathematical theory of communication,” Bell Syst. Tech. J., vol. 27, no. 3, pp. 379–423, Jul. 1948.")
        #expect(families(article) == ["Shannon"])
        #expect(article.title == "A mathematical theory of communication")
        #expect(article.containerTitle == "Bell Syst. Tech. J.")
        #expect(article.volume == "27")
        #expect(article.issue == "3")
        #expect(article.page == "379–423")
        #expect(article.issued?.year == 1948)
        let paper = try record("K. He, X. Zhang, S. Ren, and J. Sun, “Deep residual learning for image recognition,” in Proc. IEEE Conf. Comput. Vis. Pattern Recognit. (CVPR), 2016, pp. 770–778.")
        #expect(families(paper) == ["He", "Zhang", "Ren", "Sun"])
        #expect(paper.title == "Deep residual learning for image recognition")
        #expect(paper.containerTitle == "Proc. IEEE Conf. Comput. Vis. Pattern Recognit. (CVPR)")
        #expect(paper.issued?.year == 2016)
        #expect(paper.page == "770–778")
        let book = try record("D. E. Knuth, The Art of Computer Programming. Reading, MA: Addison-Wesley, 1968.")
        #expect(families(book) == ["Knuth"])
        #expect(book.title == "The Art of Computer Programming")
        #expect(book.publisher == "Addison-Wesley")
        #expect(book.publisherPlace == "Reading, MA")
        #expect(book.issued?.year == 1968)
    }

    @Test func aFootnoteWithAQuotedTitleKeepsItsPage() throws {
        let text = "15 S. E. Cornell, “Turkey and the Conflict in Nagorno Karabakh: A Delicate Balance”, Middle Eastern Studies, 34:1, 1998, s. 61."
        #expect(IEEEEntry.parse(String(text.dropFirst(3))) == nil)
        #expect(ReferenceParser.parse(text).references.first?.locator == "61")
    }

    // MARK: MLA and Chicago notes-bibliography

    @Test func mlaArticleAndBooks() throws {
        let article = try record("Baron, Naomi S. “Redefining Reading: The Impact of Digital Communication Media.” PMLA, vol. 128, no. 1, Jan. 2013, pp. 193–200.")
        #expect(families(article) == ["Baron"])
        #expect(article.title == "Redefining Reading: The Impact of Digital Communication Media")
        #expect(article.containerTitle == "PMLA")
        #expect(article.volume == "128")
        #expect(article.issue == "1")
        #expect(article.page == "193–200")
        #expect(article.issued?.year == 2013)
        let two = try record("Gilbert, Sandra M., and Susan Gubar. The Madwoman in the Attic. Yale UP, 1979.")
        #expect(families(two) == ["Gilbert", "Gubar"])
        #expect(two.author?.last?.given == "Susan")
        #expect(two.title == "The Madwoman in the Attic")
        #expect(two.issued?.year == 1979)
    }

    @Test func chicagoArticleAndBook() throws {
        let article = try record("Keng, Shao-Hsun, Chun-Hung Lin, and Peter F. Orazem. “Expanding College Access in Taiwan, 1978–2014: Effects on Graduate Quality and Income Inequality.” Journal of Human Capital 11, no. 1 (Spring 2017): 1–34.")
        #expect(families(article) == ["Keng", "Lin", "Orazem"])
        #expect(article.title == "Expanding College Access in Taiwan, 1978–2014: Effects on Graduate Quality and Income Inequality")
        #expect(article.containerTitle == "Journal of Human Capital")
        #expect(article.volume == "11")
        #expect(article.issue == "1")
        #expect(article.page == "1–34")
        #expect(article.issued?.year == 2017)
        let book = try record("Kuhn, Thomas S. The Structure of Scientific Revolutions. Chicago: University of Chicago Press, 1962.")
        #expect(families(book) == ["Kuhn"])
        #expect(book.title == "The Structure of Scientific Revolutions")
        #expect(book.publisher == "University of Chicago Press")
        #expect(book.publisherPlace == "Chicago")
        #expect(book.issued?.year == 1962)
    }

    @Test("Author-date entries are not MLA or Chicago bibliography entries", arguments: [
        "Kınık, H., & Çelik, S. (2021). The role of Turkish drones. Insight Turkey, 23(4), 169-203.",
        "Keng, Shao-Hsun, Chun-Hung Lin, and Peter F. Orazem. 2017. “Expanding College Access in Taiwan.” Journal of Human Capital 11 (1): 1–34.",
        "Vidal, G. and Werner, R.F. (2002) ‘Computable measure of entanglement’, Physical Review A, 65(3), p. 032314.",
    ])
    func notBibliography(_ text: String) {
        #expect(BibliographyEntry.parse(text) == nil)
    }
}
