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

    @Test func importsListsAndRefusesClashingKeys() throws {
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

        // A different record under a taken key is an error naming both; nothing is imported.
        let other = try folder.write("other.bib", "@book{fresh, title = {New}, year = 2020}\n@book{simsir2011, author = {Yüce, Ahmet}, title = {The Caucasus}, year = 2016}\n")
        let clash = try GlossProcess.run(["bib", "import", other], in: folder.url)
        #expect(clash.status == 65)
        #expect(clash.stderr.contains("key 'simsir2011' of \(other):2 is already held by a different record (\(file):1)"), "\(clash.stderr)")
        #expect(clash.stderr.contains("gloss bib rm simsir2011"))
        let text = try GlossProcess.run(["bib", "list"], in: folder.url)
        #expect(!text.stdout.contains("Yüce") && !text.stdout.contains("fresh") && text.stdout.contains("Şimşir"))

        // Removed on request; a linked record only with --force, which names the links.
        let removed = try GlossProcess.run(["bib", "rm", "nato2023"], in: folder.url)
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(!(try GlossProcess.run(["bib", "list"], in: folder.url)).stdout.contains("nato2023"))
        #expect(try GlossProcess.run(["bib", "rm", "nato2023"], in: folder.url).status == 66)
    }

    @Test func keysAreKeptAsWrittenAndExportedBack() throws {
        let folder = try TemporaryFolder()
        _ = try GlossProcess.run(["init"], in: folder.url)
        let bib = #"""
        @string{pub = {Bak{\i} Universiteti}}
        @thesis{1984-Ə, author = {Məmmədov, Əli}, title = {{Pd-N} and $\Sigma$$\Delta$ modulators}, type = {mathesis},
          institution = pub, date = {1984/1986}, langid = {azerbaijani}, shorttitle = {Pd-N},
          howpublished = {\url{https://example.org/a%20b}}, eprint = {1234.5678}, eprinttype = {arxiv}}
        """#
        let file = try folder.write("refs.bib", bib)
        let imported = try GlossProcess.run(["bib", "import", file], in: folder.url)
        #expect(imported.status == 0, "\(imported.stderr)")
        let export = try GlossProcess.run(["export", "biblatex"], in: folder.url)
        #expect(export.stdout.contains("@string{pub = {Bak{\\i} Universiteti}}"))
        #expect(export.stdout.contains("@thesis{1984-Ə,"))
        for field in ["{{Pd-N} and $\\Sigma$$\\Delta$ modulators}", "= pub", "{1984/1986}", "{mathesis}", "{azerbaijani}",
                      "{\\url{https://example.org/a%20b}}", "eprinttype", "shorttitle"] {
            #expect(export.stdout.contains(field), "\(field) missing from \(export.stdout)")
        }
        let bibtex = try GlossProcess.run(["export", "bibtex"], in: folder.url)
        #expect(bibtex.stdout.contains("@mastersthesis{1984-Ə,"), "\(bibtex.stdout)")
        #expect(bibtex.stdout.contains("school") && bibtex.stdout.contains("= 1984,"))
    }

    @Test func jsonAndEmptyFilesAreNoBibliography() throws {
        let folder = try TemporaryFolder()
        _ = try GlossProcess.run(["init"], in: folder.url)
        let json = try folder.write("refs.json", #"[{"id": "a", "type": "book", "title": "A"}]"#)
        let result = try GlossProcess.run(["bib", "import", json], in: folder.url)
        #expect(result.status == 65)
        #expect(result.stderr.contains("refs.json: no BibTeX entry found: the file is JSON"), "\(result.stderr)")
        #expect(!result.stdout.contains("imported 0"))
        let empty = try folder.write("empty.bib", "% nothing here\n")
        #expect(try GlossProcess.run(["bib", "import", empty], in: folder.url).status == 65)
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
