import Foundation
import Testing

@Suite("gloss cites")
struct CitesEndToEndTests {
    static let article = "Sınır açıldı (Özdemir-\n\nKantar, 2023.734). Ayrıca [8, s.229] ve Yılmaz’a göre (2020: 15) öyle.\n"

    @Test func listsCitationsInTheContractShape() throws {
        let folder = try TemporaryFolder()
        _ = try GlossProcess.run(["init"], in: folder.url)
        _ = try GlossProcess.run(["add", try folder.write("makale.txt", Self.article)], in: folder.url)
        let run = try GlossProcess.run(["cites", "--format", "jsonl"], in: folder.url)
        #expect(run.status == 0, "\(run.stderr)")
        let rows = try run.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(rows.map { $0["kind"] as? String } == ["parenthetical", "numeric", "narrative"])
        #expect(rows.map { $0["text"] as? String } == ["(Özdemir-\n\nKantar, 2023.734)", "[8, s.229]", "Yılmaz’a göre (2020: 15)"])
        let first = rows[0]
        #expect(first["source"] as? String == "makale" && first["start"] as? Int == 13 && first["end"] as? Int == 41)
        #expect(first["id"] as? String == "makale:13-41")
        let item = try #require((first["items"] as? [[String: Any]])?.first)
        #expect(item["author"] as? String == "Özdemir-Kantar" && item["locator"] as? String == "734" && item["ref"] is NSNull)

        // The second run reads the cache and says the same.
        #expect(try GlossProcess.run(["cites", "--format", "jsonl"], in: folder.url).stdout == run.stdout)
        let cache = folder.url.appendingPathComponent(".gloss-cache/citations")
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.path).count == 1)

        let text = try GlossProcess.run(["cites", "makale"], in: folder.url)
        #expect(text.stdout.contains("1:14") && text.stdout.contains("13..41") && text.stdout.contains("author Özdemir-Kantar"))
        let json = try GlossProcess.run(["cites", "--format", "json"], in: folder.url)
        #expect((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [Any])?.count == 3)
    }

    @Test func unknownSourceIsAOneLineError() throws {
        let folder = try TemporaryFolder()
        _ = try GlossProcess.run(["init"], in: folder.url)
        let run = try GlossProcess.run(["cites", "nope"], in: folder.url)
        #expect(run.status == 66)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.split(separator: "\n").count == 1 && run.stderr.contains("nope"))
    }
}
