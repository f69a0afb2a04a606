import Foundation
import Testing

/// What a new user meets in the first hour: wrong calls answered in one line with a suggestion,
/// one span form everywhere, `--workspace` before or after the subcommand, and a workspace that
/// git ignores the cache of.
@Suite("The command line as a new user meets it")
struct CommandLineEndToEndTests {
    @Test(arguments: [
        (["chek"], "unknown command 'gloss chek'; did you mean 'gloss check'?"),
        (["sorces"], "unknown command 'gloss sorces'; did you mean 'gloss sources'?"),
        (["claim", "ad"], "unknown command 'gloss claim ad'; did you mean 'gloss claim add'?"),
        (["help", "nosuch"], "unknown command 'gloss nosuch'; see 'gloss --help'"),
        (["help", "claim", "lst"], "did you mean 'gloss claim list'?"),
        (["show"], "Missing expected argument '<id>' (see 'gloss show --help')"),
        (["claim", "add", "x", "--quote", "a", "--span", "1..2"], "(see 'gloss claim add --help')"),
    ])
    func wrongCallsAreOneLineWithStatus64(arguments: [String], message: String) throws {
        let folder = try TemporaryFolder()
        let result = try GlossProcess.run(arguments, in: folder.url)
        #expect(result.status == 64, "\(arguments)")
        #expect(result.stderr.hasPrefix("gloss: error: "), "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func helpForARealCommandStillWorks() throws {
        let folder = try TemporaryFolder()
        let help = try GlossProcess.run(["help", "claim", "add"], in: folder.url)
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE: gloss claim add"))
        // The folder's default is said once, not twice.
        let initHelp = try GlossProcess.run(["init", "--help"], in: folder.url)
        #expect(initHelp.stdout.components(separatedBy: "default").count - 1 == 1, "\(initHelp.stdout)")
    }

    @Test func completionScriptsArePrinted() throws {
        let folder = try TemporaryFolder()
        let bash = try GlossProcess.run(["--generate-completion-script", "bash"], in: folder.url)
        #expect(bash.status == 0)
        #expect(bash.stdout.contains("complete") && bash.stdout.contains("gloss"))
    }

    @Test func initMakesGitIgnoreTheCache() throws {
        let folder = try TemporaryFolder()
        #expect(try GlossProcess.run(["init", "thesis"], in: folder.url).status == 0)
        let ignore = folder.url.appendingPathComponent("thesis/.gitignore")
        #expect(try String(contentsOf: ignore, encoding: .utf8) == ".gloss-cache/\n")
        // A .gitignore of the user's own keeps its lines and gains the rule once.
        try "*.pdf".write(to: folder.url.appendingPathComponent("mine/.gitignore", isDirectory: false).creatingFolder(), atomically: true, encoding: .utf8)
        #expect(try GlossProcess.run(["init", "mine"], in: folder.url).status == 0)
        #expect(try GlossProcess.run(["init", "mine"], in: folder.url).status == 0)
        #expect(try String(contentsOf: folder.url.appendingPathComponent("mine/.gitignore"), encoding: .utf8) == "*.pdf\n.gloss-cache/\n")
    }

    @Test func workspaceOptionGoesBeforeOrAfterTheSubcommand() throws {
        let folder = try TemporaryFolder()
        _ = try GlossProcess.run(["init", "ws"], in: folder.url)
        _ = try GlossProcess.run(["add", try folder.write("notes.txt", "metin (Smith, 2020)\n"), "--workspace", "ws"], in: folder.url)
        for arguments in [["--workspace", "ws", "sources"], ["sources", "--workspace", "ws"], ["--workspace=ws", "sources"],
                          ["--workspace", "ws", "claim", "list"], ["claim", "--workspace", "ws", "list"]] {
            let result = try GlossProcess.run(arguments, in: folder.url)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        #expect(try GlossProcess.run(["--workspace", "ws", "sources"], in: folder.url).stdout.contains("notes"))
    }

    /// Spans are read as `START..END` and as `START-END` (the form of citation ids) alike, and a
    /// slice ends with a newline.
    @Test func spansTakeBothFormsAndSlicesEndALine() throws {
        let folder = try TemporaryFolder()
        _ = try GlossProcess.run(["init"], in: folder.url)
        #expect(try GlossProcess.run(["add", Seeds.folder.appendingPathComponent("003_aa1cca43322b1ae7.txt").path, "--id", "tr"], in: folder.url).status == 0)
        let cites = try GlossProcess.run(["cites", "tr", "--format", "jsonl"], in: folder.url)
        let line = try #require(cites.stdout.split(separator: "\n").first)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let (start, end, text) = (try #require(first["start"] as? Int), try #require(first["end"] as? Int), try #require(first["text"] as? String))
        for span in ["\(start)..\(end)", "\(start)-\(end)"] {
            let shown = try GlossProcess.run(["show", "tr", "--span", span], in: folder.url)
            #expect(shown.status == 0, "\(shown.stderr)")
            #expect(shown.stdout == text + "\n")
        }
        let added = try GlossProcess.run(["claim", "add", "tr", "--span", "\(start - 40)-\(end)", "--cite", "tr:\(start)..\(end)"], in: folder.url)
        #expect(added.status == 0, "\(added.stderr)")
        let claim = String(try #require(added.stdout.split(separator: ":").first))
        let edited = try GlossProcess.run(["claim", "edit", claim, "--span", "\(start - 30)-\(end)"], in: folder.url)
        #expect(edited.status == 0, "\(edited.stderr)")
        #expect(edited.stdout.contains("\(start - 30)..\(end)"))
        let bad = try GlossProcess.run(["show", "tr", "--span", "\(start)—\(end)"], in: folder.url)
        #expect(bad.status == 64 && bad.stderr.contains("START..END or START-END"))
    }
}

private extension URL {
    /// This file URL, after its folder is made.
    func creatingFolder() throws -> URL {
        try FileManager.default.createDirectory(at: deletingLastPathComponent(), withIntermediateDirectories: true)
        return self
    }
}
