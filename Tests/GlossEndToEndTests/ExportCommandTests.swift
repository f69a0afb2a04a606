import Foundation
import Testing

@Suite struct ExportCommandTests {
    static let tei = #"""
    <?xml version="1.0" encoding="UTF-8"?>
    <TEI xmlns="http://www.tei-c.org/ns/1.0">
      <teiHeader xml:lang="tr"><fileDesc><titleStmt><title>Deneme</title></titleStmt>
        <publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader>
      <text><body>
        <p>İlişkiler <ref type="bibr" target="#b0">(Zeytinci, 2025:3)</ref> ve <ref type="bibr" target="#b1">[2]</ref>.</p>
      </body><back><listBibl>
        <biblStruct xml:id="b0"><analytic><title level="a">50% {Türkiye} &amp; #1 \ "DEĞİŞİKLİĞİ"</title>
          <author><persName><forename>Ali</forename><surname>Zeytinci</surname></persName></author></analytic>
          <monogr><title level="j">Avrasya Etüdleri</title><imprint><date when="2025"/></imprint></monogr></biblStruct>
        <biblStruct xml:id="b1"><monogr><title level="m">Azerbaycan</title>
          <author><orgName>Anadolu Ajansı</orgName></author>
          <imprint><publisher>Bilgi</publisher><date when="2011"/></imprint></monogr></biblStruct>
      </listBibl></back></text>
    </TEI>
    """#

    func workspace() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-e2e-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        #expect(try GlossProcess.run(["init"], in: root).status == 0)
        try Self.tei.write(to: root.appendingPathComponent("deneme.tei.xml"), atomically: true, encoding: .utf8)
        let added = try GlossProcess.run(["add", "deneme.tei.xml"], in: root)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("deneme: imported deneme.tei.xml"))
        return root
    }

    @Test func exportsEveryFormat() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let bibtex = try GlossProcess.run(["export", "bibtex"], in: root)
        #expect(bibtex.status == 0)
        #expect(bibtex.stdout.contains("@article{zeytinciTurkiye2025,"))
        #expect(bibtex.stdout.contains("author    = {{Anadolu Ajans{\\i}}}"))
        #expect(bibtex.stdout.contains("50\\% \\textbraceleft{}T{\\\"{u}}rkiye\\textbraceright{} \\& \\#1 \\textbackslash{} {\"}DE{\\u{G}}"))
        let biblatex = try GlossProcess.run(["export", "biblatex", "deneme"], in: root)
        #expect(biblatex.status == 0 && biblatex.stdout.contains("@book{anadoluAzerbaycan2011,"))
        let csl = try GlossProcess.run(["export", "csl-json"], in: root)
        #expect(csl.status == 0 && csl.stdout.hasPrefix("[") && !csl.stdout.contains("gloss-provenance"))
        let tei = try GlossProcess.run(["export", "tei", "deneme"], in: root)
        #expect(tei.status == 0)
        #expect(tei.stdout.contains(##"<ref type="bibr" subtype="parenthetical" target="#zeytinciTurkiye2025" xml:id="cit-10-28">(Zeytinci, 2025:3)</ref>"##))
        #expect(tei.stdout.contains(##"<biblStruct xml:id="anadoluAzerbaycan2011" n="anadoluAzerbaycan2011" type="book">"##))
        let w3c = try GlossProcess.run(["export", "w3c"], in: root)
        #expect(w3c.status == 0 && w3c.stdout.contains("\"AnnotationCollection\""))
        let jsonl = try GlossProcess.run(["export", "jsonl"], in: root)
        #expect(jsonl.status == 0 && jsonl.stdout.split(separator: "\n").count == 4)
    }

    @Test func outputFileAndErrors() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let written = try GlossProcess.run(["export", "biblatex", "-o", "refs.bib"], in: root)
        #expect(written.status == 0 && written.stdout.isEmpty)
        let file = try String(contentsOf: root.appendingPathComponent("refs.bib"), encoding: .utf8)
        #expect(file.contains("@article{zeytinciTurkiye2025,"))
        #expect(try GlossProcess.run(["export", "tei"], in: root).status == 64)
        let unknown = try GlossProcess.run(["export", "tei", "nosuch"], in: root)
        #expect(unknown.status == 66 && unknown.stderr.contains("no source 'nosuch'"))
        let badDir = try GlossProcess.run(["export", "bibtex", "-o", "missing/dir/refs.bib"], in: root)
        #expect(badDir.status == 74)
        try "<TEI><text>".write(to: root.appendingPathComponent("broken.xml"), atomically: true, encoding: .utf8)
        let broken = try GlossProcess.run(["add", "broken.xml"], in: root)
        #expect(broken.status == 65 && broken.stderr.contains("broken.xml:1: not well-formed XML"))
    }

    /// A BibLaTeX export passes biber's data model check.
    @Test(.enabled(if: GlossProcess.tool("biber") != nil, "biber is not installed (apt-get install biber)"))
    func exportedBibLaTeXValidatesWithBiber() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let written = try GlossProcess.run(["export", "biblatex", "-o", "refs.bib"], in: root)
        #expect(written.status == 0, "\(written.stderr)")
        #expect(try Self.biberAccepts("refs.bib", in: root))
    }

    /// The BibLaTeX export of the repository's own workspace passes biber's data model check.
    @Test(.enabled(if: GlossProcess.tool("biber") != nil, "biber is not installed (apt-get install biber)"))
    func repositoryWorkspaceBibLaTeXValidates() throws {
        let root = Seeds.repository
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-e2e-biber-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("workspace.bib")
        let export = try GlossProcess.run(["export", "biblatex", "--workspace", root.path, "-o", output.path], in: directory)
        #expect(export.status == 0, "\(export.stderr)")
        #expect(try Self.biberAccepts("workspace.bib", in: directory))
    }

    /// Whether biber's data model check passes on `file` (any violation but an undated work).
    static func biberAccepts(_ file: String, in directory: URL) throws -> Bool {
        let biber = Process()
        biber.executableURL = URL(fileURLWithPath: try #require(GlossProcess.tool("biber")))
        biber.arguments = ["--tool", "--validate-datamodel", file]
        biber.currentDirectoryURL = directory
        let pipe = Pipe()
        biber.standardOutput = pipe
        biber.standardError = pipe
        try biber.run()
        let log = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        biber.waitUntilExit()
        // Undated works are written without a date (biblatex prints "n.d."); nothing else may break the data model.
        let violations = log.split(separator: "\n").filter { $0.contains("WARN - Datamodel") && !$0.contains("one of 'date, year' must be defined") }
        return biber.terminationStatus == 0 && violations.isEmpty
    }
}
