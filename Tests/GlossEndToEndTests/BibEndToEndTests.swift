import Foundation
import Testing

@Suite("gloss bib import, bib list")
struct BibEndToEndTests {
    static let bib = #"""
    @article{simsir2011,
      author = {{\c{S}}im{\c{s}}ir, Bilal N.},
      title = {Azerbaycan},
      journal = {Bilgi}, year = 2011,
    }
    @book{broken,
      title = {Never closed
    @online{nato2023, author = {{NATO}}, title = {Partnership for Peace}, url = {https://www.nato.int/}, urldate = {2023-07-21}}
    """#

    @Test func importsListsAndKeepsClashingKeys() throws {
        let folder = try TemporaryFolder()
        _ = try GlossProcess.run(["init"], in: folder.url)
        let file = try folder.write("refs.bib", Self.bib)
        let first = try GlossProcess.run(["bib", "import", file], in: folder.url)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("imported 2 records, 1 skipped"))
        #expect(first.stderr.contains("refs.bib:6: skipped:"))

        let list = try GlossProcess.run(["bib", "list", "--format", "json"], in: folder.url)
        let records = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(records.map { $0["id"] as? String } == ["nato2023", "simsir2011"])
        let simsir = records[1]
        #expect((simsir["author"] as? [[String: String]])?.first?["family"] == "Şimşir")
        #expect((records[0]["author"] as? [[String: String]])?.first?["literal"] == "NATO")

        // The same file again: nothing new, nothing lost.
        let again = try GlossProcess.run(["bib", "import", file], in: folder.url)
        #expect(again.stdout.contains("imported 0 records, 2 already in the library"))

        // A different record under a taken key is kept beside the old one.
        let other = try folder.write("other.bib", "@book{simsir2011, author = {Yüce, Ahmet}, title = {The Caucasus}, year = 2016}\n")
        let clash = try GlossProcess.run(["bib", "import", other], in: folder.url)
        #expect(clash.status == 0)
        #expect(clash.stderr.contains("'simsir2011-2'"))
        let text = try GlossProcess.run(["bib", "list"], in: folder.url)
        #expect(text.stdout.contains("simsir2011-2") && text.stdout.contains("Yüce") && text.stdout.contains("Şimşir"))
    }

    @Test func badInputChangesNothing() throws {
        let folder = try TemporaryFolder()
        _ = try GlossProcess.run(["init"], in: folder.url)
        let missing = try GlossProcess.run(["bib", "import", "nope.bib"], in: folder.url)
        #expect(missing.status == 66)
        let bad = try folder.write("bad.bib", "@article{a, title = {open\n")
        let result = try GlossProcess.run(["bib", "import", bad], in: folder.url)
        #expect(result.status == 65)
        #expect(result.stderr.contains("bad.bib:1:"))
        let invalid = try folder.write("latin1.bib", [0x40, 0x62, 0x6F, 0x6F, 0x6B, 0x7B, 0x61, 0x2C, 0x20, 0xFE, 0x7D])
        #expect(try GlossProcess.run(["bib", "import", invalid], in: folder.url).status == 65)
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("annotations/library.json").path))
    }
}
