import Foundation
import Testing

@Suite("gloss init, add, sources, show")
struct SourcesEndToEndTests {
    @Test func aResearcherImportsAndReadsATextBack() throws {
        let folder = try TemporaryFolder()
        #expect(try GlossProcess.run(["init"], in: folder.url).status == 0)
        let article = try folder.write("Makale Özsoy.txt", "Deveci Bozkuş’a göre\r\n\r\n(2021: 57-58) İlham ə Москва.\r\n")
        let add = try GlossProcess.run(["add", article, "--title", "Askerî Boyut", "--author", "Bahar Özsoy", "--year", "2023", "--lang", "tr"], in: folder.url)
        #expect(add.status == 0, "\(add.stderr)")
        #expect(add.stdout.contains("makale-ozsoy"))

        let list = try GlossProcess.run(["sources", "--format", "json"], in: folder.url)
        let sources = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(sources.count == 1)
        #expect(sources[0]["id"] as? String == "makale-ozsoy")
        #expect(sources[0]["title"] as? String == "Askerî Boyut")
        #expect(sources[0]["length"] as? Int == 52)
        #expect(sources[0]["offsetUnit"] as? String == "unicode-scalar")

        let text = try GlossProcess.run(["sources"], in: folder.url)
        #expect(text.stdout.contains("makale-ozsoy") && text.stdout.contains("Askerî Boyut"))

        // A span in code points, across the normalised line break.
        let span = try GlossProcess.run(["show", "makale-ozsoy", "--span", "22..35"], in: folder.url)
        #expect(span.stdout == "(2021: 57-58)\n")
        let word = try GlossProcess.run(["show", "makale-ozsoy", "--span", "36..41"], in: folder.url)
        #expect(word.stdout == "İlham\n")
    }

    @Test func commandsFindTheWorkspaceFromASubfolderOrTheEnvironment() throws {
        let folder = try TemporaryFolder()
        _ = try GlossProcess.run(["init", "ws"], in: folder.url)
        let nested = folder.url.appendingPathComponent("ws/notes")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        let text = try folder.write("a.txt", "metin\n")
        #expect(try GlossProcess.run(["add", text], in: nested).status == 0)
        let viaEnvironment = try GlossProcess.run(["sources"], in: folder.url,
                                                  environment: ["GLOSS_WORKSPACE": folder.url.appendingPathComponent("ws").path])
        #expect(viaEnvironment.stdout.contains("a "))
        let viaOption = try GlossProcess.run(["show", "a", "--workspace", "ws"], in: folder.url)
        #expect(viaOption.stdout == "metin\n")
    }

    @Test func errorsAreOneLineWithTheRightExitStatus() throws {
        let folder = try TemporaryFolder()
        let outside = try GlossProcess.run(["sources"], in: folder.url)
        #expect(outside.status == 66)
        #expect(outside.stderr.contains("gloss init"))

        _ = try GlossProcess.run(["init"], in: folder.url)
        let bad = try folder.write("latin1.txt", [0x47, 0xFC, 0x6C])
        let cases: [([String], Int32, String)] = [
            (["add", bad], 65, "not valid UTF-8 at byte 1"),
            (["add", try folder.write("b.bin", [0x7F, 0x45, 0x4C, 0x46, 0x00])], 65, "binary"),
            (["add", try folder.write("empty.txt", [])], 65, "empty"),
            (["add", "missing.txt"], 66, "missing.txt: no such file"),
            (["add", try folder.write("ok.txt", "ok\n"), "--id", "../escape"], 64, "outside sources/"),
            (["add", try folder.write("ok2.txt", "ok\n"), "--id", "Upper"], 64, "not allowed"),
            (["show", "nope"], 66, "no source 'nope'"),
            (["add", "--lang", "Turkish", try folder.write("ok3.txt", "ok\n")], 64, "not a language tag"),
        ]
        for (arguments, status, message) in cases {
            let result = try GlossProcess.run(arguments, in: folder.url)
            #expect(result.status == status, "\(arguments)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(arguments): \(result.stderr)")
        }
        _ = try GlossProcess.run(["add", try folder.write("ok4.txt", "one two\n")], in: folder.url)
        let outOfRange = try GlossProcess.run(["show", "ok4", "--span", "3..99"], in: folder.url)
        #expect(outOfRange.status == 65)
        #expect(outOfRange.stderr.contains("outside the text, which has 8 code points"))
        let duplicate = try GlossProcess.run(["add", try folder.write("x/ok4.txt", "other\n")], in: folder.url)
        #expect(duplicate.status == 65)
        #expect(duplicate.stderr.contains("already exists"))
        // Nothing was written for any refused file.
        let stored = try FileManager.default.contentsOfDirectory(atPath: folder.url.appendingPathComponent("sources").path).sorted()
        #expect(stored == ["ok4.json", "ok4.txt"])
    }

    @Test func revisionsAreStoredAndReadable() throws {
        let folder = try TemporaryFolder()
        _ = try GlossProcess.run(["init"], in: folder.url)
        _ = try GlossProcess.run(["add", try folder.write("paper.txt", "(Zeytinci, 2025.4)\n")], in: folder.url)
        let revise = try GlossProcess.run(["add", "--revise", "paper", try folder.write("new.txt", "(Zeytinci, 2025:4)\n")], in: folder.url)
        #expect(revise.status == 0)
        #expect(revise.stdout.contains("revision 2"))
        #expect(try GlossProcess.run(["show", "paper"], in: folder.url).stdout == "(Zeytinci, 2025:4)\n")
        #expect(try GlossProcess.run(["show", "paper", "--revision", "1"], in: folder.url).stdout == "(Zeytinci, 2025.4)\n")
        let missing = try GlossProcess.run(["show", "paper", "--revision", "7"], in: folder.url)
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("revisions are 1 to 2"))
    }

    @Test func twoConcurrentAddsBothLand() throws {
        let folder = try TemporaryFolder()
        _ = try GlossProcess.run(["init"], in: folder.url)
        let files = try (0..<6).map { try folder.write("text\($0).txt", String(repeating: "satır \($0)\n", count: 2000)) }
        let running = try files.map { try GlossProcess.start(["add", $0], in: folder.url) }
        for (process, out, err) in running {
            #expect(GlossProcess.finish(process, out, err).status == 0)
        }
        let list = try GlossProcess.run(["sources", "--format", "json"], in: folder.url)
        let sources = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(sources.count == 6)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.url.appendingPathComponent("sources").path)
            .filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }

    @Test func seedsImportByteIdentical() throws {
        let folder = try TemporaryFolder()
        _ = try GlossProcess.run(["init"], in: folder.url)
        let seeds = try FileManager.default.contentsOfDirectory(atPath: Seeds.folder.path).filter { $0.hasSuffix(".txt") }.sorted()
        let add = try GlossProcess.run(["add"] + seeds.map { Seeds.folder.appendingPathComponent($0).path }, in: folder.url)
        #expect(add.status == 0, "\(add.stderr)")
        for name in seeds {
            let original = try Data(contentsOf: Seeds.folder.appendingPathComponent(name))
            let stored = try Data(contentsOf: folder.url.appendingPathComponent("sources/\(name)"))
            #expect(stored == original, "\(name)")
        }
    }
}
