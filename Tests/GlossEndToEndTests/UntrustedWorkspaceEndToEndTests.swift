import Foundation
import Testing

/// A workspace cloned from someone else's repository, damaged by hand or left behind by a killed
/// process is untrusted input: Gloss reports what is wrong in one line and never reads outside it,
/// crashes, or hides a source silently.
@Suite("Untrusted and damaged workspaces")
struct UntrustedWorkspaceEndToEndTests {
    /// A workspace with the sources `a` and `b`.
    private func workspace() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try #require(try GlossProcess.run(["init"], in: folder.url).status == 0)
        let a = try folder.write("a.txt", "Kaya bu konuyu ele alır (Kaya, 2015: 12).\n")
        let b = try folder.write("b.txt", "Demir de aynı görüştedir (Demir, 2016).\n")
        try #require(try GlossProcess.run(["add", a, b], in: folder.url).status == 0)
        return folder
    }

    private func editJSON(_ folder: TemporaryFolder, _ name: String, _ change: (inout [String: Any]) -> Void) throws {
        let url = folder.url.appendingPathComponent(name)
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        change(&object)
        try JSONSerialization.data(withJSONObject: object).write(to: url)
    }

    @Test func aSidecarCannotMakeGlossReadAFileOutsideTheWorkspace() throws {
        let folder = try workspace()
        // A file outside sources/ with the very bytes (and so the sha256) the sidecar records.
        try FileManager.default.copyItem(at: folder.url.appendingPathComponent("sources/b.txt"),
                                         to: folder.url.appendingPathComponent("secret.txt"))
        try editJSON(folder, "sources/b.json") { sidecar in
            var revisions = sidecar["revisions"] as! [[String: Any]]
            revisions[0]["file"] = "../secret.txt"
            sidecar["revisions"] = revisions
        }
        let show = try GlossProcess.run(["show", "b"], in: folder.url)
        #expect(show.status == 65)
        #expect(show.stdout.isEmpty)
        #expect(show.stderr.contains("'../secret.txt'") && show.stderr.contains("sources/b.txt"))
        #expect(show.stderr.split(separator: "\n").count == 1)
        let check = try GlossProcess.run(["check", "--format", "json"], in: folder.url)
        #expect(check.status == 1)
        #expect(check.stdout.contains("\"source-files\""))
        // The other source is still checked.
        #expect(try GlossProcess.run(["show", "a"], in: folder.url).status == 0)
    }

    @Test func aDeletedSidecarIsReportedNotSilentlyHidden() throws {
        let folder = try workspace()
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("sources/b.json"))
        let sources = try GlossProcess.run(["sources"], in: folder.url)
        #expect(sources.status == 65)
        #expect(sources.stdout.contains("a "))
        #expect(sources.stderr.contains("sources/b.txt has no sidecar"))
        let check = try GlossProcess.run(["check"], in: folder.url)
        #expect(check.status == 1)
        #expect(check.stdout.contains("source-files"))
    }

    @Test func aSidecarWithAWrongLengthIsAnError() throws {
        let folder = try workspace()
        try editJSON(folder, "sources/a.json") { sidecar in
            sidecar["length"] = 7
            var revisions = sidecar["revisions"] as! [[String: Any]]
            revisions[0]["length"] = 7
            sidecar["revisions"] = revisions
        }
        let check = try GlossProcess.run(["check", "--format", "json"], in: folder.url)
        #expect(check.status == 1)
        #expect(check.stdout.contains("records a length of 7 code points"))
    }

    @Test func aManualCitationPastTheTextsEndIsReportedNotACrash() throws {
        let folder = try workspace()
        try folder.write("annotations/a.json", """
            {"source": "a", "manualCitations": [{"source": "a", "span": {"start": 900, "end": 950},
              "text": "(Kaya, 2015)", "kind": "parenthetical", "items": [], "malformed": false}]}
            """)
        for command in [["claim", "suggest", "a"], ["check"], ["refs", "a"]] {
            let run = try GlossProcess.run(command, in: folder.url)
            #expect(run.status == 65, "\(command): \(run.stderr)")
            #expect(run.stderr.contains("annotations/a.json") && run.stderr.contains("runs past the text's end"), "\(command)")
        }
    }

    @Test func aSpanThatIsNoSpanIsRefusedWhenRead() throws {
        let folder = try workspace()
        try folder.write("annotations/a.json", """
            {"source": "a", "manualCitations": [{"source": "a", "span": {"start": 30, "end": 10},
              "text": "(Kaya, 2015)", "kind": "parenthetical", "items": [], "malformed": false}]}
            """)
        let run = try GlossProcess.run(["refs", "a"], in: folder.url)
        #expect(run.status == 65)
        #expect(run.stderr.contains("is not a span of text"))
    }

    @Test func titlesCannotSendEscapesToTheTerminal() throws {
        let folder = try TemporaryFolder()
        _ = try GlossProcess.run(["init"], in: folder.url)
        let text = try folder.write("t.txt", "metin\n")
        #expect(try GlossProcess.run(["add", text, "--title", "Başlık\u{1B}]0;owned\u{07}\nline two"], in: folder.url).status == 0)
        let sources = try GlossProcess.run(["sources"], in: folder.url)
        #expect(!sources.stdout.contains("\u{1B}") && !sources.stdout.contains("\u{07}"))
        #expect(sources.stdout.contains("Başlık\\u{1B}]0;owned\\u{7}\\u{A}line two"))
    }

    @Test func whatAKilledImportLeftIsUndoneByTheNextCommandThatWrites() throws {
        let folder = try workspace()
        // As `gloss add c.txt d.txt` killed after writing c's text and sidecar, before d's.
        try folder.write(".gloss-cache/journal.json", #"{"files": ["sources/c.txt", "sources/c.json", "sources/d.txt", "sources/d.json"]}"#)
        try FileManager.default.copyItem(at: folder.url.appendingPathComponent("sources/a.txt"),
                                         to: folder.url.appendingPathComponent("sources/c.txt"))
        let sidecar = try String(contentsOf: folder.url.appendingPathComponent("sources/a.json"), encoding: .utf8)
        try folder.write("sources/c.json", sidecar.replacingOccurrences(of: "\"a\"", with: "\"c\"").replacingOccurrences(of: "a.txt", with: "c.txt"))
        // And a temporary file of a writer that no longer runs.
        try folder.write("annotations/.a.json.tmp-999999-42", "{")
        let e = try folder.write("e.txt", "yeni metin\n")
        let add = try GlossProcess.run(["add", e], in: folder.url)
        #expect(add.status == 0, "\(add.stderr)")
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.url.appendingPathComponent("sources").path).sorted()
        #expect(left == ["a.json", "a.txt", "b.json", "b.txt", "e.json", "e.txt"])
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("annotations/.a.json.tmp-999999-42").path))
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent(".gloss-cache/journal.json").path))
    }

    @Test func aKilledRevisionIsKeptOnlyIfItsSidecarNamesIt() throws {
        let folder = try workspace()
        // Killed after writing the new revision's text, before the sidecar that commits it.
        try folder.write(".gloss-cache/journal.json", #"{"files": ["sources/a@2.txt"], "revisionOf": "a"}"#)
        try folder.write("sources/a@2.txt", "yarım\n")
        let e = try folder.write("e.txt", "yeni metin\n")
        #expect(try GlossProcess.run(["add", e], in: folder.url).status == 0)
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("sources/a@2.txt").path))
        // A finished revision stays.
        let revised = try folder.write("a2.txt", "Kaya bu konuyu yeniden ele alır (Kaya, 2015: 13).\n")
        #expect(try GlossProcess.run(["add", "--revise", "a", revised], in: folder.url).status == 0)
        try folder.write(".gloss-cache/journal.json", #"{"files": ["sources/a@2.txt"], "revisionOf": "a"}"#)
        let f = try folder.write("f.txt", "başka metin\n")
        #expect(try GlossProcess.run(["add", f], in: folder.url).status == 0)
        #expect(FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("sources/a@2.txt").path))
        #expect(try GlossProcess.run(["check", "--fail-on", "never"], in: folder.url).status == 0)
    }

    /// A detection cache entry changed in place, at its size, is rebuilt, never trusted: `cites`,
    /// `claim suggest` and `check` answer as they did before.
    @Test func aCacheEntryEditedInPlaceIsRebuilt() throws {
        let folder = try workspace()
        let commands = [["cites", "--format", "jsonl"], ["cites", "a"], ["claim", "suggest", "a"], ["check", "--format", "json"]]
        let before = try commands.map { try GlossProcess.run($0, in: folder.url) }
        for (command, run) in zip(commands, before) { #expect(run.status == 0 || command[0] == "check", "\(command): \(run.stderr)") }
        let cache = folder.url.appendingPathComponent(".gloss-cache/citations")
        let entries = try FileManager.default.contentsOfDirectory(atPath: cache.path).filter { $0.hasSuffix(".jsonl") }
        #expect(entries.count == 2)
        for entry in entries {
            let url = cache.appendingPathComponent(entry)
            let original = try String(contentsOf: url, encoding: .utf8)
            // The citation's end moved past the text's end and its text changed, at the same size.
            var edited = original.replacingOccurrences(of: #"(?<="end":)\d\d(?=,"text")"#, with: "99", options: .regularExpression)
            edited = edited.replacingOccurrences(of: "(Kaya, 2015: 12)", with: "(Kaya, 2019: 99)")
                .replacingOccurrences(of: "(Demir, 2016)", with: "(Demir, 2099)")
            #expect(edited != original && edited.utf8.count == original.utf8.count)
            // Written in place, as an editor would, not replaced.
            let handle = try FileHandle(forWritingTo: url)
            try handle.write(contentsOf: Data(edited.utf8))
            try handle.close()
        }
        for (command, expected) in zip(commands, before) {
            let run = try GlossProcess.run(command, in: folder.url)
            #expect(run.status == expected.status, "\(command): \(run.stderr)")
            #expect(run.stdout == expected.stdout, "\(command)")
            #expect(!run.stdout.contains("2099") && !run.stdout.contains("2019: 99"))
        }
    }
}
