import Foundation
import GlossFormats
import Testing

/// The exports of the repository's own workspace (the five seed articles) through the tools the
/// researchers use: libxml2's RELAX NG against TEI P5, and bibtex with plain.bst.
@Suite("Exports of the repository workspace")
struct RepositoryWorkspaceExportTests {
    static let root = Seeds.repository
    static let sources = ["000_f9abcd99e54dd106", "001_cc601ad832c95fda", "002_ccf2ee7b6882ff5b", "003_aa1cca43322b1ae7", "004_7b87abbc1d0be081"]
    /// The schema is large: loaded once for all sources.
    static let schema = Shared.file("schemas/tei_all.rng")
    static let validator: TEIValidator? = schema.flatMap { try? TEIValidator(schemaPath: $0.path) }

    @Test(.enabled(if: schema != nil, "the TEI schema (tei_all.rng, in the team's shared folder) is absent"), arguments: sources)
    func teiOfEverySeedIsValid(source: String) throws {
        let export = try GlossProcess.run(["export", "tei", source, "--workspace", Self.root.path], in: Self.root)
        #expect(export.status == 0, "\(export.stderr)")
        let validator = try #require(Self.validator, "tei_all.rng did not load")
        #expect(validator.errors(in: export.stdout) == [])
        #expect(XMLLinkCheck.problems(in: export.stdout) == [])
        // Every citation is a <ref> (footnote markers pointing to their note), every footnote part
        // a <note>, and the text content of <text> is the stored text.
        let cites = try GlossProcess.run(["cites", source, "--format", "jsonl", "--workspace", Self.root.path], in: Self.root)
        let lines = cites.stdout.split(separator: "\n")
        let markers = lines.filter { $0.contains("\"footnote-marker\"") }.count
        #expect(export.stdout.components(separatedBy: "<ref type=\"bibr\"").count - 1 == lines.count - markers)
        #expect(export.stdout.components(separatedBy: "<ref type=\"foot\"").count - 1 == markers)
        #expect(markers == (source.hasPrefix("002") ? 59 : 0))
        let text = try String(contentsOf: Self.root.appendingPathComponent("sources/\(source).txt"), encoding: .utf8)
        #expect(try TEIReader().read(Array(export.stdout.utf8), file: source).text == text)
    }

    @Test(.enabled(if: TEIRoundTripTests.jingAndSchema, "jing (apt-get install jing) or the TEI schema (tei_all.rng, in the team's shared folder) is absent"),
          arguments: sources)
    func jingAcceptsTheTEIOfEverySeed(source: String) throws {
        let folder = try TemporaryFolder()
        let export = try GlossProcess.run(["export", "tei", source, "--workspace", Self.root.path, "-o", folder.url.appendingPathComponent("x.xml").path],
                                          in: folder.url)
        #expect(export.status == 0, "\(export.stderr)")
        let jing = try GlossProcess.runTool("jing", [try #require(TEIRoundTripTests.schema).path, folder.url.appendingPathComponent("x.xml").path])
        #expect(jing.status == 0, "\(jing.stdout)")
    }

    /// One work once: the three bibliography exports hold the works of `refs --works`, each once,
    /// undated works and stubs included, under keys that never repeat.
    @Test func threeExportsHoldTheSameWorks() throws {
        let works = try GlossProcess.run(["refs", "--works", "--format", "json", "--workspace", Self.root.path], in: Self.root)
        let count = try #require(try JSONSerialization.jsonObject(with: Data(works.stdout.utf8)) as? [Any]).count
        let bibtex = try GlossProcess.run(["export", "bibtex", "--workspace", Self.root.path], in: Self.root).stdout
        let biblatex = try GlossProcess.run(["export", "biblatex", "--workspace", Self.root.path], in: Self.root).stdout
        let csl = try GlossProcess.run(["export", "csl-json", "--workspace", Self.root.path], in: Self.root).stdout
        let cslKeys = try #require(try JSONSerialization.jsonObject(with: Data(csl.utf8)) as? [[String: Any]]).compactMap { $0["id"] as? String }
        let bibtexKeys = BibTeXParser.entries(in: bibtex).0.map(\.key)
        let biblatexKeys = BibTeXParser.entries(in: biblatex).0.map(\.key)
        #expect(count > 50)
        #expect(bibtexKeys.count == count && biblatexKeys.count == count && cslKeys.count == count)
        #expect(Set(biblatexKeys) == Set(cslKeys) && Set(cslKeys).count == count)
        // Stubs are marked; page ranges use BibTeX's en dash.
        let stubs = BibTeXParser.entries(in: biblatex).0.filter { $0.value("title")?.hasPrefix("{[Work cited as") == true }
        #expect(!stubs.isEmpty && stubs.allSatisfy { $0.value("keywords") == "gloss-stub" })
        #expect(bibtex.range(of: #"pages\s*= \{\d+-\d+\}"#, options: .regularExpression) == nil)
    }

    @Test(.enabled(if: GlossProcess.tool("bibtex") != nil, "bibtex is not installed (apt-get install texlive-binaries texlive-base)"))
    func bibtexOfTheWorkspaceRunsWithPlainStyle() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-e2e-bibtex-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let export = try GlossProcess.run(["export", "bibtex", "--workspace", Self.root.path, "-o", "workspace.bib"], in: directory)
        #expect(export.status == 0, "\(export.stderr)")
        try "\\relax\n\\citation{*}\n\\bibstyle{plain}\n\\bibdata{workspace}\n".write(
            to: directory.appendingPathComponent("paper.aux"), atomically: true, encoding: .utf8)
        let bibtex = Process()
        bibtex.executableURL = URL(fileURLWithPath: GlossProcess.tool("bibtex")!)
        bibtex.arguments = ["paper"]
        bibtex.currentDirectoryURL = directory
        bibtex.standardOutput = Pipe()
        try bibtex.run()
        bibtex.waitUntilExit()
        let log = try String(contentsOf: directory.appendingPathComponent("paper.blg"), encoding: .utf8)
        #expect(bibtex.terminationStatus < 2, "\(log)")
        #expect(!log.contains("error message"), "\(log)")
        let bbl = try String(contentsOf: directory.appendingPathComponent("paper.bbl"), encoding: .utf8)
        #expect(bbl.components(separatedBy: "\\bibitem").count - 1 >= 90)
    }
}
