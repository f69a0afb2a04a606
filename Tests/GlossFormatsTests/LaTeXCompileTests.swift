import Foundation
import Testing
import GlossCore
@testable import GlossFormats

/// Exports compiled, not just validated: pdflatex + bibtex (plain.bst) reads the BibTeX export and
/// lualatex + biber (biblatex authoryear) the BibLaTeX export, with no error and no undefined
/// citation, for Azerbaijani and Turkish letters, combining marks and real imported files.
@Suite("Exports compile with LaTeX")
struct LaTeXCompileTests {
    static func installed(_ names: String...) -> Bool {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return names.allSatisfy { name in paths.contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(name)") } }
    }

    static let classic = installed("pdflatex", "bibtex") && kpsewhich("plain.bst") && kpsewhich("graphicx.sty")
    static let modern = installed("lualatex", "biber") && kpsewhich("biblatex.sty") && kpsewhich("etoolbox.sty")
    static let pdflatexBiber = installed("pdflatex", "biber") && kpsewhich("biblatex.sty") && kpsewhich("etoolbox.sty")

    static func kpsewhich(_ file: String) -> Bool {
        guard installed("kpsewhich"), let run = try? ExportFixtures.runTool("kpsewhich", [file], in: URL(fileURLWithPath: "/tmp")) as (status: Int32, output: String)? else { return false }
        return run.status == 0
    }

    /// Records with every letter the workspace's languages bring, and marks with no precomposed letter.
    static func letters() -> [BibRecord] {
        var az = BibRecord(id: "memmedov2020", type: "book")
        az.author = [CSLName(family: "Məmmədov", given: "Əli"), CSLName(literal: "Deveci Bozkuş")]
        az.title = "Əsərlər: İstiqlal Bəyannaməsi, ŞİŞLİ, Ğğ, ıİ, çÇöÖüÜ"
        az.publisher = "Elm"
        az.publisherPlace = "Bakı"
        az.issued = CSLDate(year: 2020)
        var marks = BibRecord(id: "marks2019", type: "article-journal")
        marks.author = [CSLName(family: "Qasımov", given: "Ə\u{0304}li")]
        marks.title = "x\u{0304}, ı\u{0301}, s\u{0323}\u{0304}, Ə\u{0303}, \u{0303}"
        marks.containerTitle = "Dil"
        marks.issued = CSLDate(year: 2019)
        marks.page = "1–5"
        return [az, marks]
    }

    @Test(.enabled(if: classic, "needs pdflatex, bibtex and graphicx"))
    func pdflatexAndBibTeXCompileLetters() throws {
        let bib = BibTeXWriter().write(Self.letters())
        #expect(bib.text.unicodeScalars.allSatisfy { $0.isASCII })
        try Self.compileClassic(bib.text)
    }

    @Test(.enabled(if: classic, "needs pdflatex, bibtex and graphicx"), arguments: ["xampl.bib", "biblatex-examples.bib", "zotero-bbt-particles.bib"])
    func pdflatexAndBibTeXCompileRoundTrippedFiles(file: String) throws {
        let text = try String(contentsOf: BiberRoundTripTests.fixtures.appendingPathComponent(file), encoding: .utf8)
        // Cyrillic and Greek need fonts classic BibTeX documents do not load; BibLaTeX keeps them.
        let records = BibTeXParser.parse(text, file: file).records.filter { record in
            !(record.custom?.bibtex?.fields.contains { $0.value.unicodeScalars.contains { (0x0370...0x052F).contains($0.value) } } ?? false)
        }
        try Self.compileClassic(BibTeXWriter().write(records).text)
    }

    @Test(.enabled(if: modern, "needs lualatex, biber and biblatex"))
    func lualatexAndBiberCompileLettersAndARealFile() throws {
        let text = try String(contentsOf: BiberRoundTripTests.fixtures.appendingPathComponent("zotero-bbt-particles.bib"), encoding: .utf8)
        let records = Self.letters() + BibTeXParser.parse(text, file: "zotero-bbt-particles.bib").records
        let bib = BibLaTeXWriter().write(records).text
        let keys = BibTeXParser.entries(in: bib).0.map(\.key)
        let tex = """
        \\documentclass{article}
        \\usepackage[style=authoryear]{biblatex}
        \\addbibresource{refs.bib}
        \\begin{document}
        \(keys.map { "\\cite{\($0)}" }.joined(separator: "\n"))
        \\printbibliography
        \\end{document}
        """
        let log = try Self.compile(bib: bib, tex: tex, steps: [("lualatex", true), ("biber", false), ("lualatex", true), ("lualatex", true)])
        #expect(!log.contains("undefined"), "\(log)")
    }

    /// A title's `\~{}` is read as a bare combining tilde; written as it is into the BibLaTeX file, it
    /// stopped pdflatex ("Unicode character ̃ (U+0303) not set up for use with LaTeX", issue 21).
    /// Marks become accent commands, on their letter or over nothing.
    @Test(.enabled(if: pdflatexBiber, "needs pdflatex, biber and biblatex"))
    func pdflatexAndBiberCompileCombiningMarks() throws {
        let imported = BibTeXParser.parse("@article{k, author = {Kaya, Ali}, title = {Approx \\~{} value}, journal = {J}, year = {2020}}",
                                          file: "in.bib")
        var tilde = try #require(imported.records.first)
        #expect(tilde.title == "Approx \u{0303} value")
        // As a record read from a reference list or a TEI file: written from its fields.
        tilde.custom = nil
        // (A mark on a letter with no precomposed form, `{\={x}}`, biber writes back as UTF-8 for
        // pdflatex to stop at: lualatex reads those, above.)
        var marks = BibRecord(id: "marks2019", type: "article-journal")
        marks.author = [CSLName(family: "Smith", given: "A")]
        marks.title = "\u{0301}Bare marks: \u{0303}, \u{0302}\u{0308}"
        marks.containerTitle = "Dil"
        marks.issued = CSLDate(year: 2019)
        let bib = BibLaTeXWriter().write([tilde, marks]).text
        #expect(!bib.unicodeScalars.contains { $0.properties.generalCategory == .nonspacingMark }, "\(bib)")
        let tex = """
        \\documentclass{article}
        \\usepackage[utf8]{inputenc}
        \\usepackage[T1]{fontenc}
        \\usepackage[backend=biber]{biblatex}
        \\addbibresource{refs.bib}
        \\begin{document}
        \\cite{k}\\cite{marks2019}
        \\printbibliography
        \\end{document}
        """
        let log = try Self.compile(bib: bib, tex: tex, steps: [("pdflatex", true), ("biber", false), ("pdflatex", true), ("pdflatex", true)])
        #expect(!log.contains("undefined"), "\(log)")
    }

    static func compileClassic(_ bib: String) throws {
        let keys = BibTeXParser.entries(in: bib).0.map(\.key)
        let tex = """
        \\documentclass{article}
        \\usepackage[T1]{fontenc}
        \\usepackage{graphicx}
        \\usepackage{url}
        \\begin{document}
        \(keys.map { "\\cite{\($0)}" }.joined(separator: "\n"))
        \\bibliographystyle{plain}
        \\bibliography{refs}
        \\end{document}
        """
        let log = try compile(bib: bib, tex: tex, steps: [("pdflatex", true), ("bibtex", false), ("pdflatex", true), ("pdflatex", true)])
        #expect(!log.contains("undefined"), "\(log)")
    }

    /// Runs the steps on `paper.tex` and `refs.bib`; every step must succeed. Returns the final log.
    static func compile(bib: String, tex: String, steps: [(tool: String, latex: Bool)]) throws -> String {
        let directory = try ExportFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try bib.write(to: directory.appendingPathComponent("refs.bib"), atomically: true, encoding: .utf8)
        try tex.write(to: directory.appendingPathComponent("paper.tex"), atomically: true, encoding: .utf8)
        for step in steps {
            let arguments = step.latex ? ["-interaction=nonstopmode", "-halt-on-error", "paper.tex"] : ["paper"]
            let run = try ExportFixtures.runTool(step.tool, arguments, in: directory)
            let errors = run.output.split(separator: "\n").filter { $0.hasPrefix("!") || $0.contains("ERROR") || $0.contains("error message") }
            #expect(run.status == 0 && errors.isEmpty, "\(step.tool): \(errors.joined(separator: "\n"))\n\(run.output.suffix(3000))")
            if run.status != 0 { break }
        }
        return (try? String(contentsOf: directory.appendingPathComponent("paper.log"), encoding: .utf8)) ?? ""
    }
}
