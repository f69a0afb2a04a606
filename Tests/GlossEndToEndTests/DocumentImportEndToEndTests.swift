import Foundation
import Testing

/// `gloss add` of real GROBID TEI and publisher JATS: every marked citation becomes a manual
/// citation linked to the records the file's references became.
@Suite("Importing GROBID TEI and JATS")
struct DocumentImportEndToEndTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// (file, its <ref type="bibr"> or <xref ref-type="bibr">, its references, its (citation, target) pairs)
    @Test(arguments: [("grobid/sample2.tei.fulltext.xml", 87, 47, 75), ("jats/journal.pntd.0000149.xml", 37, 32, 37),
                      ("jats/journal.pone.0046041.xml", 40, 20, 40), ("jats/0034-8910-rsp-48-2-0296.xml", 40, 22, 40)])
    func citationsAndReferencesLand(file: String, citations: Int, references: Int, links: Int) throws {
        let folder = try TemporaryFolder()
        #expect(try GlossProcess.run(["init"], in: folder.url).status == 0)
        let added = try GlossProcess.run(["add", Self.fixtures.appendingPathComponent(file).path], in: folder.url)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains(" \(citations) citations, \(references) records)"), "\(added.stdout)")
        let id = String(added.stdout.prefix { $0 != ":" })
        let annotations = try JSONSerialization.jsonObject(
            with: Data(contentsOf: folder.url.appendingPathComponent("annotations/\(id).json"))) as! [String: Any]
        let manual = annotations["manualCitations"] as! [[String: Any]]
        #expect(manual.count == citations)
        #expect((annotations["links"] as! [Any]).count == links)
        // Each citation's offsets slice to its text in the stored source.
        let text = try String(contentsOf: folder.url.appendingPathComponent("sources/\(id).txt"), encoding: .utf8)
        let scalars = Array(text.unicodeScalars)
        for citation in manual {
            let span = try #require(citation["span"] as? [String: Int])
            #expect(String(String.UnicodeScalarView(scalars[span["start"]!..<span["end"]!])) == citation["text"] as? String)
        }
        let library = try JSONSerialization.jsonObject(
            with: Data(contentsOf: folder.url.appendingPathComponent("annotations/library.json"))) as! [[String: Any]]
        #expect(library.count == references)
        let check = try GlossProcess.run(["check", "--fail-on", "never"], in: folder.url)
        #expect(check.status == 0, "\(check.stderr)")
    }

    /// libxml2 prints validity errors (an `xml:id` given twice) on the terminal whatever its options
    /// say, a message and two lines of context; the import goes on, and says nothing of its own.
    @Test func anIdGivenTwiceImportsWithoutLibxml2sMessages() throws {
        let folder = try TemporaryFolder()
        #expect(try GlossProcess.run(["init"], in: folder.url).status == 0)
        let tei = """
            <TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>
            <p xml:id="p1">Ilk paragraf (Kaya, 2015).</p><p xml:id="p1">Ikinci paragraf.</p>
            </body></text></TEI>
            """
        try tei.write(to: folder.url.appendingPathComponent("twice.xml"), atomically: true, encoding: .utf8)
        let added = try GlossProcess.run(["add", "twice.xml"], in: folder.url)
        #expect(added.status == 0)
        #expect(added.stderr == "")
        // A file that is not XML is still one line naming the file, the line and libxml2's first
        // error (its last is "Premature end of data" at the end of the file).
        try tei.replacingOccurrences(of: "</body>", with: "").write(
            to: folder.url.appendingPathComponent("broken.xml"), atomically: true, encoding: .utf8)
        let broken = try GlossProcess.run(["add", "broken.xml"], in: folder.url)
        #expect(broken.status != 0)
        #expect(broken.stderr.hasPrefix("gloss: error: broken.xml:3: not well-formed XML: Opening and ending tag mismatch"))
        #expect(broken.stderr.split(separator: "\n").count == 1, "\(broken.stderr)")
    }
}
