import Foundation
import Testing

@Suite("gloss check")
struct CheckEndToEndTests {
    /// A workspace with one source and one claim that cites nothing (a warning).
    private func workspaceWithUncitedClaim() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        _ = try GlossProcess.run(["init"], in: folder.url)
        _ = try GlossProcess.run(["add", try folder.write("paper.txt", "Başlık\nSavaş 44 gün sürdü.\n")], in: folder.url)
        try folder.write("annotations/paper.json", """
        {"source": "paper", "claims": [{"id": "c1", "revision": "x",
          "target": {"source": "paper", "selector": [
            {"type": "TextPositionSelector", "start": 7, "end": 26},
            {"type": "TextQuoteSelector", "exact": "Savaş 44 gün sürdü.", "prefix": "Başlık\\n", "suffix": "\\n"}]},
          "body": [{"type": "TextualBody", "purpose": "tagging", "value": "military"}],
          "citations": [], "created": "2026-01-01T00:00:00Z",
          "modified": "2026-01-01T00:00:00Z", "status": "anchored"}]}
        """)
        return folder
    }

    @Test func exitStatusFollowsFailOn() throws {
        let folder = try workspaceWithUncitedClaim()
        let defaultRun = try GlossProcess.run(["check"], in: folder.url)
        #expect(defaultRun.status == 0, "\(defaultRun.stderr)")
        #expect(defaultRun.stdout.contains("2:1 warning [claim-without-citation@7-26] claim c1 cites nothing"))
        #expect(defaultRun.stdout.hasSuffix("0 errors, 1 warning, 0 info in 1 source\n"))
        #expect(try GlossProcess.run(["check", "--fail-on", "warning"], in: folder.url).status == 1)
        #expect(try GlossProcess.run(["check", "--fail-on", "warning", "--ignore", "claim-without-citation"], in: folder.url).status == 0)
        let json = try GlossProcess.run(["check", "--format", "json"], in: folder.url)
        let findings = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(findings.first?["rule"] as? String == "claim-without-citation")
        #expect((findings.first?["span"] as? [String: Int])?["start"] == 7)
    }

    @Test func acceptedFindingsStayQuiet() throws {
        let folder = try workspaceWithUncitedClaim()
        let wrong = try GlossProcess.run(["check", "paper", "--accept", "claim-without-citation@1-2", "--note", "x"], in: folder.url)
        #expect(wrong.status == 64)
        #expect(wrong.stderr.contains("has no finding claim-without-citation@1-2"))
        let accept = try GlossProcess.run(["check", "paper", "--accept", "claim-without-citation@7-26", "--note", "the author's own conclusion"], in: folder.url)
        #expect(accept.status == 0, "\(accept.stderr)")
        let after = try GlossProcess.run(["check", "--fail-on", "warning"], in: folder.url)
        #expect(after.status == 0)
        #expect(after.stdout.contains("0 warnings"))
        let stored = try String(contentsOf: folder.url.appendingPathComponent("annotations/paper.json"), encoding: .utf8)
        #expect(stored.contains("the author's own conclusion"))
        #expect(stored.contains("\"military\""))
    }

    @Test func aTamperedTextIsAnError() throws {
        let folder = try workspaceWithUncitedClaim()
        try folder.write("sources/paper.txt", "Başlık\nSavaş 45 gün sürdü.\n")
        let run = try GlossProcess.run(["check"], in: folder.url)
        #expect(run.status == 1)
        #expect(run.stdout.contains("error [text-damaged]"))
    }
}
