import Foundation
import Testing

@Suite("gloss claim suggest and --cite nearest")
struct ClaimSuggestEndToEndTests {
    private let text = """
    Türkiye, Azerbaycan’ın bağımsızlığını ilk tanıyan ülke olmuştur (Zeytinci, 2025:3). Bu durum ilişkilerin \
    temelini oluşturmuştur. Deveci Bozkuş’a göre (2021: 57-58) iki ülke arasındaki askerî iş birliği 2010’dan \
    sonra hızlanmıştır.

    """

    @Test func suggestionsAreTheSentencesCitationsClose() throws {
        let folder = try TemporaryFolder()
        _ = try GlossProcess.run(["init"], in: folder.url)
        _ = try GlossProcess.run(["add", try folder.write("paper.txt", text)], in: folder.url)
        let listed = try GlossProcess.run(["claim", "suggest", "paper", "--format", "json"], in: folder.url)
        #expect(listed.status == 0, "\(listed.stderr)")
        let suggestions = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        #expect(suggestions.map { $0["text"] as? String } == [
            "Türkiye, Azerbaycan’ın bağımsızlığını ilk tanıyan ülke olmuştur (Zeytinci, 2025:3).",
            "Deveci Bozkuş’a göre (2021: 57-58) iki ülke arasındaki askerî iş birliği 2010’dan sonra hızlanmıştır.",
        ])
        #expect(suggestions.first?["citations"] as? [String] == ["paper:64-82"])
        // Nothing is stored until --accept.
        #expect(try GlossProcess.run(["claim", "list"], in: folder.url).stdout.split(separator: "\n").count <= 1)

        let accepted = try GlossProcess.run(["claim", "suggest", "paper", "--accept", "--tag", "diplomacy"], in: folder.url)
        #expect(accepted.status == 0, "\(accepted.stderr)")
        let claims = try GlossProcess.run(["claim", "list", "--format", "json"], in: folder.url)
        let stored = try #require(try JSONSerialization.jsonObject(with: Data(claims.stdout.utf8)) as? [[String: Any]])
        #expect(stored.count == 2)
        // Accepting again adds nothing: the sentences are claimed.
        #expect(try GlossProcess.run(["claim", "suggest", "paper", "--accept"], in: folder.url).stdout == "no new claims\n")
    }

    @Test func citeNearestLinksTheCitationEndingTheSentence() throws {
        let folder = try TemporaryFolder()
        _ = try GlossProcess.run(["init"], in: folder.url)
        _ = try GlossProcess.run(["add", try folder.write("paper.txt", text)], in: folder.url)
        let add = try GlossProcess.run(["claim", "add", "paper", "--quote", "ilk tanıyan ülke olmuştur", "--cite", "nearest"], in: folder.url)
        #expect(add.status == 0, "\(add.stderr)")
        let claimID = String(add.stdout.prefix { $0 != ":" })
        let shown = try GlossProcess.run(["claim", "show", claimID], in: folder.url)
        #expect(shown.stdout.contains("citations  paper:64-82"))
        let none = try GlossProcess.run(["claim", "add", "paper", "--quote", "Bu durum ilişkilerin temelini oluşturmuştur.", "--cite", "nearest"], in: folder.url)
        #expect(none.status != 0)
    }

    @Test func claimsAreFoundByTheWorkTheyCite() throws {
        let folder = try TemporaryFolder()
        _ = try GlossProcess.run(["init"], in: folder.url)
        _ = try GlossProcess.run(["add", try folder.write("paper.txt", text)], in: folder.url)
        _ = try GlossProcess.run(["claim", "suggest", "paper", "--accept"], in: folder.url)
        // The source has no reference list: Zeytinci 2025 is a stub record made from its citation.
        let listed = try GlossProcess.run(["claim", "list", "--cited-work", "zeytinci2025", "--format", "json"], in: folder.url)
        #expect(listed.status == 0, "\(listed.stderr)")
        let claims = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        #expect(claims.count == 1)
        let unknown = try GlossProcess.run(["claim", "list", "--cited-work", "smith2020"], in: folder.url)
        #expect(unknown.status == 66)
        #expect(unknown.stderr.contains("no record 'smith2020'"))
    }
}
