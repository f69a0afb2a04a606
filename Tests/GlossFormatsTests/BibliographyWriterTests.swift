import Foundation
import GlossCore
import GlossFormats
import Testing

@Suite struct BibliographyWriterTests {
    static func library() throws -> [BibRecord] {
        try ExportFixtures.goldRecords() + ExportFixtures.adversarialRecords()
    }

    @Test func bibtexEntriesAndEscapes() throws {
        var record = BibRecord(id: "", type: "book")
        record.author = [CSLName(family: "Şimşir", given: "Bilal N."), CSLName(literal: "Anadolu Ajansı")]
        record.title = "KANUN DEĞİŞİKLİĞİ ve ï"
        record.publisher = "Bilgi Yayınevi"
        record.publisherPlace = "Ankara"
        record.issued = CSLDate(year: 2011)
        var web = BibRecord(id: "", type: "webpage")
        web.author = [CSLName(literal: "NATO")]
        web.title = "Partnership for Peace"
        web.url = "https://www.nato.int/a_b%20#x"
        web.accessed = CSLDate(literal: "erişim 21.07.2023")
        let output = BibTeXWriter().write([record, web])
        let bib = output.text
        #expect(bib.contains("@book{simsirKanun2011,"))
        #expect(bib.contains("author    = {{\\c{S}}im{\\c{s}}ir, Bilal N. and {Anadolu Ajans{\\i}}}"))
        #expect(bib.contains("title     = {{KANUN DE{\\u{G}}{\\.{I}}{\\c{S}}{\\.{I}}KL{\\.{I}}{\\u{G}}{\\.{I}} ve {\\\"\\i}}}"))
        #expect(bib.contains("@misc{natoPartnership,"))
        #expect(bib.contains("author       = {{NATO}}"))
        #expect(bib.contains("howpublished = {\\url{https://www.nato.int/a_b\\%20\\#x}}"))
        #expect(bib.contains("url          = {https://www.nato.int/a_b%20#x}"))
        #expect(bib.contains("note         = {Accessed 2023-07-21}"))
        #expect(bib.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(output.warnings.isEmpty)
    }

    @Test func schwaAndCyrillicWarn() throws {
        let output = BibTeXWriter().write(ExportFixtures.adversarialRecords())
        #expect(output.text.contains("{\\textSchwa}s{\\textschwa}rl{\\textschwa}r"))
        #expect(output.text.contains("tipa"))
        #expect(output.warnings.contains { $0.contains("Cyrillic") && $0.hasPrefix("shchukinIstoriya1999") })
        #expect(output.warnings.contains { $0.contains("tipa") })
    }

    @Test func biblatexTypesDatesAndLanguages() throws {
        let records = try Self.library()
        let bib = BibLaTeXWriter().write(records).text
        // Field alignment varies by entry: compare without spaces.
        let compact = bib.replacingOccurrences(of: " ", with: "")
        #expect(compact.contains("entrysubtype={newspaper}"))
        #expect(bib.contains("@online{"))
        #expect(compact.contains("urldate={2023-08-12}"))
        #expect(compact.contains("langid={turkish}"))
        #expect(compact.contains("@online{memmedovaEserler2019,"))
        #expect(compact.contains("langid={azerbaijani}"))
        #expect(bib.contains("@incollection{cafersoyAzerbaycan2012,"))
        #expect(compact.contains("editor={Veliyev,Cavidand Resullu,Reşadand Aslanlı,Kenan}".replacingOccurrences(of: " ", with: "")))
        #expect(bib.contains("@report{"))
        #expect(compact.contains("@thesis{kafkasXxi2019,") && compact.contains("type={mathesis}"))
        // Every record is written, undated and untitled ones too.
        #expect(BibTeXParser.entries(in: bib).0.count == records.count)
    }

    @Test func adversarialRecordsStayWellFormed() throws {
        let records = ExportFixtures.adversarialRecords()
        for bib in [BibTeXWriter().write(records).text, BibLaTeXWriter().write(records).text] {
            #expect(ExportFixtures.bracesBalance(bib))
            #expect(!bib.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
            #expect(bib.contains("50\\% of \\textbraceleft{}all\\textbraceright{} \\#tags \\& \\$money\\_"))
            #expect(bib.contains("O'Brien \\textbraceleft{}"))
            #expect(!bib.contains("bad key"))
        }
    }

    /// `bibtex` with plain.bst reads the whole library without an error.
    @Test(.enabled(if: ExportFixtures.tool("bibtex") != nil, "bibtex is not installed (apt-get install texlive-binaries texlive-base)"))
    func bibtexRunsWithPlainStyle() throws {
        let directory = try ExportFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = BibTeXWriter().write(try Self.library())
        try output.text.write(to: directory.appendingPathComponent("refs.bib"), atomically: true, encoding: .utf8)
        try "\\relax\n\\citation{*}\n\\bibstyle{plain}\n\\bibdata{refs}\n".write(
            to: directory.appendingPathComponent("paper.aux"), atomically: true, encoding: .utf8)
        let run = try ExportFixtures.runTool("bibtex", ["paper"], in: directory)
        // Status 0: no error and no warning (missing fields, unsortable entries).
        #expect(run.status == 0, "\(run.output)")
        #expect(!run.output.contains("error message") && !run.output.contains("Warning--"), "\(run.output)")
        let bbl = try String(contentsOf: directory.appendingPathComponent("paper.bbl"), encoding: .utf8)
        #expect(bbl.contains("\\bibitem{simsirAzerbaycan2011}"))
    }

    /// biber checks the BibLaTeX output against its data model and dies on any violation.
    @Test(.enabled(if: ExportFixtures.tool("biber") != nil, "biber is not installed (apt-get install biber)"))
    func biberValidatesDataModel() throws {
        let directory = try ExportFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try BibLaTeXWriter().write(try Self.library()).text.write(
            to: directory.appendingPathComponent("refs.bib"), atomically: true, encoding: .utf8)
        let run = try ExportFixtures.runTool("biber", ["--tool", "--validate-datamodel", "refs.bib"], in: directory)
        #expect(run.status == 0, "\(run.output)")
        #expect(!run.output.contains("ERROR"), "\(run.output)")
        #expect(ExportFixtures.dataModelViolations(run.output).isEmpty, "\(run.output)")
    }

    @Test func cslJSONRoundTripsAndDropsCustom() throws {
        var records = try Self.library()
        records[0].custom = BibRecord.Custom(stub: true)
        let json = try CSLJSONWriter().write(records)
        let decoded = try JSONDecoder().decode([BibRecord].self, from: Data(json.utf8))
        #expect(decoded.count == records.count)
        #expect(decoded.allSatisfy { $0.custom == nil })
        #expect(Set(decoded.map(\.id)).count == records.count)
        #expect(json.contains("\"container-title\""))
    }

    /// pandoc's citeproc formats a citation from the CSL-JSON.
    @Test(.enabled(if: ExportFixtures.tool("pandoc") != nil, "pandoc is not installed (apt-get install pandoc)"))
    func pandocCiteprocReadsCSLJSON() throws {
        let directory = try ExportFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try CSLJSONWriter().write(try Self.library()).write(
            to: directory.appendingPathComponent("refs.json"), atomically: true, encoding: .utf8)
        try "See [@simsirAzerbaycan2011, 33].\n".write(to: directory.appendingPathComponent("doc.md"), atomically: true, encoding: .utf8)
        let run = try ExportFixtures.runTool("pandoc", ["--citeproc", "--bibliography", "refs.json", "-t", "plain", "doc.md"], in: directory)
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("Şimşir"), "\(run.output)")
        #expect(!run.output.contains("not found"), "\(run.output)")
    }
}
