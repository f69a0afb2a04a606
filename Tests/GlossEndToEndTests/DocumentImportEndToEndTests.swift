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
}
