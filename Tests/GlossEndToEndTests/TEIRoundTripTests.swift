import Foundation
import Testing

/// `gloss export tei ID` → `gloss add X.tei.xml` into a new workspace → `gloss export tei ID`, on
/// the five seeds of the repository's workspace with claims, links, rejections and an accepted
/// finding made on each: the same document and nothing lost.
@Suite("TEI round trip")
struct TEIRoundTripTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// tei_all.rng from the team's shared folder, which a bare clone does not have.
    static let schema = Shared.file("schemas/tei_all.rng")
    static let jingAndSchema = GlossProcess.tool("jing") != nil && schema != nil

    /// A copy of the repository's workspace with a library and decisions on every source.
    static func annotatedWorkspace(_ folder: TemporaryFolder) throws -> URL {
        let workspace = folder.url.appendingPathComponent("a")
        try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
        for part in ["sources", "annotations"] {
            try FileManager.default.copyItem(at: root.appendingPathComponent(part), to: workspace.appendingPathComponent(part))
        }
        let bib = try folder.write("library.bib", """
        @book{aliyev1997,
          author = {Əliyev, Heydər and {Anadolu Ajansı}},
          title = {Müstəqilliyimiz əbədidir},
          publisher = {Azərnəşr}, address = {Bakı}, year = {1997},
          note = {Cild 1}
        }
        @thesis{kara2020,
          author = {Kara, Ayşe}, title = {Kafkasya'da enerji}, school = {Ankara Üniversitesi},
          type = {Yüksek lisans tezi}, year = {2020}
        }
        @article{smith2020a,
          author = {Smith, John}, title = {Energy corridors}, journal = {Caspian Studies},
          volume = {4}, number = {2}, pages = {11--29}, year = {2020}, doi = {10.1000/cs.4.2}
        }
        """)
        try expectSuccess(["bib", "import", bib], in: workspace)
        return workspace
    }

    static func decide(on source: String, in workspace: URL) throws {
        let cites = try GlossProcess.run(["cites", source, "--format", "jsonl"], in: workspace)
        let citations = try cites.stdout.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        try #require(citations.count >= 3, "\(source) has too few citations")
        func id(_ citation: [String: Any]) -> String { "\(source):\(citation["start"]!)-\(citation["end"]!)" }
        try expectSuccess(["link", id(citations[0]), "smith2020a"], in: workspace)
        try expectSuccess(["link", id(citations[2]), "kara2020"], in: workspace)
        try expectSuccess(["cite", "reject", id(citations[1])], in: workspace)
        let start = citations[0]["start"] as! Int
        try expectSuccess(["claim", "add", source, "--span", "\(max(0, start - 60))..\(citations[0]["end"]!)",
                           "--cite", id(citations[0]), "--tag", "energy", "--tag", "dış politika", "--note", "round & trip <ok>"],
                          in: workspace)
        let check = try GlossProcess.run(["check", source, "--format", "json", "--fail-on", "never"], in: workspace)
        let findings = try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as! [[String: Any]]
        if let finding = findings.first, let span = finding["span"] as? [String: Int] {
            try expectSuccess(["check", source, "--accept", "\(finding["rule"]!)@\(span["start"]!)-\(span["end"]!)",
                               "--note", "reviewed"], in: workspace)
        }
    }

    static func expectSuccess(_ arguments: [String], in directory: URL) throws {
        let result = try GlossProcess.run(arguments, in: directory)
        #expect(result.status == 0, "gloss \(arguments.joined(separator: " ")): \(result.stderr)")
    }

    /// The annotations file as JSON values, lists that are absent read as empty.
    static func annotations(_ source: String, in workspace: URL) throws -> NSDictionary {
        let data = try Data(contentsOf: workspace.appendingPathComponent("annotations/\(source).json"))
        let object = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        var filled = object
        for key in ["claims", "manualCitations", "rejectedCitations", "links", "acceptedFindings"] where filled[key] == nil {
            filled[key] = [Any]()
        }
        return filled as NSDictionary
    }

    static func library(in workspace: URL) throws -> NSArray {
        let data = try Data(contentsOf: workspace.appendingPathComponent("annotations/library.json"))
        return try JSONSerialization.jsonObject(with: data) as! NSArray
    }

    @Test(arguments: RepositoryWorkspaceExportTests.sources)
    func exportImportExportLosesNothing(source: String) throws {
        let folder = try TemporaryFolder()
        let original = try Self.annotatedWorkspace(folder)
        try Self.decide(on: source, in: original)
        let first = try GlossProcess.run(["export", "tei", source], in: original)
        #expect(first.status == 0, "\(first.stderr)")
        let file = try folder.write("\(source).tei.xml", first.stdout)
        if Self.jingAndSchema, let schema = Self.schema {
            let jing = try GlossProcess.runTool("jing", [schema.path, file])
            #expect(jing.status == 0, "\(jing.stdout)")
        }

        let copy = folder.url.appendingPathComponent("b")
        try Self.expectSuccess(["init", copy.path], in: folder.url)
        let added = try GlossProcess.run(["add", file], in: copy)
        #expect(added.status == 0, "\(added.stderr)")
        let second = try GlossProcess.run(["export", "tei", source], in: copy)
        #expect(second.status == 0, "\(second.stderr)")

        // Byte for byte the same document, but for the one documented line: where and when the
        // text was imported.
        let firstLines = first.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let secondLines = second.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(firstLines.count == secondLines.count)
        let differing = zip(firstLines, secondLines).filter { $0 != $1 }
        #expect(differing.count == 1)
        for (a, b) in differing {
            #expect(a.contains("<note type=\"import\">") && b.contains("<note type=\"import\">"))
            let unimported = { (line: Substring) in line.replacingOccurrences(of: #"<note type="import">[^<]*</note>"#, with: "", options: .regularExpression) }
            #expect(unimported(a) == unimported(b))
        }

        // The same text, citations, decisions, links, records, claims, tags and notes.
        let textA = try Data(contentsOf: original.appendingPathComponent("sources/\(source).txt"))
        let textB = try Data(contentsOf: copy.appendingPathComponent("sources/\(source).txt"))
        #expect(textA == textB)
        #expect(try Self.annotations(source, in: original) == Self.annotations(source, in: copy))
        let claims = try Self.annotations(source, in: copy)["claims"] as! [[String: Any]]
        #expect(claims.contains { ($0["body"] as? [[String: String]])?.contains { $0["value"] == "round & trip <ok>" } ?? false })
        for command in [["cites", source, "--format", "jsonl"], ["refs", source, "--format", "json"], ["claim", "list", source, "--format", "json"],
                        ["check", source, "--format", "json", "--fail-on", "never"]] {
            let a = try GlossProcess.run(command, in: original)
            let b = try GlossProcess.run(command, in: copy)
            #expect(a.stdout == b.stdout, "gloss \(command.joined(separator: " ")) differs")
            #expect(!a.stdout.isEmpty)
        }
        let libraryA = try Self.library(in: original)
        let libraryB = try Self.library(in: copy)
        let cited = Set(libraryB.map { ($0 as! [String: Any])["id"] as! String })
        #expect(cited == ["kara2020", "smith2020a"])
        #expect(libraryA.filter { cited.contains(($0 as! [String: Any])["id"] as! String) } as NSArray == libraryB)
    }
}

extension GlossProcess {
    /// Runs a tool found on `PATH` (jing) and returns its status and what it printed.
    static func runTool(_ name: String, _ arguments: [String]) throws -> (status: Int32, stdout: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(tool(name)))
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = Pipe()
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
