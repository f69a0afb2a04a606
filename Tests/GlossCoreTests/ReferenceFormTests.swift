import Testing
@testable import GlossCore

/// Forms of reference-list entries every style meets: institutions as authors, edited books,
/// theses and reports, titles holding a full stop, particles, ellipses.
@Suite("Reference forms across styles")
struct ReferenceFormTests {
    func entry(_ text: String) throws -> BibRecord {
        try #require(ReferenceParser.parseListEntry(text))
    }

    func firstAuthor(_ record: BibRecord) -> String? {
        let name = record.author?.first ?? record.editor?.first
        return name?.family ?? name?.literal
    }

    // MARK: Institutions

    @Test("An institution leads the entry, in each style's form", arguments: [
        // APA: a name opening with a number, then persons.
        ("1000 Genomes Project Consortium, Auton, A., & Abecasis, G. R. (2015). A global reference for human genetic variation. Nature, 526(7571), 68–74.",
         "1000 Genomes Project Consortium", 2015, "A global reference for human genetic variation"),
        // Harvard.
        ("1000 Genomes Project Consortium et al. (2015) ‘A global reference for human genetic variation’, Nature, 526(7571), pp. 68–74.",
         "1000 Genomes Project Consortium", 2015, "A global reference for human genetic variation"),
        // MLA and Chicago notes-bibliography: the institution alone, then the title.
        ("World Bank. World Development Report 2019: The Changing Nature of Work. World Bank, 2019.",
         "World Bank", 2019, "World Development Report 2019: The Changing Nature of Work"),
        // Vancouver/NLM.
        ("World Health Organization. Global tuberculosis report 2020. Geneva: World Health Organization; 2020.",
         "World Health Organization", 2020, "Global tuberculosis report 2020"),
        // Astronomy.
        ("Planck Collaboration. 2016, Planck 2015 results (EDP Sciences)",
         "Planck Collaboration", 2016, "Planck 2015 results"),
        // GOST: an institution with `и др.`.
        ("Human Genome Sequencing Consortium и др. Initial sequencing and analysis of the human genome // Nature. 2001. Vol. 409, № 6822. P. 860–921.",
         "Human Genome Sequencing Consortium", 2001, "Initial sequencing and analysis of the human genome"),
    ])
    func institutionFirst(_ text: String, _ author: String, _ year: Int, _ title: String) throws {
        let record = try entry(text)
        #expect(firstAuthor(record) == author)
        #expect(record.issued?.year == year)
        #expect(record.title == title)
    }

    @Test func numberOpeningAnInstitutionIsNoListNumber() throws {
        // In a footnote a leading number is the note's number; in a list entry it belongs to the name.
        #expect(ReferenceParser.parse("12 Smith, J. (2010). Title. Journal, 3(1), 1–2.").number == 12)
        #expect(firstAuthor(try entry("1000 Genomes Project Consortium, Auton, A. (2015). A global reference. Nature, 526, 68–74.")) == "1000 Genomes Project Consortium")
    }

    // MARK: Edited books

    @Test func editorsMarkedAfterTheNames() throws {
        let mla = try entry("Bloom, Harold, editor. Modern Critical Views of Poetry. Chelsea House, 1986.")
        #expect(mla.author == nil)
        #expect(mla.editor?.first?.family == "Bloom")
        #expect(mla.title == "Modern Critical Views of Poetry")
        #expect(mla.issued?.year == 1986)
        let chicago = try entry("Bloom, Harold, ed. Modern Critical Views of Poetry. New York: Chelsea House, 1986.")
        #expect(chicago.editor?.first?.family == "Bloom")
        let aps = try entry("H. Bloom, editor, Modern Critical Views of Poetry (Chelsea House, New York, 1986).")
        #expect(aps.editor?.first?.family == "Bloom")
        #expect(aps.title == "Modern Critical Views of Poetry")
        #expect(aps.issued?.year == 1986)
    }

    @Test func gostBookLedByItsTitle() throws {
        let record = try entry("Экономическая теория: учебник / под ред. А. И. Добрынина. Москва: Юрайт, 2012. 400 с.")
        #expect(record.author == nil)
        #expect(record.editor?.first?.family == "Добрынина")
        #expect(record.title == "Экономическая теория: учебник")
        #expect(record.issued?.year == 2012)
        #expect(record.publisher == "Юрайт")
    }

    // MARK: GOST

    @Test func gostParticleAfterTheInitials() throws {
        let record = try entry("Waal T. de, Smith J. Black Garden: Armenia and Azerbaijan through Peace and War. New York: NYU Press, 2003. 337 p.")
        #expect(record.author?.map(\.family) == ["de Waal", "Smith"])
        #expect(record.issued?.year == 2003)
    }

    @Test func gostDashInsideATitleIsNoArea() throws {
        let record = try entry("Arslan M. H. и др. Kütahya – Simav earthquake of 19 May 2011 // Natural Hazards. 2013. Vol. 13, № 2. P. 505–522.")
        #expect(record.title == "Kütahya – Simav earthquake of 19 May 2011")
        #expect(record.containerTitle == "Natural Hazards")
        #expect(record.issued?.year == 2013)
        let dashed = try entry("Иванов И.И. Кавказская политика Турции. – М.: Наука, 2010 – 250 с.")
        #expect(dashed.title == "Кавказская политика Турции")
        #expect(dashed.issued?.year == 2010)
    }

    @Test func gostYearAfterTheSlashes() throws {
        let record = try entry("Petrov P. Neutrino masses in the early universe // 2014.")
        #expect(record.title == "Neutrino masses in the early universe")
        #expect(record.containerTitle == nil)
        #expect(record.issued?.year == 2014)
    }

    @Test func oneInitialBeforePublisherAndYearIsNotVancouver() throws {
        // GOST's `Darwin C.` reads like Vancouver's `Darwin C`; the publisher and year after a comma are GOST's.
        let gost = try entry("Darwin C. On the Origin of Species. London: John Murray, 1859. 502 p.")
        #expect(firstAuthor(gost) == "Darwin")
        #expect(gost.title == "On the Origin of Species")
        #expect(gost.issued?.year == 1859)
        let vancouver = try entry("Darwin C. On the origin of species. London: John Murray; 1859.")
        #expect(firstAuthor(vancouver) == "Darwin")
        #expect(vancouver.title == "On the origin of species")
        #expect(vancouver.issued?.year == 1859)
    }

    // MARK: Titles

    @Test("A title of one or two words cut at its full stop goes on", arguments: [
        "Колмогоров, А. Н. (1974). Теория вероятностей. Основные понятия и теоремы анализа. Наука.",
        "Колмогоров, Андрей Николаевич. Теория вероятностей. Основные понятия и теоремы анализа. Наука, 1974.",
    ])
    func shortTitleWithASecondSentence(_ text: String) throws {
        let record = try entry(text)
        #expect(record.title == "Теория вероятностей. Основные понятия и теоремы анализа")
        #expect(record.issued?.year == 1974)
    }

    @Test func shortTitleBeforeAVersionOrAJournalStays() throws {
        let software = try entry("Sheldrick GM. 2008. SHELXL. Version 2014/7. Göttingen: University of Göttingen.")
        #expect(software.title == "SHELXL")
        let journal = try entry("Tanaka K. Autophagy. Cell Reports. 2011;70(5):806–8.")
        #expect(journal.title == "Autophagy")
        #expect(journal.containerTitle == "Cell Reports")
    }

    @Test func ieeeBookTitleRunsToThePublisher() throws {
        let record = try entry("А. Н. Колмогоров, Теория вероятностей. Основные понятия, 2-е изд. Москва: Наука, 1974.")
        #expect(record.title == "Теория вероятностей. Основные понятия")
        #expect(record.issued?.year == 1974)
        #expect(record.publisher == "Наука")
    }

    @Test func ellipsisInsideATitle() throws {
        let record = try entry("Сидоров, А. А. (2005). Кинетика окисления металлов: диссертация ... доктора технических наук. Москва.")
        #expect(record.title == "Кинетика окисления металлов: диссертация ... доктора технических наук")
        #expect(record.issued?.year == 2005)
    }

    @Test func titleCaseWordsAreNoNames() throws {
        // A run of capitalised title words ending a sentence before the year is no author list.
        let record = try entry("Tarakçı M. Protestanlıkta Sakramentler. Bursa: Emin Yayınları; 2012. 296 p.")
        #expect(record.author?.map(\.family) == ["Tarakçı"])
        #expect(record.title == "Protestanlıkta Sakramentler")
    }

    // MARK: Theses and reports

    @Test func thesesAndReportsWithoutTheirDescription() throws {
        let apa = try entry("Yılmaz, A. (2019). Türk dış politikasında Kafkasya [Doctoral dissertation, Ankara University (AÜ)]. https://example.org/tez/12")
        #expect(apa.title == "Türk dış politikasında Kafkasya")
        let apaTurkish = try entry("Yılmaz, A. (2019). Türk dış politikasında Kafkasya. (Doktora tezi). https://example.org/tez/12 adresinden erişildi.")
        #expect(apaTurkish.title == "Türk dış politikasında Kafkasya")
        let report = try entry("World Health Organization. (2020). Global tuberculosis report 2020 (WHO/HTM/TB/2020.1). World Health Organization.")
        #expect(report.title == "Global tuberculosis report 2020")
        let aps = try entry("J. Smith, Quantum Dots in Silicon, PhD thesis, University of Cambridge, 2010.")
        #expect(aps.title == "Quantum Dots in Silicon")
        #expect(aps.genre == "PhD thesis")
        #expect(aps.issued?.year == 2010)
        let apsReport = try entry("World Bank, Poverty and Shared Prosperity, No. WB/PSP/2020.1, World Bank, 2020.")
        #expect(apsReport.title == "Poverty and Shared Prosperity")
        #expect(apsReport.issued?.year == 2020)
        let mla = try entry("Doe, Jane. Rivers of the North and Their Fisheries. 2004. University of Oslo, PhD dissertation.")
        #expect(mla.title == "Rivers of the North and Their Fisheries")
        #expect(mla.issued?.year == 2004)
    }

    @Test func physicsJournalWithoutPage() throws {
        let record = try entry("М. И. Петров, Заимствования в современной прозе, Вестник Московского университета 12 (2007).")
        #expect(record.title == "Заимствования в современной прозе")
        #expect(record.containerTitle == "Вестник Московского университета")
        #expect(record.volume == "12")
        #expect(record.issued?.year == 2007)
    }

    @Test func physicsBookWithEdition() throws {
        let record = try entry("L. D. Landau and E. M. Lifshitz, Quantum Mechanics, 3rd ed. (Pergamon, Oxford, 1977).")
        #expect(record.title == "Quantum Mechanics")
        #expect(record.issued?.year == 1977)
        #expect(record.publisher == "Pergamon")
    }

    // MARK: Segmenting

    @Test func entryOpeningWithAParticle() throws {
        let text = """
        Body.

        Works Cited

        Upton, Mary. “Rivers.” Journal of Water, vol. 3, 2001, pp. 1–9.

        van Gogh, Vincent, and Theo van Gogh. “Letters.” Art Quarterly, vol. 9, 1999, pp. 4–8.

        Wolf, Ann. Lakes. Penguin, 2004.
        """
        let list = try #require(ReferenceListSegmenter.segment(text))
        #expect(list.entries.map { String($0.text.prefix(8)) } == ["Upton, M", "van Gogh", "Wolf, An"])
        let record = try entry(list.entries[1].text)
        #expect(record.author?.first?.family == "van Gogh")
    }

    // MARK: GOST areas

    @Test func gostSlashBeforeWordsThatAreNoNamesStaysInTheTitle() throws {
        let own = try entry("Kaya A., Demir B. Dış Politika / Teori ve Uygulama. Ankara: Nobel, 2015. 300 s.")
        #expect(own.title == "Dış Politika / Teori ve Uygulama")
        let statement = try entry("Иванов И. И. Кавказская политика Турции / И. И. Иванов. Москва: Наука, 2005. 200 с.")
        #expect(statement.title == "Кавказская политика Турции")
    }

    @Test func gostTypeOrNumberAfterTheTitlesColon() throws {
        let thesis = try entry("Petrov P. Neutrino masses in the early universe: PhD thesis. University of Oslo, 2014.")
        #expect(thesis.title == "Neutrino masses in the early universe")
        #expect(thesis.genre == "PhD thesis")
        let report = try entry("World Bank. Poverty and shared prosperity: WB/PSP/2020.1. World Bank, 2020.")
        #expect(report.title == "Poverty and shared prosperity")
        // A colon inside the title is kept.
        let own = try entry("Сидоров А. А. Кинетика окисления: диссертация ... доктора технических наук: 05.16.01. Москва, 2005. 300 с.")
        #expect(own.title == "Кинетика окисления: диссертация ... доктора технических наук: 05.16.01")
    }

    @Test func gostPartOfACollectedWorks() throws {
        // `М.; Л.:` (two places) holds a `;` that separates no references in a list entry.
        let record = try entry("Пушкин А. С. Пророк // Собрание сочинений: В 10 т. М.; Л.: Наука, 1977. Т. 2. С. 30–31.")
        #expect(record.title == "Пророк")
        #expect(record.containerTitle == "Собрание сочинений: В 10 т")
        #expect(record.issued?.year == 1977)
        let proceedings = try entry("Petrov P. Neutrinos // Proceedings of the Baltic Physics Meeting, 2014. С. 1–7.")
        #expect(proceedings.containerTitle == "Proceedings of the Baltic Physics Meeting")
        #expect(proceedings.issued?.year == 2014)
    }

    // MARK: Vancouver

    @Test func vancouverJournalAfterAFullStopInTheTitle() throws {
        let lower = try entry("Okafor CN, Berg T. Membrane turnover in aged neurons. eLife. 2019 Mar 5;8:e41234.")
        #expect(lower.title == "Membrane turnover in aged neurons")
        #expect(lower.containerTitle == "eLife")
        #expect(lower.issued?.year == 2019)
        let roman = try entry("Aydın U. Kafkasya politikası, II. Dünya Savaşı ve sonrası. Avrasya Dergisi. 2018;6(13):1–20.")
        #expect(roman.title == "Kafkasya politikası, II. Dünya Savaşı ve sonrası")
        #expect(roman.containerTitle == "Avrasya Dergisi")
        let dotted = try entry("Smith AB. Light harvesting. Proc. Natl. Acad. Sci. 2001;98(4):1–9.")
        #expect(dotted.title == "Light harvesting")
        #expect(dotted.containerTitle == "Proc. Natl. Acad. Sci")
    }

    @Test func vancouverPlaceInBrackets() throws {
        let record = try entry("Сидоров АА. Кинетика окисления металлов: диссертация ... доктора технических наук [Internet]. [Москва]; 2005.")
        #expect(record.title == "Кинетика окисления металлов: диссертация ... доктора технических наук")
        #expect(record.issued?.year == 2005)
    }

    // MARK: Physics and astronomy

    @Test func physicsWorkWithTitleAndYearOnly() throws {
        let record = try entry("А. А. Сидоров, Кинетика окисления: Диссертация ... Доктора Технических Наук, 2005.")
        #expect(record.title == "Кинетика окисления: Диссертация ... Доктора Технических Наук")
        #expect(record.issued?.year == 2005)
        // IEEE's book keeps its publisher apart.
        let book = try entry("A. Smith, The Theory of Moral Sentiments. Millar, 1759.")
        #expect(book.title == "The Theory of Moral Sentiments")
    }

    @Test func astronomyTitleWithBracketsBeforeThePublisher() throws {
        let record = try entry("World Bank. 2020, Poverty and shared prosperity (PSP) (World Bank)")
        #expect(record.title == "Poverty and shared prosperity (PSP)")
        #expect(record.publisher == "World Bank")
    }

    // MARK: Found on AnyStyle's training references

    @Test func namesGoingOnBeforeAQuotedTitleAreNoBook() throws {
        let record = try entry(#"R. Smith, J. Doe, and K. Lee. "Fast caches for small machines". In Proc. ASPLOS, pages 10-20, 1999."#)
        #expect(record.author?.map(\.family) == ["Smith", "Doe", "Lee"])
        #expect(record.title == "Fast caches for small machines")
        #expect(record.issued?.year == 1999)
    }

    @Test func peopleOfABookAfterAShortTitle() throws {
        let record = try entry("Milton, John. Paradise Regained. Edited by Mary Jones. London: Penguin, 2004.")
        #expect(record.title == "Paradise Regained")
        #expect(record.issued?.year == 2004)
    }

    @Test func institutionWithItsDepartmentBeforeABracketedYear() throws {
        let record = try entry("Canada. Department of Fisheries and Oceans. (2010). Annual report on the state of the fisheries. Ottawa: DFO.")
        #expect(record.title == "Annual report on the state of the fisheries")
        #expect(record.issued?.year == 2010)
    }

    @Test func vancouverPageOfAWebSite() throws {
        let dated = try entry("Okafor C. Lab Notes [Internet]. 2019. How neurons age in the dark. Available from: https://example.org/notes/42")
        #expect(dated.title == "How neurons age in the dark")
        #expect(dated.containerTitle == "Lab Notes")
        #expect(dated.issued?.year == 2019)
        let cited = try entry("Okafor C. Notes.example.org [Internet]. [cited 2021 Mar 3]. How neurons age in the dark. Available from: https://example.org/notes/42")
        #expect(cited.title == "How neurons age in the dark")
        #expect(cited.containerTitle == "Notes.example.org")
        // A site with its publisher and date is the site itself.
        let site = try entry("Okafor C. Lab Notes [Internet]. Oslo: Okafor Lab; 2019 [cited 2021 Mar 3]. Available from: https://example.org/notes")
        #expect(site.title == "Lab Notes")
    }

    @Test func accessDateInBracketsWithAComma() throws {
        let record = try entry("Kaya, A. (2020) Dağlık Karabağ’da son durum. Available at: https://example.org/k (Accessed: August 13, 2023).")
        #expect(record.accessed == CSLDate(year: 2023, month: 8, day: 13))
        #expect(record.title == "Dağlık Karabağ’da son durum")
    }
}
