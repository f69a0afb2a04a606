import Foundation
import Testing

/// The progress bar of the commands that work over many sources, files or entries (`add`, `cites`,
/// `export`, `refs`, `bib import`), tested as `gloss check`'s is: drawn on a terminal only, never with --quiet, plain with
/// NO_COLOR, taken off the line before the output.
@Suite("Progress bars")
struct ProgressEndToEndTests {
    /// What `gloss arguments` writes to a terminal (stdout and stderr together), in `folder`.
    static func onTerminal(_ arguments: String, in folder: URL, environment: [String: String] = [:]) throws -> String {
        let command = "'\(GlossProcess.binary.path)' \(arguments)"
        let run = try GlossProcess.start(["-qec", command, "/dev/null"], in: folder, environment: environment,
                                         executable: CheckProgressEndToEndTests.script!)
        return GlossProcess.finish(run.0, run.1, run.2).stdout
    }

    /// The seed files, four copies of each, every copy made distinct by a last line.
    static func seedFiles(in folder: TemporaryFolder) throws -> [String] {
        var files: [String] = []
        for copy in 1...4 {
            for name in try FileManager.default.contentsOfDirectory(atPath: Seeds.folder.path).sorted() where name.hasSuffix(".txt") {
                let text = try String(contentsOf: Seeds.folder.appendingPathComponent(name), encoding: .utf8)
                files.append(try folder.write("in/c\(copy)-\(name)", text + "\nkopya \(copy)\n"))
            }
        }
        return files
    }

    /// Commands over the 20 sources of a workspace, and what each is labelled.
    @Test(.enabled(if: CheckProgressEndToEndTests.script != nil, "script (util-linux) is absent"),
          arguments: [("cites", "cites"), ("cites --format jsonl", "cites"), ("export csl-json", "export"),
                      ("export jsonl", "export"), ("refs", "refs")])
    func barOverTheSources(command: String, label: String) throws {
        let folder = try TemporaryFolder()
        _ = try GlossProcess.run(["init"], in: folder.url)
        let add = try GlossProcess.run(["add"] + Self.seedFiles(in: folder), in: folder.url)
        try #require(add.status == 0, "\(add.stderr)")
        let piped = try GlossProcess.run(command.split(separator: " ").map(String.init), in: folder.url)
        #expect(piped.status == 0 && piped.stderr.isEmpty, "\(piped.stderr)")
        let shown = try Self.onTerminal(command, in: folder.url, environment: ["NO_COLOR": ""])
        #expect(shown.contains("\r\(label) ") && shown.contains("20/20") && shown.contains("\u{1B}[32m"), "\(shown.prefix(300))")
        // The bar is off the line before the output, which is what a pipe gets (with CR LF line ends).
        let output = piped.stdout.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(shown.contains("\r\u{1B}[K" + output.prefix(40)))
        #expect(shown.hasSuffix(output))
        let plain = try Self.onTerminal(command, in: folder.url, environment: ["NO_COLOR": "1"])
        #expect(plain.contains("\r\(label) ━") && plain.contains("20/20") && !plain.contains("\u{1B}[32m"))
        let quiet = try Self.onTerminal(command + " --quiet", in: folder.url)
        #expect(!quiet.contains("\r\(label)") && !quiet.contains("\u{1B}[K"))
    }

    @Test(.enabled(if: CheckProgressEndToEndTests.script != nil, "script (util-linux) is absent"))
    func barWhileAddingFiles() throws {
        let folder = try TemporaryFolder()
        let files = try Self.seedFiles(in: folder)
        for (workspace, arguments) in [("terminal", ""), ("quiet", " --quiet"), ("plain", "")] {
            try FileManager.default.createDirectory(at: folder.url.appendingPathComponent(workspace), withIntermediateDirectories: true)
            _ = try GlossProcess.run(["init"], in: folder.url.appendingPathComponent(workspace))
        }
        let list = files.map { "'\($0)'" }.joined(separator: " ")
        let shown = try Self.onTerminal("add \(list)", in: folder.url.appendingPathComponent("terminal"), environment: ["NO_COLOR": ""])
        #expect(shown.contains("\radd ") && shown.contains("20/20") && shown.contains("\u{1B}[32m"))
        #expect(shown.contains("\r\u{1B}[Kc1-000_f9abcd99e54dd106: imported "))
        #expect(shown.hasSuffix("code points)\r\n"))
        let quiet = try Self.onTerminal("add \(list) --quiet", in: folder.url.appendingPathComponent("quiet"))
        #expect(!quiet.contains("\radd") && quiet.contains("c4-004"))
        // In a pipe: nothing on stderr.
        let piped = try GlossProcess.run(["add"] + files, in: folder.url.appendingPathComponent("plain"))
        #expect(piped.status == 0 && piped.stderr.isEmpty && piped.stdout.components(separatedBy: "\n").count == 21)
    }

    /// `bib import` counts the entries of the file as it converts them.
    @Test(.enabled(if: CheckProgressEndToEndTests.script != nil, "script (util-linux) is absent"))
    func barWhileImportingABibliography() throws {
        let bib = Seeds.repository.appendingPathComponent("Tests/GlossFormatsTests/Fixtures/bib/biblatex-examples.bib").path
        var shown: [String] = []
        for (name, environment, quiet) in [("terminal", ["NO_COLOR": ""], ""), ("plain", ["NO_COLOR": "1"], ""), ("quiet", [:], " --quiet")] {
            let folder = try TemporaryFolder()
            _ = try GlossProcess.run(["init"], in: folder.url)
            shown.append(try Self.onTerminal("bib import '\(bib)'\(quiet)", in: folder.url, environment: environment))
            #expect(shown.last!.contains("biblatex-examples.bib: imported "), "\(name): \(shown.last!.suffix(200))")
        }
        #expect(shown[0].contains("\rbib import ") && shown[0].contains("\u{1B}[32m"))
        #expect(shown[0].contains("\r\u{1B}[K"))
        let total = try #require(shown[0].firstMatch(of: /\s(\d+)\/(\d+)\s/).map { Int($0.2)! })
        #expect(total >= 90 && shown[0].contains("\(total)/\(total)"))
        #expect(shown[1].contains("\rbib import ━") && !shown[1].contains("\u{1B}[32m"))
        #expect(!shown[2].contains("\rbib import"))
        // In a pipe: no bar on stderr.
        let folder = try TemporaryFolder()
        _ = try GlossProcess.run(["init"], in: folder.url)
        let piped = try GlossProcess.run(["bib", "import", bib], in: folder.url)
        #expect(piped.status == 0 && !piped.stderr.contains("\r"))
    }
}
