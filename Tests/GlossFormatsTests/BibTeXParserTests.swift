import Testing
import GlossCore
@testable import GlossFormats

@Suite("BibTeX and BibLaTeX import")
struct BibTeXParserTests {
    static let bib = #"""
    % A comment line, and text outside entries are ignored.
    @string{ijt = "Insight Turkey"}
    @STRING{tr = {T{\"u}rkiye}}
    @preamble{"\newcommand{\noop}[1]{}"}
    @comment{ ignored @article{fake, title={x}} }
    @article{kinik2021,
      author = {K{\i}n{\i}k, H{\"u}lya and {\c{C}}elik, Sinem},
      title = {The Role of {Turkish} Drones: {\textschwa}li{\c s}, {\u{g}}, \'ecole--1990},
      journal = ijt # " (" # tr # ")",
      volume = 23, number = {4}, pages = {169--203}, year = 2021,
      keywords = {drones, {Karabakh}},
    }
    @book{nato2023,
      author = {{North Atlantic Treaty Organization}},
      title = "Partnership for {Peace} ``Programme''",
      publisher = {NATO}, address={Brussels}, year={2023a}, month = mar, isbn = {978-1}
    }
    @inproceedings(ozdemir2023, author = "{\"O}zdemir-Kantar, Nur and Thomas de Waal and Smith, Jr., John and {\.I}brahim {\c{S}}im{\c{s}}ek",
      title = {{\.I}lham \& {\"{\i}}}, booktitle={Proc.}, year = 2023)
    @article{broken,
      title = {Unclosed
    @misc{after, title = {Still imported}, url = {https://example.org/a\_b%20c}, urldate = {2023-07-21}}
    @article{missing_comma title = {x}}
    @online{last, title={Last one}, date={2021-03-04}, langid = {turkish}}
    @article{badmacro, title = undefinedmacro}
    """#

    @Test func importsEveryWellFormedEntry() throws {
        let result = BibTeXParser.parse(Self.bib, file: "refs.bib")
        #expect(result.records.map(\.id) == ["kinik2021", "nato2023", "ozdemir2023", "after", "last"])
        let errors = result.problems.filter { $0.severity == .error }
        #expect(errors.map(\.line) == [20, 23, 25])
        #expect(errors[0].description.hasPrefix("refs.bib:20: skipped: "))
        #expect(errors[1].message.contains("missing_comma"))
        #expect(errors[2].message.contains("undefinedmacro"))
    }

    @Test func decodesFieldsAndNames() throws {
        let records = BibTeXParser.parse(Self.bib, file: "refs.bib").records
        let kinik = records[0]
        #expect(kinik.type == "article-journal")
        #expect(kinik.author == [CSLName(family: "Kınık", given: "Hülya"), CSLName(family: "Çelik", given: "Sinem")])
        #expect(kinik.title == "The Role of Turkish Drones: əliş, ğ, école–1990")
        #expect(kinik.containerTitle == "Insight Turkey (Türkiye)")
        #expect(kinik.volume == "23")
        #expect(kinik.issue == "4")
        #expect(kinik.page == "169-203")
        #expect(kinik.issued == CSLDate(year: 2021))
        #expect(kinik.custom?.bibtex?.value("keywords") == "{drones, {Karabakh}}")
        #expect(kinik.custom?.bibtex?.value("journal") == #"ijt # " (" # tr # ")""#)
        #expect(kinik.custom?.bibtex?.strings == ["ijt": #""Insight Turkey""#, "tr": #"{T{\"u}rkiye}"#])
        #expect(kinik.custom?.provenance == [RecordProvenance(file: "refs.bib", line: 6)])

        let nato = records[1]
        #expect(nato.author == [CSLName(literal: "North Atlantic Treaty Organization")])
        #expect(nato.title == "Partnership for Peace “Programme”")
        #expect(nato.issued == CSLDate(year: 2023, month: 3))
        #expect(nato.yearSuffix == "a")
        #expect(nato.publisherPlace == "Brussels")
        #expect(nato.custom?.bibtex?.value("isbn") == "{978-1}")
        #expect(nato.custom?.bibtex?.value("month") == "mar")
        #expect(nato.custom?.bibtex?.strings == nil)

        let ozdemir = records[2]
        #expect(ozdemir.type == "paper-conference")
        #expect(ozdemir.author == [
            CSLName(family: "Özdemir-Kantar", given: "Nur"), CSLName(family: "de Waal", given: "Thomas"),
            CSLName(family: "Smith", given: "John", suffix: "Jr."), CSLName(family: "Şimşek", given: "İbrahim"),
        ])
        #expect(ozdemir.title == "İlham & ï")

        #expect(records[3].url == "https://example.org/a_b%20c")
        #expect(records[3].accessed == CSLDate(year: 2023, month: 7, day: 21))
        #expect(records[4].issued == CSLDate(year: 2021, month: 3, day: 4))
        #expect(records[4].type == "webpage")
        #expect(records[4].language == "turkish")
    }

    @Test("LaTeX to Unicode", arguments: [
        (#"{\i}"#, "ı"), (#"\c{s}"#, "ş"), (#"\c s"#, "ş"), (#"\u{g}"#, "ğ"), (#"{\.I}"#, "İ"), (#"\"o"#, "ö"), (#"\'e"#, "é"),
        (#"\textschwa"#, "ə"), (#"{\textschwa}"#, "ə"), (#"A--B"#, "A–B"), (#"A---B"#, "A—B"), (#"\v{s}"#, "š"),
        (#"{\"U}"#, "Ü"), (#"\emph{Kara}ba\u g"#, "Karabağ"), (#"50\%"#, "50%"), (#"{\ss}"#, "ß"), (#"\c{C}"#, "Ç"),
    ])
    func latex(_ input: String, _ expected: String) {
        #expect(LaTeXText.decode(input) == expected)
    }

    @Test func aDuplicateKeyIsAnErrorNamingBothEntries() {
        let result = BibTeXParser.parse("@book{a, title={One}}\n@book{a, title={Two}}\n", file: "x.bib")
        #expect(result.records.map(\.title) == ["One"])
        #expect(result.problems.map(\.line) == [2])
        #expect(result.problems.first?.severity == .error)
        #expect(result.problems.first?.description == "x.bib:2: skipped: key 'a' is already used by the entry on line 1; rename one of them")
    }

    @Test func commentedOutEntriesStayOut() {
        let bib = "@comment{\n@article{old, title = {Old}}\n}\n@book{new, title = {New}}\n"
        let result = BibTeXParser.parse(bib, file: "x.bib")
        #expect(result.records.map(\.id) == ["new"])
        #expect(result.problems.isEmpty)
    }

    @Test func unclosedAtTheEnd() {
        let result = BibTeXParser.parse("@book{a, title={One}}\n@book{b, title={Two}\n", file: "x.bib")
        #expect(result.records.map(\.id) == ["a"])
        #expect(result.problems.map(\.line) == [2])
    }
}

extension BibTeXParserTests {
    /// `@string{m1 = m0 # m0}` doubles at every line; sixty of them once ran out of memory.
    @Test func stringExpansionHasALimit() {
        var bib = "@string{m0 = {xxxxxxxxxxxxxxxx}}\n"
        for n in 1...61 { bib += "@string{m\(n) = m\(n - 1) # m\(n - 1)}\n" }
        bib += "@book{ok, title = {Fine}}\n@book{big, title = m61}\n"
        let result = BibTeXParser.parse(bib, file: "bomb.bib")
        #expect(result.records.map(\.id) == ["ok"])
        let error = result.problems.first { $0.severity == .error }
        #expect(error?.description.contains("expands past 1000000 characters") == true, "\(result.problems)")
    }

    /// Control characters and noncharacters never reach an export, imported or not.
    @Test func unwritableCharactersAreDropped() {
        let bib = "@book{a, title = {A\u{FFFE}B\u{1}C\u{7}}, note = {x\u{FFFF}y}, date = {2020}}\n"
        let records = BibTeXParser.parse(bib, file: "x.bib").records
        var plain = BibRecord(id: "b", type: "book")
        plain.title = "P\u{FFFE}Q\u{1B}R"
        plain.issued = CSLDate(year: 2020)
        plain.author = [CSLName(family: "Z", given: "Y")]
        for text in [BibLaTeXWriter().write(records + [plain]).text, BibTeXWriter().write(records + [plain]).text] {
            #expect(!text.unicodeScalars.contains { $0.properties.isNoncharacterCodePoint || ($0.value < 0x20 && $0 != "\n") })
            #expect(text.contains("ABC") && text.contains("PQR"))
        }
    }
}
