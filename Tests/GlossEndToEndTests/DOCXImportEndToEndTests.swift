import Foundation
import Testing

/// `gloss add chapter.docx`, on Word files made by others (pandoc's test files, see
/// Tests/Fixtures/docx/README.md) and on a file pandoc writes here with many notes.
@Suite("Word import")
struct DOCXImportEndToEndTests {
    static let fixtures: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<2 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("Fixtures/docx")
    }()

    private func imported(_ file: URL, id: String) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        _ = try GlossProcess.run(["init"], in: folder.url)
        let add = try GlossProcess.run(["add", file.path, "--id", id], in: folder.url)
        try #require(add.status == 0, "\(add.stderr)")
        return folder
    }

    private func citations(_ folder: TemporaryFolder, _ id: String) throws -> [[String: Any]] {
        let out = try GlossProcess.run(["cites", id, "--format", "jsonl"], in: folder.url).stdout
        return try out.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    @Test func wordsFootnoteAndEndnoteAreNumberedAsWordShowsThem() throws {
        let folder = try imported(Self.fixtures.appendingPathComponent("notes.docx"), id: "notes")
        let text = try GlossProcess.run(["show", "notes"], in: folder.url).stdout
        #expect(text.contains("Test footnote.1 Test endnote.2"))
        #expect(text.contains("1  My note."))
        #expect(text.contains("2  This is an endnote at the end of the document."))
        let markers = try citations(folder, "notes").filter { $0["kind"] as? String == "footnote-marker" }
        #expect(markers.map { $0["text"] as? String } == ["1", "2"])
        let check = try GlossProcess.run(["check", "--format", "json", "--rule", "footnote-numbering"], in: folder.url)
        #expect(!check.stdout.contains("footnote-numbering\""), "\(check.stdout)")
    }

    @Test(arguments: [("zotero_citations.docx", ["(Smith et al., 2013)", "(Boer et al., 2016; Smith et al., 2013)", "(prefix Bellomo et al., 2016, p. 2 suffix)"], 3),
                      ("mendeley_citations.docx", ["(prefix Hadwen-Bennett et al., 2018, p. 123 suffix)", "(prefix Seo, 2019, pp. 10–20 suffix)", "(Koh & Abbas, 2015; Lee et al., 2011)"], 4)])
    func citationManagerFieldsBecomeLinkedCitations(file: String, shown: [String], works: Int) throws {
        let folder = try imported(Self.fixtures.appendingPathComponent(file), id: "paper")
        // Every field's rendered citation, at its place in the text.
        let fields = try GlossProcess.run(["cites", "paper", "--format", "jsonl"], in: folder.url).stdout
        for citation in shown { #expect(fields.contains("\"text\":\"\(citation)\""), "\(citation)") }
        // The items the fields carry joined the library, once each, with their fields.
        let library = try #require(try JSONSerialization.jsonObject(
            with: Data(GlossProcess.run(["bib", "list", "--format", "json"], in: folder.url).stdout.utf8)) as? [[String: Any]])
        #expect(library.count == works)
        #expect(library.allSatisfy { ($0["title"] as? String)?.isEmpty == false && $0["author"] != nil })
        // Each field's citation is linked to the records of its items.
        let annotations = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: folder.url.appendingPathComponent("annotations/paper.json"))) as? [String: Any])
        let links = try #require(annotations["links"] as? [[String: Any]])
        #expect(links.count == shown.map { $0.split(separator: ";").count }.reduce(0, +))
    }

    /// EndNote's fields (see Tests/Fixtures/docx/README.md for where the file comes from): the
    /// payload in the instruction, cut over runs, and in a nested `EN.CITE.DATA` field's data.
    @Test func endNoteFieldsBecomeLinkedCitations() throws {
        let folder = try imported(Self.fixtures.appendingPathComponent("endnote_citations.docx"), id: "paper")
        let shown = try citations(folder, "paper").map { $0["text"] as? String ?? "" }
        for citation in ["(Knuth, 1984)", "(MacFarlane, 2014; Lamport, 1994)", "(Dijkstra, 1968)", "(Knuth, 1984, p. 97)"] {
            #expect(shown.contains(citation), "\(citation) in \(shown)")
        }
        let library = try #require(try JSONSerialization.jsonObject(
            with: Data(GlossProcess.run(["bib", "list", "--format", "json"], in: folder.url).stdout.utf8)) as? [[String: Any]])
        // Knuth, cited twice, is one record.
        #expect(library.map { $0["title"] as? String ?? "" }.sorted()
                == ["Assessment Sensitivity: Relative Truth and its Applications", "Go To Statement Considered Harmful",
                    "LaTeX: A Document Preparation System", "Literate Programming"])
        let knuth = try #require(library.first { $0["title"] as? String == "Literate Programming" })
        #expect(knuth["type"] as? String == "article-journal")
        #expect(knuth["container-title"] as? String == "The Computer Journal")
        #expect(knuth["DOI"] as? String == "10.1093/comjnl/27.2.97")
        #expect((knuth["author"] as? [[String: Any]])?.first?["family"] as? String == "Knuth")
        let annotations = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: folder.url.appendingPathComponent("annotations/paper.json"))) as? [String: Any])
        #expect((annotations["links"] as? [[String: Any]])?.count == 5)
    }

    @Test func aFileThatIsNotAWordDocumentIsRefused() throws {
        let folder = try TemporaryFolder()
        _ = try GlossProcess.run(["init"], in: folder.url)
        let fake = try folder.write("chapter.docx", "not a zip\n")
        let add = try GlossProcess.run(["add", fake], in: folder.url)
        #expect(add.status == 65)
        #expect(add.stderr.contains("chapter.docx: not a readable Word document (.docx): it is not a zip archive"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.appendingPathComponent("sources").path).isEmpty)
    }

    @Test(.enabled(if: GlossProcess.tool("pandoc") != nil, "needs pandoc to write a .docx"))
    func manyNotesKeepTheirOrderAndNumbers() throws {
        let folder = try TemporaryFolder()
        _ = try GlossProcess.run(["init"], in: folder.url)
        var markdown = ""
        for n in 1...12 {
            markdown += "Cümle \(n) burada biter.[^n\(n)] Ve devam eder.\n\n[^n\(n)]: Yazar \(n), Eser \(n), Ankara, 20\(10 + n), s. \(n).\n\n"
        }
        let source = try folder.write("chapter.md", markdown)
        let pandoc = Process()
        pandoc.executableURL = URL(fileURLWithPath: try #require(GlossProcess.tool("pandoc")))
        pandoc.arguments = [source, "-o", folder.url.appendingPathComponent("chapter.docx").path]
        try pandoc.run()
        pandoc.waitUntilExit()
        let add = try GlossProcess.run(["add", folder.url.appendingPathComponent("chapter.docx").path], in: folder.url)
        #expect(add.status == 0, "\(add.stderr)")
        #expect(add.stdout.contains("12 notes"))
        let markers = try citations(folder, "chapter").filter { $0["kind"] as? String == "footnote-marker" }
        #expect(markers.map { $0["text"] as? String } == (1...12).map { String($0) })
        let text = try GlossProcess.run(["show", "chapter"], in: folder.url).stdout
        #expect(text.contains("12  Yazar 12, Eser 12, Ankara, 2022, s. 12."))
        let refs = try GlossProcess.run(["refs", "chapter", "--format", "json"], in: folder.url).stdout
        #expect(refs.contains("Eser 7"))
    }
}
