import Foundation
import Testing

/// Runs the built `gloss` binary.
struct ExportE2E {
    static let url: URL = {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("gloss")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("gloss")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/gloss")
    }()

    @discardableResult
    static func run(_ arguments: [String], in directory: URL) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "GLOSS_WORKSPACE")
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    static func tool(_ name: String) -> String? {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
            .map { "\($0)/\(name)" }.first(where: FileManager.default.isExecutableFile)
    }
}

@Suite struct ExportCommandTests {
    static let tei = #"""
    <?xml version="1.0" encoding="UTF-8"?>
    <TEI xmlns="http://www.tei-c.org/ns/1.0">
      <teiHeader xml:lang="tr"><fileDesc><titleStmt><title>Deneme</title></titleStmt>
        <publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader>
      <text><body>
        <p>İlişkiler <ref type="bibr" target="#b0">(Zeytinci, 2025:3)</ref> ve <ref type="bibr" target="#b1">[2]</ref>.</p>
      </body><back><listBibl>
        <biblStruct xml:id="b0"><analytic><title level="a">50% {Türkiye} &amp; #1 \ "DEĞİŞİKLİĞİ"</title>
          <author><persName><forename>Ali</forename><surname>Zeytinci</surname></persName></author></analytic>
          <monogr><title level="j">Avrasya Etüdleri</title><imprint><date when="2025"/></imprint></monogr></biblStruct>
        <biblStruct xml:id="b1"><monogr><title level="m">Azerbaycan</title>
          <author><orgName>Anadolu Ajansı</orgName></author>
          <imprint><publisher>Bilgi</publisher><date when="2011"/></imprint></monogr></biblStruct>
      </listBibl></back></text>
    </TEI>
    """#

    func workspace() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-e2e-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        #expect(try ExportE2E.run(["init"], in: root).status == 0)
        try Self.tei.write(to: root.appendingPathComponent("deneme.tei.xml"), atomically: true, encoding: .utf8)
        let added = try ExportE2E.run(["add", "deneme.tei.xml"], in: root)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("deneme: imported deneme.tei.xml"))
        return root
    }

    @Test func exportsEveryFormat() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let bibtex = try ExportE2E.run(["export", "bibtex"], in: root)
        #expect(bibtex.status == 0)
        #expect(bibtex.stdout.contains("@article{zeytinciTurkiye2025,"))
        #expect(bibtex.stdout.contains("author    = {{Anadolu Ajans{\\i}}}"))
        #expect(bibtex.stdout.contains("50\\% \\textbraceleft{}T{\\\"{u}}rkiye\\textbraceright{} \\& \\#1 \\textbackslash{} {\"}DE{\\u{G}}"))
        let biblatex = try ExportE2E.run(["export", "biblatex", "deneme"], in: root)
        #expect(biblatex.status == 0 && biblatex.stdout.contains("@book{anadoluAzerbaycan2011,"))
        let csl = try ExportE2E.run(["export", "csl-json"], in: root)
        #expect(csl.status == 0 && csl.stdout.hasPrefix("[") && !csl.stdout.contains("gloss-provenance"))
        let tei = try ExportE2E.run(["export", "tei", "deneme"], in: root)
        #expect(tei.status == 0)
        #expect(tei.stdout.contains(##"<ref type="bibr" target="#zeytinciTurkiye2025" xml:id="cit-10-28">(Zeytinci, 2025:3)</ref>"##))
        #expect(tei.stdout.contains(##"<biblStruct xml:id="anadoluAzerbaycan2011" type="book">"##))
        let w3c = try ExportE2E.run(["export", "w3c"], in: root)
        #expect(w3c.status == 0 && w3c.stdout.contains("\"AnnotationCollection\""))
        let jsonl = try ExportE2E.run(["export", "jsonl"], in: root)
        #expect(jsonl.status == 0 && jsonl.stdout.split(separator: "\n").count == 4)
    }

    @Test func outputFileAndErrors() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let written = try ExportE2E.run(["export", "biblatex", "-o", "refs.bib"], in: root)
        #expect(written.status == 0 && written.stdout.isEmpty)
        let file = try String(contentsOf: root.appendingPathComponent("refs.bib"), encoding: .utf8)
        #expect(file.contains("@article{zeytinciTurkiye2025,"))
        if ExportE2E.tool("biber") != nil {
            let biber = Process()
            biber.executableURL = URL(fileURLWithPath: ExportE2E.tool("biber")!)
            biber.arguments = ["--tool", "--validate-datamodel", "--dieondatamodel", "--quiet", "refs.bib"]
            biber.currentDirectoryURL = root
            try biber.run()
            biber.waitUntilExit()
            #expect(biber.terminationStatus == 0)
        } else {
            print("note: biber is not installed; exported file not checked with biber")
        }
        #expect(try ExportE2E.run(["export", "tei"], in: root).status == 64)
        let unknown = try ExportE2E.run(["export", "tei", "nosuch"], in: root)
        #expect(unknown.status == 66 && unknown.stderr.contains("no source 'nosuch'"))
        let badDir = try ExportE2E.run(["export", "bibtex", "-o", "missing/dir/refs.bib"], in: root)
        #expect(badDir.status == 74)
        try "<TEI><text>".write(to: root.appendingPathComponent("broken.xml"), atomically: true, encoding: .utf8)
        let broken = try ExportE2E.run(["add", "broken.xml"], in: root)
        #expect(broken.status == 65 && broken.stderr.contains("broken.xml:1: not well-formed XML"))
    }

    /// The BibLaTeX export of the repository's own workspace passes biber's data model check.
    @Test func repositoryWorkspaceBibLaTeXValidates() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent("annotations").path),
              FileManager.default.fileExists(atPath: root.appendingPathComponent("sources").path) else {
            print("note: the repository has no workspace (sources/, annotations/) yet; its BibLaTeX check skipped")
            return
        }
        guard let biberPath = ExportE2E.tool("biber") else {
            print("note: biber is not installed (apt-get install biber); repository BibLaTeX check skipped")
            return
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-e2e-biber-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("workspace.bib")
        let export = try ExportE2E.run(["export", "biblatex", "--workspace", root.path, "-o", output.path], in: directory)
        #expect(export.status == 0, "\(export.stderr)")
        let biber = Process()
        biber.executableURL = URL(fileURLWithPath: biberPath)
        biber.arguments = ["--tool", "--validate-datamodel", "--dieondatamodel", "--quiet", "workspace.bib"]
        biber.currentDirectoryURL = directory
        try biber.run()
        biber.waitUntilExit()
        #expect(biber.terminationStatus == 0)
    }
}
