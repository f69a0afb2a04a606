import Foundation
import Testing

@Suite("gloss link, gloss cite reject and accept")
struct LinkEndToEndTests {
    func annotations(_ folder: TemporaryFolder, _ id: String) throws -> [String: Any] {
        let data = try Data(contentsOf: folder.url.appendingPathComponent("annotations/\(id).json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func linksAndRejectionsAreStoredAndValidated() throws {
        let folder = try TemporaryFolder()
        _ = try GlossProcess.run(["init"], in: folder.url)
        let text = try folder.write("makale.txt", "Türkiye önemli bir aktördür (Yüce, 2016: 7). Ayrıca (BTC) boru hattı.\n")
        #expect(try GlossProcess.run(["add", text], in: folder.url).status == 0)
        let bib = try folder.write("refs.bib", "@article{yuce2016, author = {Y{\\\"u}ce, Ahmet}, title = {The Caucasus and the World}, year = 2016}\n")
        #expect(try GlossProcess.run(["bib", "import", bib], in: folder.url).status == 0)

        let link = try GlossProcess.run(["link", "makale:28-43", "yuce2016"], in: folder.url)
        #expect(link.status == 0, "\(link.stderr)")
        #expect(link.stdout == "makale:28-43: linked to yuce2016\n")
        let links = try #require(try annotations(folder, "makale")["links"] as? [[String: String]])
        #expect(links == [["citation": "makale:28-43", "record": "yuce2016"]])

        let unknownRecord = try GlossProcess.run(["link", "makale:28-43", "nobody2020"], in: folder.url)
        #expect(unknownRecord.status == 66)
        #expect(unknownRecord.stderr.contains("gloss bib list"))
        #expect(try GlossProcess.run(["link", "28-43", "yuce2016"], in: folder.url).status == 64)
        #expect(try GlossProcess.run(["link", "makale:28-4400", "yuce2016"], in: folder.url).status == 65)
        #expect(try GlossProcess.run(["link", "other:1-2", "yuce2016"], in: folder.url).status == 66)

        // A span that is no citation (one character off, or `(BTC)`) is refused, naming the nearest.
        for span in ["makale:28-44", "makale:52-57"] {
            for command in [["link", span, "yuce2016"], ["cite", "reject", span]] {
                let refused = try GlossProcess.run(command, in: folder.url)
                #expect(refused.status == 65, "\(command)")
                #expect(refused.stderr.contains("\(span) is no citation; the nearest is makale:28-43 \"(Yüce, 2016: 7)\""), "\(refused.stderr)")
            }
        }

        // Rejecting a linked citation drops the link; linking it again takes the rejection back.
        #expect(try GlossProcess.run(["cite", "reject", "makale:28-43"], in: folder.url).stdout.contains("link to yuce2016 is removed"))
        #expect(try annotations(folder, "makale")["links"] as? [[String: String]] == [])
        #expect(try annotations(folder, "makale")["rejectedCitations"] as? [String] == ["makale:28-43"])
        #expect(try GlossProcess.run(["link", "makale:28-43", "yuce2016"], in: folder.url).stdout.contains("was rejected"))
        #expect(try annotations(folder, "makale")["rejectedCitations"] as? [String] == [])

        // unlink takes a link back; a second time there is none.
        #expect(try GlossProcess.run(["unlink", "makale:28-43"], in: folder.url).stdout == "makale:28-43: link to yuce2016 removed\n")
        #expect(try annotations(folder, "makale")["links"] as? [[String: String]] == [])
        #expect(try GlossProcess.run(["unlink", "makale:28-43"], in: folder.url).status == 65)

        // cite accept (or restore) takes a rejection back, and says so when there was none.
        _ = try GlossProcess.run(["cite", "reject", "makale:28-43"], in: folder.url)
        #expect(try GlossProcess.run(["cite", "restore", "makale:28-43"], in: folder.url).stdout.contains("accepted as a citation"))
        #expect(try annotations(folder, "makale")["rejectedCitations"] as? [String] == [])
        #expect(try GlossProcess.run(["cite", "accept", "makale:28-43"], in: folder.url).stdout.contains("not rejected"))

        // A link whose record is gone is a check error.
        _ = try GlossProcess.run(["link", "makale:28-43", "yuce2016"], in: folder.url)
        #expect(try GlossProcess.run(["bib", "rm", "yuce2016"], in: folder.url).status == 65)
        let library = folder.url.appendingPathComponent("annotations/library.json")
        try Data("[]".utf8).write(to: library)
        let check = try GlossProcess.run(["check", "makale"], in: folder.url)
        #expect(check.stdout.contains("dangling-link"), "\(check.stdout)")
    }
}
