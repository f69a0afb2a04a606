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

        let link = try GlossProcess.run(["link", "makale:28-44", "yuce2016"], in: folder.url)
        #expect(link.status == 0, "\(link.stderr)")
        #expect(link.stdout == "makale:28-44: linked to yuce2016\n")
        let links = try #require(try annotations(folder, "makale")["links"] as? [[String: String]])
        #expect(links == [["citation": "makale:28-44", "record": "yuce2016"]])

        let unknownRecord = try GlossProcess.run(["link", "makale:28-44", "nobody2020"], in: folder.url)
        #expect(unknownRecord.status == 66)
        #expect(unknownRecord.stderr.contains("gloss bib list"))
        #expect(try GlossProcess.run(["link", "28-44", "yuce2016"], in: folder.url).status == 64)
        #expect(try GlossProcess.run(["link", "makale:28-4400", "yuce2016"], in: folder.url).status == 65)
        #expect(try GlossProcess.run(["link", "other:1-2", "yuce2016"], in: folder.url).status == 66)

        let reject = try GlossProcess.run(["cite", "reject", "makale:52-57"], in: folder.url)
        #expect(reject.status == 0, "\(reject.stderr)")
        #expect(try annotations(folder, "makale")["rejectedCitations"] as? [String] == ["makale:52-57"])
        // Linking a rejected detection takes the rejection back; rejecting a linked one drops the link.
        #expect(try GlossProcess.run(["link", "makale:52-57", "yuce2016"], in: folder.url).stdout.contains("was rejected"))
        #expect(try annotations(folder, "makale")["rejectedCitations"] as? [String] == [])
        #expect(try GlossProcess.run(["cite", "reject", "makale:28-44"], in: folder.url).stdout.contains("link to yuce2016 is removed"))
        let final = try annotations(folder, "makale")
        #expect((final["links"] as? [[String: String]])?.map { $0["citation"] } == ["makale:52-57"])
        #expect(final["rejectedCitations"] as? [String] == ["makale:28-44"])
        // cite accept takes a rejection back, and says so when there was none.
        #expect(try GlossProcess.run(["cite", "accept", "makale:28-44"], in: folder.url).stdout.contains("accepted as a citation"))
        #expect(try annotations(folder, "makale")["rejectedCitations"] as? [String] == [])
        #expect(try GlossProcess.run(["cite", "accept", "makale:28-44"], in: folder.url).stdout.contains("not rejected"))
    }
}
