import Foundation
import Testing

@Suite("gloss refs")
struct RefsEndToEndTests {
    @Test func footnotesOfSeed002BecomeRecordsWithTheirCitations() throws {
        let seeds = Seeds.folder
        let folder = try TemporaryFolder()
        _ = try GlossProcess.run(["init"], in: folder.url)
        let seed = seeds.appendingPathComponent("002_ccf2ee7b6882ff5b.txt").path
        #expect(try GlossProcess.run(["add", seed], in: folder.url).status == 0)
        let result = try GlossProcess.run(["refs", "--format", "json"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        let sources = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let records = try #require(sources.first?["records"] as? [[String: Any]])
        #expect(records.count == 42)
        let yuce = try #require(records.first { ($0["record"] as? [String: Any])?["title"] as? String == "The Caucasus and the World" })
        #expect((yuce["citations"] as? [[String: Any]])?.compactMap { $0["locator"] as? String } == ["7", "59-61", "61", "4"])
        #expect((sources.first?["unresolved"] as? [Any])?.isEmpty == true)
    }

    @Test func worksAcrossSourcesAndStubs() throws {
        let folder = try TemporaryFolder()
        _ = try GlossProcess.run(["init"], in: folder.url)
        let first = try folder.write("a.txt", "Türkiye önemli bir aktördür (Zeytinci, 2025:3). Ayrıca bkz. (Zeytinci, 2025: 5).\n")
        let second = try folder.write("b.txt", "Başka bir makale de (Zeytinci, 2025: 12) aynı eseri anar.\n")
        #expect(try GlossProcess.run(["add", first, second], in: folder.url).status == 0)
        let refs = try GlossProcess.run(["refs", "a"], in: folder.url)
        #expect(refs.stdout.contains("zeytinci2025  Zeytinci 2025 · document · pages cited: 3, 5  [stub from 2 citation(s)]"))
        let works = try GlossProcess.run(["refs", "--works"], in: folder.url)
        #expect(works.status == 0)
        #expect(works.stdout.contains("    a: 2 citations (3, 5)\n    b: 1 citation (12)\n"))
    }
}
