import Foundation
import Testing

@Suite("gloss rm (end to end)")
struct RemoveEndToEndTests {
    static let text = "Türkiye-Azerbaycan ilişkileri uluslararası sistemde özeldir (Zeytinci, 2025:3).\n"

    @Test func refusedWhileClaimsRestOnItThenForced() throws {
        let folder = try TemporaryFolder()
        #expect(try GlossProcess.run(["init", "."], in: folder.url).status == 0)
        for id in ["paper", "other"] {
            let added = try GlossProcess.run(["add", try folder.write("in/\(id).txt", Self.text), "--id", id], in: folder.url)
            #expect(added.status == 0, "\(added.stderr)")
        }
        #expect(try GlossProcess.run(["add", try folder.write("in/paper2.txt", Self.text + "Yeni.\n"), "--revise", "paper"], in: folder.url).status == 0)
        let claim = try GlossProcess.run(["claim", "add", "paper", "--quote", "uluslararası sistemde özeldir", "--cite", "nearest"], in: folder.url)
        #expect(claim.status == 0, "\(claim.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.url.appendingPathComponent("sources").path).sorted()

        let refused = try GlossProcess.run(["rm", "paper"], in: folder.url)
        #expect(refused.status == 65)
        #expect(refused.stderr == "gloss: error: source 'paper' has 1 claim; 'gloss rm --force paper' removes them with it\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.appendingPathComponent("sources").path).sorted() == files)

        let forced = try GlossProcess.run(["rm", "--force", "paper"], in: folder.url)
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(forced.stdout == "removed source 'paper' (2 revisions, 1 claim)\n")
        #expect(forced.stderr.contains("removed claim c"))
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.url.appendingPathComponent("sources").path).sorted()
        #expect(left == ["other.json", "other.txt"])
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("annotations/paper.json").path))
        #expect(!(try GlossProcess.run(["sources"], in: folder.url).stdout.contains("paper")))
        let checked = try GlossProcess.run(["check"], in: folder.url)
        #expect(checked.status == 0, "\(checked.stdout)\(checked.stderr)")
        #expect(try GlossProcess.run(["claim", "list"], in: folder.url).stdout.isEmpty)

        // A source nothing rests on goes without --force; an unknown one is a one-line error.
        let plain = try GlossProcess.run(["rm", "other"], in: folder.url)
        #expect(plain.status == 0 && plain.stdout == "removed source 'other' (1 revision)\n", "\(plain.stderr)")
        let unknown = try GlossProcess.run(["rm", "other"], in: folder.url)
        #expect(unknown.status == 66 && unknown.stderr == "gloss: error: no source 'other' in this workspace; 'gloss sources' lists them\n")
    }
}
