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

    /// Issue 21: text before the first number of a numbered list crashed the segmenter.
    @Test func textBeforeTheFirstNumberIsAnEntryOfItsOwn() throws {
        let text = "References\nx\n1. a\n2. b\n"
        let list = try #require(ReferenceListSegmenter.segment(text))
        #expect(list.entries.map(\.number) == [nil, 1, 2])
        #expect(list.entries.map(\.text) == ["x", "a", "b"])
        #expect(list.entries.map { slice(text, $0.span) } == ["x", "1. a", "2. b"])
    }

    @Test("lists the segmenter must not crash on", arguments: [
        "References", "References\n", "References\n\n\n", "References\n1.", "References\n1. \n2.", "References\n[1]\n[2]",
        "x\nReferences\n2. b\n1. a\n1. a", "References\n-\n—\n———.", "Kaynakça\n\u{00A0}\n(2020).", "References\n9. a\n3. b\n2. c",
    ])
    func degenerateLists(_ text: String) {
        let list = ReferenceListSegmenter.segment(text)
        let length = text.unicodeScalars.count
        for entry in list?.entries ?? [] {
            #expect(0 <= entry.span.start && entry.span.start <= entry.span.end && entry.span.end <= length)
        }
    }

    /// One entry a paragraph, eLife's way: names with undotted initials, then the year.
    @Test func paragraphPerEntry() throws {
        let text = """
        Body (Okafor et al., 2019).

        References

        Okafor CN, van der Berg T, Lindqvist AM. 2019. Membrane turnover in aged neurons. Journal of Cell Science 132:1–9.

        van der Berg T. 2001. Lipids. Nature 3:4–5.

        The Cave Fish Consortium. 2015a. Eye loss genes; a survey. NCBI BioProject. PRJEB2846.
        """
        let list = try #require(ReferenceListSegmenter.segment(text))
        #expect(list.entries.count == 3)
        #expect(list.entries.map { slice(text, $0.span) }.map { String($0.prefix(12)) } == ["Okafor CN, v", "van der Berg", "The Cave Fis"])
        let records = list.entries.compactMap { ReferenceParser.parseListEntry($0.text) }
        #expect(records.map(\.title) == ["Membrane turnover in aged neurons", "Lipids", "Eye loss genes; a survey"])
    }

    /// APA as PDF extraction gives it: one printed line a line, hanging indents lost, a page number
    /// and a running header between entries, an author list wrapped after a comma.
    @Test func printedLinesOfAnAPAList() throws {
        let text = """
        Running Head of the Journal

        Body text (Demirel et al., 2020).

        Running Head of the Journal

        References
        Demirel, A. B., Kowalski, J., Fraser, C., Lindqvist, A. M., Okafor, C. N., &
        Moreno, L. (2020). Urban heat and public health: A review of forty years of
        studies. Environmental Research, 18(3), 201–219.
        Fraser, C. (2018). Cities and climate. Routledge.

        14

        Running Head of the Journal

        Kowalski, J. (2015). Heat waves in history. In M. Lee & R. Ortiz (Eds.), Climate
        and society (pp. 33–58). Springer.
        Moreno, L. (2009). Grasslands of the south: Ecology, 1900–2000. Rowan Press.
        """
        let list = try #require(ReferenceListSegmenter.segment(text))
        #expect(list.entries.map { String($0.text.prefix(10)) } == ["Demirel, A", "Fraser, C.", "Kowalski, ", "Moreno, L."])
        #expect(list.entries[2].text == "Kowalski, J. (2015). Heat waves in history. In M. Lee & R. Ortiz (Eds.), Climate and society (pp. 33–58). Springer.")
        #expect(list.entries[0].text.hasSuffix("forty years of studies. Environmental Research, 18(3), 201–219."))
    }

    /// A numbered list keeps a skipped or repeated number as an entry (for the numbering check),
    /// and a continuation line that starts with a number stays in its entry.
    @Test func numberedWithAGap() throws {
        let text = """
        References
        1. Okafor CN. Lipids. Nature. 2001;3:4–5.
        2. Marsh K. Eyes. Cell. 2003;5:1–
        10.
        4. Ito S. Caves. Science. 2008;7:3.
        4. Ito S. Caves again. Science. 2009;8:3.
        """
        let list = try #require(ReferenceListSegmenter.segment(text))
        #expect(list.entries.map(\.number) == [1, 2, 4, 4])
        #expect(list.entries[1].text == "Marsh K. Eyes. Cell. 2003;5:1– 10.")
    }

    /// The segmenter reads lines as bytes and turns only the list's lines into strings: a long
    /// text with many short lines and no list is done at once.
    @Test func longTextWithoutAList() {
        let text = String(repeating: "Kısa bir satır (Yüce, 2016).\nBaşka bir satır\n\n", count: 40_000)
        let clock = ContinuousClock()
        let elapsed = clock.measure { #expect(ReferenceListSegmenter.segment(text) == nil) }
        #expect(elapsed < .seconds(5))
    }

    @Test func noListInTheSeeds() {
        #expect(ReferenceListSegmenter.segment("Giriş\n\nMetin (Yüce, 2016).\nSonuç\n") == nil)
    }
}
