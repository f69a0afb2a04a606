import Foundation
import Testing

@Suite("gloss claim (end to end)")
struct ClaimEndToEndTests {
    static let text = """
    Türkiye-Azerbaycan ilişkileri uluslararası sistemde özeldir (Zeytinci, 2025:3). \n\nBağımsızlığın \
    ardından Türkiye-\n\nAzerbaycan ilişkileri gelişti (Oran, 1998: 455-467). \n\nƏliyev hökuməti \
    ərazi bütövlüyünü müdafiə etdi [12, с. 45].\n
    """

    /// A workspace in a temporary folder with the source `paper`.
    func workspace() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        #expect(try GlossProcess.run(["init", "."], in: folder.url).status == 0)
        let file = try folder.write("in/paper.txt", Self.text)
        let added = try GlossProcess.run(["add", file, "--id", "paper"], in: folder.url)
        #expect(added.status == 0, "\(added.stderr)")
        return folder
    }

    func claims(in folder: TemporaryFolder) throws -> [[String: Any]] {
        let listed = try GlossProcess.run(["claim", "list", "--format", "json"], in: folder.url)
        #expect(listed.status == 0, "\(listed.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
    }

    @Test func addListShowEditRemove() throws {
        let folder = try workspace()
        // A span that is no citation is refused (exit 65), naming the nearest citation; nothing is written.
        let notCitation = try GlossProcess.run(["claim", "add", "paper", "--quote", "uluslararası sistemde özeldir", "--cite", "0-7"], in: folder.url)
        #expect(notCitation.status == 65)
        #expect(notCitation.stderr.contains("paper:0-7 is no citation; the nearest is paper:60-78 \"(Zeytinci, 2025:3)\""), "\(notCitation.stderr)")
        #expect(try claims(in: folder).isEmpty)
        let added = try GlossProcess.run(["claim", "add", "paper", "--quote", "uluslararası sistemde özeldir",
                                          "--cite", "60-78", "--tag", "diplomacy", "--note", "özgün ilişki"], in: folder.url)
        #expect(added.status == 0, "\(added.stderr)")
        let id = try #require(added.stdout.split(separator: ":").first.map(String.init))
        let listed = try GlossProcess.run(["claim", "list", "paper", "--tag", "diplomacy"], in: folder.url)
        #expect(listed.stdout.contains(id) && listed.stdout.contains("uluslararası sistemde özeldir"))
        #expect(try GlossProcess.run(["claim", "list", "--tag", "energy"], in: folder.url).stdout.isEmpty)
        let shown = try GlossProcess.run(["claim", "show", id], in: folder.url)
        #expect(shown.status == 0)
        #expect(shown.stdout.contains("paper:60-78") && shown.stdout.contains("özgün ilişki") && shown.stdout.contains("line 1"))
        let edited = try GlossProcess.run(["claim", "edit", id, "--tag", "energy", "--untag", "diplomacy", "--uncite", "60-78",
                                           "--clear-note"], in: folder.url)
        #expect(edited.status == 0, "\(edited.stderr)")
        let editNotCitation = try GlossProcess.run(["claim", "edit", id, "--cite", "60-70"], in: folder.url)
        #expect(editNotCitation.status == 65 && editNotCitation.stderr.contains("is no citation"), "\(editNotCitation.stderr)")
        let claim = try #require(try claims(in: folder).first)
        let bodies = try #require(claim["body"] as? [[String: String]])
        #expect(bodies == [["purpose": "tagging", "type": "TextualBody", "value": "energy"]])
        #expect((claim["citations"] as? [String])?.isEmpty == true)
        let removed = try GlossProcess.run(["claim", "rm", id], in: folder.url)
        #expect(removed.status == 0 && removed.stdout.contains("removed"))
        #expect(try claims(in: folder).isEmpty)
        let missing = try GlossProcess.run(["claim", "show", id], in: folder.url)
        #expect(missing.status == 66 && missing.stderr.contains("no claim '\(id)'"))
        let malformed = try GlossProcess.run(["claim", "rm", "paper:1-2"], in: folder.url)
        #expect(malformed.status == 64 && malformed.stderr.contains("not a claim id"))
    }

    @Test func quoteAcrossLineBreaksStoresTheExactText() throws {
        let folder = try workspace()
        let added = try GlossProcess.run(["claim", "add", "paper", "--quote", "Bağımsızlığın ardından Türkiye-Azerbaycan ilişkileri gelişti"], in: folder.url)
        #expect(added.status == 0, "\(added.stderr)")
        let claim = try #require(try claims(in: folder).first)
        let target = try #require(claim["target"] as? [String: Any])
        let selectors = try #require(target["selector"] as? [[String: Any]])
        #expect(selectors[1]["exact"] as? String == "Bağımsızlığın ardından Türkiye-\n\nAzerbaycan ilişkileri gelişti")
    }

    @Test func ambiguousAndMissingQuotesAreErrors() throws {
        let folder = try workspace()
        let ambiguous = try GlossProcess.run(["claim", "add", "paper", "--quote", "Türkiye-Azerbaycan ilişkileri"], in: folder.url)
        #expect(ambiguous.status == 64)
        #expect(ambiguous.stderr.contains("occurs 2 times") && ambiguous.stderr.contains("line 1") && ambiguous.stderr.contains("line 3"))
        let second = try GlossProcess.run(["claim", "add", "paper", "--quote", "Türkiye-Azerbaycan ilişkileri", "--occurrence", "2"], in: folder.url)
        #expect(second.status == 0, "\(second.stderr)")
        let missing = try GlossProcess.run(["claim", "add", "paper", "--quote", "Aliyev hökuməti ərazi bütövlüyünü"], in: folder.url)
        #expect(missing.status == 65)
        #expect(missing.stderr.contains("closest") && missing.stderr.contains("Əliyev hökuməti"))
        #expect(try claims(in: folder).count == 1)
        let both = try GlossProcess.run(["claim", "add", "paper", "--quote", "x", "--span", "1..2"], in: folder.url)
        #expect(both.status == 64)
    }

    @Test func concurrentAddsKeepEveryClaim() throws {
        let folder = try workspace()
        let count = 8
        let running = try (0..<count).map { index in
            // Half of them claim the same span: each still gets its own id.
            let start = index % 2 == 0 ? 0 : index * 5
            return try GlossProcess.start(["claim", "add", "paper", "--span", "\(start)..\(start + 4)", "--tag", "t\(index)"], in: folder.url)
        }
        let results = running.map { GlossProcess.finish($0.0, $0.1, $0.2) }
        #expect(results.allSatisfy { $0.status == 0 }, "\(results.map(\.stderr))")
        let stored = try claims(in: folder)
        #expect(stored.count == count)
        #expect(Set(stored.compactMap { $0["id"] as? String }).count == count)
    }

    @Test func reviseCarriesClaimsAndPrintsTheSummary() throws {
        let folder = try TemporaryFolder()
        _ = try GlossProcess.run(["init", "."], in: folder.url)
        let seed = Seeds.folder.appendingPathComponent("000_f9abcd99e54dd106.txt")
        #expect(try GlossProcess.run(["add", seed.path, "--id", "tr"], in: folder.url).status == 0)
        for quote in ["In this study we resaerched dşfferent character", "Azerbaycan ile Türkiye arasında var olan bağlar çok kuvvetlidir."] {
            let added = try GlossProcess.run(["claim", "add", "tr", "--quote", quote], in: folder.url)
            #expect(added.status == 0, "\(added.stderr)")
        }
        let original = try String(contentsOf: seed, encoding: .utf8)
        let revised = original.replacingOccurrences(of: "resaerched dşfferent", with: "researched different")
            .replacingOccurrences(of: "GİRİŞ: Amaç", with: "Yeni paragraf. \n\nGİRİŞ: Amaç")
        let file = try folder.write("v2.txt", revised)
        let result = try GlossProcess.run(["add", "--revise", "tr", file], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("stored revision 2"))
        #expect(result.stdout.contains("2 claims: 0 kept, 2 moved, 0 need review, 0 orphaned"))
        let statuses = try claims(in: folder).compactMap { $0["status"] as? String }
        #expect(statuses == ["moved", "moved"])
        let moved = try GlossProcess.run(["claim", "list", "--status", "moved"], in: folder.url)
        #expect(moved.stdout.split(separator: "\n").count == 3)
        #expect(try GlossProcess.run(["claim", "list", "--status", "orphaned"], in: folder.url).stdout.isEmpty)
    }
}
