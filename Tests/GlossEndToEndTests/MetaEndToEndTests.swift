import Foundation
import Testing

@Suite("gloss meta")
struct MetaEndToEndTests {
    @Test func editsOneSourceAndNotItsText() throws {
        let folder = try TemporaryFolder()
        _ = try GlossProcess.run(["init"], in: folder.url)
        let a = try folder.write("a.txt", "Birinci metin (Yüce, 2016: 7).\n")
        let b = try folder.write("b.txt", "İkinci metin.\n")
        #expect(try GlossProcess.run(["add", a, b, "--title", "Ortak"], in: folder.url).status == 0)
        let before = try Data(contentsOf: folder.url.appendingPathComponent("sources/a.json"))

        let edit = try GlossProcess.run(["meta", "b", "--title", "İkinci Makale", "--author", "Deveci Bozkuş", "--year", "2021", "--lang", "tr"], in: folder.url)
        #expect(edit.status == 0, "\(edit.stderr)")
        #expect(edit.stdout == "b: İkinci Makale · Deveci Bozkuş · 2021 · tr\n")
        let sources = try GlossProcess.run(["sources", "--format", "json"], in: folder.url)
        let list = try #require(try JSONSerialization.jsonObject(with: Data(sources.stdout.utf8)) as? [[String: Any]])
        #expect(list.map { $0["title"] as? String } == ["Ortak", "İkinci Makale"])
        #expect(try Data(contentsOf: folder.url.appendingPathComponent("sources/a.json")) == before)

        #expect(try GlossProcess.run(["meta", "b"], in: folder.url).status == 64)
        #expect(try GlossProcess.run(["meta", "nope", "--title", "X"], in: folder.url).status == 66)
    }
}
