import Foundation
import Testing

/// `gloss add paper.pdf`: the text through Poppler's `pdftotext`, pages recorded, the original's
/// sha256 kept; PDFs are typeset here by LuaLaTeX from the repository's seed articles (real text no
/// one here wrote), so the citations found in the PDF can be compared with those of the plain text.
@Suite("PDF import", .enabled(if: PDFTools.available, "needs pdftotext (poppler-utils) and lualatex (texlive-luatex); .ci/run installs them"))
struct PDFImportEndToEndTests {
    @Test(arguments: ["001_cc601ad832c95fda", "003_aa1cca43322b1ae7", "004_7b87abbc1d0be081"])
    func aTypesetSeedHasTheCitationsOfItsPlainText(seed: String) throws {
        let folder = try TemporaryFolder()
        _ = try GlossProcess.run(["init"], in: folder.url)
        let text = try String(contentsOf: PDFTools.repository.appendingPathComponent("sources/\(seed).txt"), encoding: .utf8)
        let pdf = try PDFTools.typeset(text, named: "paper", in: folder.url)
        let plain = try folder.write("plain.txt", text)
        #expect(try GlossProcess.run(["add", plain], in: folder.url).status == 0)
        let add = try GlossProcess.run(["add", pdf.path], in: folder.url)
        #expect(add.status == 0, "\(add.stderr)")

        let fromText = try PDFTools.items(try GlossProcess.run(["cites", "plain", "--format", "jsonl"], in: folder.url).stdout)
        let fromPDF = try PDFTools.items(try GlossProcess.run(["cites", "paper", "--format", "jsonl"], in: folder.url).stdout)
        #expect(fromText.count >= 8)
        #expect(fromPDF == fromText)

        // The sidecar knows the pages and the original.
        let sidecar = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: folder.url.appendingPathComponent("sources/paper.json"))) as? [String: Any])
        let revision = try #require((sidecar["revisions"] as? [[String: Any]])?.first)
        let pages = try #require(revision["pages"] as? [Int])
        #expect(pages.count == PDFTools.pageCount(pdf))
        #expect(pages.first == 0 && pages == pages.sorted())
        let original = try #require(revision["original"] as? [String: Any])
        #expect(original["format"] as? String == "pdf")
        #expect(original["sha256"] as? String == PDFTools.sha256(of: pdf))
        #expect((original["extractor"] as? String)?.hasPrefix("pdftotext ") == true)

        // Each citation says its page, and pdftotext finds the citation on that page of the PDF.
        let listing = try GlossProcess.run(["cites", "paper"], in: folder.url).stdout.split(separator: "\n")
        var pageTexts: [Int: String] = [:]
        for citation in try PDFTools.objects(try GlossProcess.run(["cites", "paper", "--format", "jsonl"], in: folder.url).stdout) {
            let span = "\(citation["start"] as? Int ?? -1)-\(citation["end"] as? Int ?? -1)"
            let line = try #require(listing.first { $0.contains(" \(span) ") || $0.contains(" \(span.replacingOccurrences(of: "-", with: "..")) ") }, "\(span)")
            let page = try #require(line.firstMatch(of: /page (\d+)/).flatMap { Int($0.1) }, "\(line)")
            if pageTexts[page] == nil { pageTexts[page] = PDFTools.text(of: pdf, page: page) }
            let collapsed = { (text: String) in text.split(whereSeparator: \.isWhitespace).joined() }
            #expect(collapsed(pageTexts[page] ?? "").contains(collapsed(citation["text"] as? String ?? "")), "\(line)")
        }
        #expect(pageTexts.count > 1)
        // So does each finding on the text.
        let check = try GlossProcess.run(["check", "paper", "--format", "json", "--fail-on", "never"], in: folder.url)
        let findings = try #require(try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [[String: Any]])
        #expect(findings.filter { $0["span"] != nil }.allSatisfy { ($0["page"] as? Int).map { (1...pages.count).contains($0) } ?? false })
    }

    @Test func aPDFWithoutATextLayerIsRefusedAndNothingIsWritten() throws {
        let folder = try TemporaryFolder()
        _ = try GlossProcess.run(["init"], in: folder.url)
        let pdf = try PDFTools.typeset(nil, named: "scan", in: folder.url)
        let add = try GlossProcess.run(["add", pdf.path], in: folder.url)
        #expect(add.status == 65)
        #expect(add.stderr.contains("no text layer"))
        #expect(add.stderr.split(separator: "\n").count == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.appendingPathComponent("sources").path).isEmpty)
    }

    @Test func aDamagedPDFIsRefusedInOneLine() throws {
        let folder = try TemporaryFolder()
        _ = try GlossProcess.run(["init"], in: folder.url)
        let good = try folder.write("good.txt", "metin\n")
        let bad = try folder.write("bad.pdf", "%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage\n")
        let add = try GlossProcess.run(["add", good, bad], in: folder.url)
        #expect(add.status == 65)
        #expect(add.stderr.contains("bad.pdf: not a readable PDF file"))
        #expect(add.stderr.split(separator: "\n").count == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.appendingPathComponent("sources").path).isEmpty)
    }

    @Test(.enabled(if: GlossProcess.tool("qpdf") != nil, "needs qpdf to encrypt a PDF"))
    func anEncryptedPDFIsRefused() throws {
        let folder = try TemporaryFolder()
        _ = try GlossProcess.run(["init"], in: folder.url)
        let pdf = try PDFTools.typeset("Kaya bunu söyler (Kaya, 2015).", named: "open", in: folder.url)
        let locked = folder.url.appendingPathComponent("locked.pdf")
        let qpdf = Process()
        qpdf.executableURL = URL(fileURLWithPath: try #require(GlossProcess.tool("qpdf")))
        qpdf.arguments = ["--encrypt", "secret", "secret", "256", "--", pdf.path, locked.path]
        try qpdf.run()
        qpdf.waitUntilExit()
        let add = try GlossProcess.run(["add", locked.path], in: folder.url)
        #expect(add.status == 65)
        #expect(add.stderr.contains("locked.pdf: the PDF is encrypted"))
        #expect(add.stderr.split(separator: "\n").count == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.appendingPathComponent("sources").path).isEmpty)
    }

    @Test func withoutPdftotextTheErrorNamesThePackage() throws {
        let folder = try TemporaryFolder()
        _ = try GlossProcess.run(["init"], in: folder.url)
        let pdf = try PDFTools.typeset("Kaya bunu söyler (Kaya, 2015).", named: "paper", in: folder.url)
        let add = try GlossProcess.run(["add", pdf.path], in: folder.url, environment: ["PATH": "/nonexistent"])
        #expect(add.status == 66)
        #expect(add.stderr.contains("pdftotext, which is not installed; install it with 'apt-get install poppler-utils'"))
        #expect(add.stderr.split(separator: "\n").count == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.appendingPathComponent("sources").path).isEmpty)
    }
}

/// Typesetting with LuaLaTeX and reading PDFs back, for the PDF tests.
enum PDFTools {
    static let available = GlossProcess.tool("pdftotext") != nil && GlossProcess.tool("lualatex") != nil
        && GlossProcess.tool("pdfinfo") != nil

    static let repository: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    /// `text` with LaTeX's special characters escaped.
    static func escaped(_ text: String) -> String {
        let escapes: [Character: String] = ["\\": "\\textbackslash{}", "{": "\\{", "}": "\\}", "$": "\\$", "&": "\\&",
                                            "#": "\\#", "%": "\\%", "_": "\\_", "^": "\\^{}", "~": "\\~{}"]
        return text.map { escapes[$0] ?? String($0) }.joined()
    }

    /// Typesets `text` (or, when nil, a page holding only a black square: a page without text)
    /// as `name.pdf` in `folder`, one line of the text a printed line (as the PDFs the seeds were
    /// extracted from printed them), pages broken and numbered by LaTeX.
    static func typeset(_ text: String?, named name: String, in folder: URL) throws -> URL {
        try typeset(latex: text.map(escaped) ?? "\\thispagestyle{empty}\\rule{5cm}{5cm}", named: name, in: folder)
    }

    /// Typesets `body`, LaTeX, as `typeset(_:named:in:)` does; `\\note` is the (smaller) font of footnotes.
    static func typeset(latex body: String, named name: String, in folder: URL) throws -> URL {
        let source = """
            \\documentclass{article}
            \\setlength{\\textwidth}{18cm}\\setlength{\\oddsidemargin}{-1.7cm}
            \\font\\body={file:DejaVuSerif.ttf} at 8pt
            \\font\\note={file:DejaVuSerif.ttf} at 6.5pt
            \\begin{document}\\body\\parindent=0pt\\raggedright\\obeylines
            \(body)
            \\end{document}

            """
        try source.write(to: folder.appendingPathComponent("\(name).tex"), atomically: true, encoding: .utf8)
        let latex = Process()
        latex.executableURL = URL(fileURLWithPath: GlossProcess.tool("lualatex")!)
        latex.arguments = ["-interaction=batchmode", "-halt-on-error", "\(name).tex"]
        latex.currentDirectoryURL = folder
        latex.standardOutput = FileHandle.nullDevice
        try latex.run()
        latex.waitUntilExit()
        let pdf = folder.appendingPathComponent("\(name).pdf")
        try #require(FileManager.default.fileExists(atPath: pdf.path), "lualatex made no PDF")
        return pdf
    }

    /// The text `pdftotext -raw` extracts from one page.
    static func text(of pdf: URL, page: Int) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: GlossProcess.tool("pdftotext")!)
        process.arguments = ["-raw", "-enc", "UTF-8", "-f", "\(page)", "-l", "\(page)", pdf.path, "-"]
        let out = Pipe()
        process.standardOutput = out
        try? process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return text
    }

    /// The pages `pdfinfo` counts.
    static func pageCount(_ pdf: URL) -> Int {
        let info = Process()
        info.executableURL = URL(fileURLWithPath: GlossProcess.tool("pdfinfo")!)
        info.arguments = [pdf.path]
        let out = Pipe()
        info.standardOutput = out
        try? info.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        info.waitUntilExit()
        let line = text.split(separator: "\n").first { $0.hasPrefix("Pages:") } ?? ""
        return Int(line.split(separator: " ").last ?? "") ?? -1
    }

    static func sha256(of file: URL) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [file.path]
        let out = Pipe()
        process.standardOutput = out
        try? process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return String(text.prefix(64))
    }

    /// The in-text citations of `gloss cites --format jsonl` as their items (kind, author, year,
    /// locator, reference number), sorted: what a reader of the PDF and of the plain text must
    /// agree on, wherever lines and pages break.
    static func items(_ jsonl: String) throws -> [String] {
        try jsonl.split(separator: "\n").flatMap { line -> [String] in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let kind = object["kind"] as? String ?? ""
            return (object["items"] as? [[String: Any]] ?? []).map { item in
                [kind, item["author"] as? String ?? "-", item["year"] as? String ?? "-", item["locator"] as? String ?? "-",
                 (item["ref"] as? Int).map(String.init) ?? "-"].joined(separator: "|")
            }
        }.sorted()
    }

    /// The lines of a JSON Lines text as objects.
    static func objects(_ jsonl: String) throws -> [[String: Any]] {
        try jsonl.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }
}
