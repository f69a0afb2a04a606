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

/// `gloss check` with its per-source cache, on copies of the seed articles.
@Suite("gloss check cache")
struct CheckCacheEndToEndTests {
    /// A workspace of the five seeds, each under `copies` ids.
    static func seedWorkspace(copies: Int) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        _ = try GlossProcess.run(["init"], in: folder.url)
        var files: [String] = []
        for copy in 1...copies {
            for name in try FileManager.default.contentsOfDirectory(atPath: Seeds.folder.path).sorted() where name.hasSuffix(".txt") {
                let text = try Data(contentsOf: Seeds.folder.appendingPathComponent(name))
                files.append(try folder.write("in/c\(copy)-\(name)", [UInt8](text)))
            }
        }
        let add = try GlossProcess.run(["add"] + files, in: folder.url)
        try #require(add.status == 0, "\(add.stderr)")
        return folder
    }

    static func entries(_ folder: TemporaryFolder) throws -> [String] {
        let cache = folder.url.appendingPathComponent(".gloss-cache/checks")
        return ((try? FileManager.default.contentsOfDirectory(atPath: cache.path)) ?? []).sorted()
    }

    /// A warm run says exactly what the cold run said, in source order, from one entry a source;
    /// what a change touches is worked out again, the rest is not.
    @Test func warmRunSaysWhatTheColdRunSaid() throws {
        let folder = try Self.seedWorkspace(copies: 3)
        let cold = try GlossProcess.run(["check", "--fail-on", "never", "--format", "json"], in: folder.url)
        #expect(cold.status == 0, "\(cold.stderr)")
        let entries = try Self.entries(folder)
        #expect(entries.count == 15)
        let warm = try GlossProcess.run(["check", "--fail-on", "never", "--format", "json"], in: folder.url)
        #expect(warm.stdout == cold.stdout)
        #expect(try Self.entries(folder) == entries)
        let findings = try #require(try JSONSerialization.jsonObject(with: Data(cold.stdout.utf8)) as? [[String: Any]])
        let sources = findings.compactMap { $0["source"] as? String }
        #expect(sources == sources.sorted())
        #expect(Set(sources).count >= 6)
        // The text report of a warm run is that of a cold one too.
        let text = try GlossProcess.run(["check", "--fail-on", "never"], in: folder.url)
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent(".gloss-cache"))
        #expect(try GlossProcess.run(["check", "--fail-on", "never"], in: folder.url).stdout == text.stdout)
        #expect(text.stdout.contains("c2-001_cc601ad832c95fda\n  211:64 error [malformed-citation@8766-8801]"))

        // Accepting a finding changes that source's annotations: one entry more, the rest kept.
        let accept = try GlossProcess.run(["check", "c2-001_cc601ad832c95fda", "--accept", "malformed-citation@8766-8801", "--note", "as printed"],
                                          in: folder.url)
        #expect(accept.status == 0, "\(accept.stderr)")
        let after = try GlossProcess.run(["check", "--fail-on", "never"], in: folder.url)
        #expect(!after.stdout.contains("c2-001_cc601ad832c95fda\n  211:64 error"))
        #expect(after.stdout.contains("c3-001_cc601ad832c95fda\n  211:64 error [malformed-citation@8766-8801]"))
        #expect(try Self.entries(folder).count == 16)
    }

    /// The library is part of every source's key: importing into it is seen by every source.
    @Test func aLibraryChangeIsSeen() throws {
        let folder = try Self.seedWorkspace(copies: 1)
        let before = try GlossProcess.run(["check", "--fail-on", "never"], in: folder.url)
        #expect(!before.stdout.contains("duplicate-record"))
        let bib = """
        @book{a, title = {One Book About Borders}, author = {Zeytinci, Ali}, year = {2025}, doi = {10.1/x}}
        @book{b, title = {One Book About Borders Again}, author = {Zeytinci, Ali}, year = {2025}, doi = {10.1/X}}
        """
        let imported = try GlossProcess.run(["bib", "import", try folder.write("refs.bib", bib)], in: folder.url)
        #expect(imported.status == 0, "\(imported.stderr)")
        let after = try GlossProcess.run(["check", "--fail-on", "never"], in: folder.url)
        #expect(after.stdout.contains("duplicate-record"))
        #expect(try Self.entries(folder).count == 10)
    }

    /// An entry edited in place, at the same size, is made again, never trusted.
    @Test func anEntryEditedInPlaceIsNotTrusted() throws {
        let folder = try Self.seedWorkspace(copies: 1)
        let cold = try GlossProcess.run(["check", "--fail-on", "never", "--format", "json"], in: folder.url)
        #expect(cold.stdout.contains("malformed-citation"))
        for name in try Self.entries(folder) {
            let file = folder.url.appendingPathComponent(".gloss-cache/checks/\(name)")
            let text = try String(contentsOf: file, encoding: .utf8)
            try text.replacingOccurrences(of: "malformed-citation", with: "malformed-citatioN").write(to: file, atomically: false, encoding: .utf8)
        }
        let warm = try GlossProcess.run(["check", "--fail-on", "never", "--format", "json"], in: folder.url)
        #expect(warm.stdout == cold.stdout)
    }

    /// A text damaged after a run is an error on the next, whatever the cache holds.
    @Test func aTextDamagedAfterAWarmRunIsStillFound() throws {
        let folder = try Self.seedWorkspace(copies: 1)
        #expect(try GlossProcess.run(["check", "--fail-on", "never"], in: folder.url).status == 0)
        let file = folder.url.appendingPathComponent("sources/c1-003_aa1cca43322b1ae7.txt")
        var bytes = [UInt8](try Data(contentsOf: file))
        bytes[100] = bytes[100] == UInt8(ascii: "a") ? UInt8(ascii: "b") : UInt8(ascii: "a")
        try Data(bytes).write(to: file)
        let run = try GlossProcess.run(["check"], in: folder.url)
        #expect(run.status == 1)
        #expect(run.stdout.contains("c1-003_aa1cca43322b1ae7\n  error [text-damaged]"), "\(run.stdout)")
    }
}

/// The progress bar of `gloss check`: on a terminal only, never with --quiet, plain with NO_COLOR.
@Suite("gloss check progress")
struct CheckProgressEndToEndTests {
    /// `script` (util-linux) gives the command a terminal.
    static let script = GlossProcess.tool("script")

    /// What `gloss check` writes to a terminal (stdout and stderr together), with `environment`.
    static func onTerminal(_ arguments: String, in folder: URL, environment: [String: String] = [:]) throws -> String {
        let command = "'\(GlossProcess.binary.path)' check --fail-on never \(arguments)"
        let run = try GlossProcess.start(["-qec", command, "/dev/null"], in: folder, environment: environment, executable: script!)
        return GlossProcess.finish(run.0, run.1, run.2).stdout
    }

    @Test(.enabled(if: script != nil, "script (util-linux) is absent"))
    func barOnATerminalOnly() throws {
        let folder = try CheckCacheEndToEndTests.seedWorkspace(copies: 4)
        let shown = try Self.onTerminal("", in: folder.url, environment: ["NO_COLOR": ""])
        #expect(shown.contains("\rcheck ") && shown.contains("20/20") && shown.contains("\u{1B}[32m"))
        // The bar is taken off the line before the findings and at the end.
        #expect(shown.contains("\r\u{1B}[Kc1-000_f9abcd99e54dd106\r\n"))
        #expect(shown.hasSuffix("in 20 sources\r\n"))
        let plain = try Self.onTerminal("", in: folder.url, environment: ["NO_COLOR": "1"])
        #expect(plain.contains("\rcheck ━") && plain.contains("20/20") && !plain.contains("\u{1B}[32m"))
        #expect(!(try Self.onTerminal("--quiet", in: folder.url)).contains("\rcheck"))
        // In a pipe: nothing on stderr.
        let piped = try GlossProcess.run(["check", "--fail-on", "never"], in: folder.url)
        #expect(piped.stderr.isEmpty && piped.stdout.hasSuffix("in 20 sources\n"))
    }
}
