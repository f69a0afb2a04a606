import Foundation
import GlossCore
import GlossFormats
import Testing

/// The seed texts (the repository's `sources/`), their gold annotations (`Tests/Fixtures/gold`), and
/// the TEI schema from the team's shared folder beside the repository, which a clone may not have.
enum ExportFixtures {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The repository's own workspace texts (`sources/`), there on every clone: the seeds.
    static let repositorySources = repository.appendingPathComponent("sources")

    static let seedNames = [
        "000_f9abcd99e54dd106.txt", "001_cc601ad832c95fda.txt", "002_ccf2ee7b6882ff5b.txt",
        "003_aa1cca43322b1ae7.txt", "004_7b87abbc1d0be081.txt",
    ]

    static func seed(_ name: String) throws -> String {
        try String(contentsOf: repositorySources.appendingPathComponent(name), encoding: .utf8)
    }

    /// `../shared/schemas/tei_all.rng`, or nil where it is absent or `GLOSS_NO_SHARED=1` asks the
    /// tests to behave as on a bare clone.
    static let schemaPath: String? = {
        guard ProcessInfo.processInfo.environment["GLOSS_NO_SHARED"] != "1" else { return nil }
        let path = repository.deletingLastPathComponent().appendingPathComponent("shared/schemas/tei_all.rng").path
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }()

    /// tei_all.rng, loaded once per test run; nil where the schema is absent (tests that need it
    /// are disabled then) or failed to load (they fail).
    static let validator: TEIValidator? = schemaPath.flatMap { try? TEIValidator(schemaPath: $0) }

    struct GoldCitation: Decodable {
        var source: String
        var start: Int
        var end: Int
        var text: String
        var kind: String
        var items: [GoldItem]
    }

    struct GoldItem: Decodable {
        var author: String?
        var year: String?
        var locator: String?
        var ref: Int?
    }

    struct GoldFootnote: Decodable {
        var number: Int
        var start: Int
        var end: Int
        var parts: [[Int]]?
    }

    static func lines<T: Decodable>(_ file: String, as type: T.Type) throws -> [T] {
        let text = try String(contentsOf: repository.appendingPathComponent("Tests/Fixtures/gold/\(file)"), encoding: .utf8)
        return try text.split(separator: "\n").map { try JSONDecoder().decode(T.self, from: Data($0.utf8)) }
    }

    /// The gold citations of one seed as Gloss citations.
    static func citations(of seed: String) throws -> [Citation] {
        let id = try SourceID(derivingFrom: seed)
        return try lines("citations.jsonl", as: GoldCitation.self).filter { $0.source == seed }.map { gold in
            Citation(source: id, span: TextSpan(start: gold.start, end: gold.end), text: gold.text,
                     kind: CitationKind(rawValue: gold.kind)!,
                     items: gold.items.map { CitationItem(author: $0.author, year: $0.year, locator: $0.locator, ref: $0.ref) })
        }
    }

    /// The gold footnotes of seed 002, with their markers from the gold citations.
    static func footnotes(of seed: String, citations: [Citation]) throws -> [TEIFootnote] {
        guard seed.hasPrefix("002") else { return [] }
        let markers = citations.filter { $0.kind == .footnoteMarker }
        return try lines("footnotes.jsonl", as: GoldFootnote.self).map { gold in
            let parts = gold.parts.map { $0.map { TextSpan(start: $0[0], end: $0[1]) } } ?? [TextSpan(start: gold.start, end: gold.end)]
            let marker = markers.first { $0.items.first?.ref == gold.number }?.span
            return TEIFootnote(number: gold.number, marker: marker, parts: parts)
        }
    }

    static func metadata(for seed: String, text: String, languages: [String] = ["tr"]) throws -> SourceMetadata {
        let revision = SourceRevision(revision: 1, sha256: String(repeating: "0", count: 64), length: text.unicodeScalars.count,
                                      file: seed, importedFrom: seed, importedAt: "2026-01-01T00:00:00Z")
        return SourceMetadata(id: try SourceID(derivingFrom: seed),
                              details: SourceDetails(title: "Seed \(seed)", authors: ["Test Author"], year: 2024, languages: languages),
                              first: revision)
    }
}

extension ExportFixtures {
    struct GoldRecord: Decodable {
        var number: Int
        var authors: [String]
        var editors: [String]
        var title: String?
        var container: String?
        var volume_issue: String?
        var year: String?
        var pages: String?
        var publisher: String?
        var place: String?
        var url: String?
        var accessed: String?
        var type: String
        var subtype: String?
    }

    /// The parsed footnotes of seed 002 as records, as the records parser will make them.
    static func goldRecords() throws -> [BibRecord] {
        try lines("footnotes.jsonl", as: GoldRecord.self).map { gold in
            let types = ["article": "article-journal", "book": "book", "chapter": "chapter", "web": "webpage",
                         "report": "report", "news": "article-newspaper"]
            var type = types[gold.type] ?? "document"
            if gold.subtype?.contains("thesis") == true { type = "thesis" }
            var record = BibRecord(id: "", type: type)
            func name(_ text: String) -> CSLName {
                let words = text.split(separator: " ")
                if words.count == 1 { return text == text.uppercased() || ["Reuters"].contains(text) ? CSLName(literal: text) : CSLName(family: text) }
                return CSLName(family: String(words.last!), given: words.dropLast().joined(separator: " "))
            }
            record.author = gold.authors.isEmpty ? nil : gold.authors.map(name)
            record.editor = gold.editors.isEmpty ? nil : gold.editors.map(name)
            record.title = gold.title
            record.containerTitle = gold.container
            if let volume = gold.volume_issue {
                let parts = volume.split(separator: ":")
                record.volume = String(parts[0])
                if parts.count > 1 { record.issue = String(parts[1]) }
            }
            record.issued = gold.year.flatMap(Int.init).map { CSLDate(year: $0) }
            record.page = gold.pages
            record.publisher = gold.publisher
            record.publisherPlace = gold.place
            record.url = gold.url
            record.accessed = gold.accessed.map { CSLDate(literal: "erişim \($0)") }
            record.language = "tr"
            if type == "thesis" { record.genre = gold.subtype }
            return record
        }
    }

    /// Records built to break careless writers.
    static func adversarialRecords() -> [BibRecord] {
        var nasty = BibRecord(id: "bad key {with} spaces%", type: "article-journal")
        nasty.author = [CSLName(family: "O'Brien {", given: "A\\B & \"C\""), CSLName(literal: "Tom and Jerry, Inc. }")]
        nasty.title = "50% of {all} #tags & $money_ ~ ^ \\ </ref> \"quoted\" \u{1}\u{7}\u{1B} DEĞİŞİKLİĞİ"
        nasty.containerTitle = "Journal } of {{ unbalanced"
        nasty.issued = CSLDate(year: 2020)
        nasty.page = "1–5"
        nasty.note = "note with %, #, &, {, }, \\, \"\n newline"
        nasty.url = "https://example.org/a b/{x}?q=%20&r=#frag\\"
        var russian = BibRecord(id: "", type: "book")
        russian.author = [CSLName(family: "Щукин", given: "Ёлкин")]
        russian.title = "История Азербайджана"
        russian.publisher = "Наука"
        russian.issued = CSLDate(year: 1999)
        russian.language = "ru"
        var schwa = BibRecord(id: "", type: "webpage")
        schwa.author = [CSLName(family: "Məmmədova", given: "Əli")]
        schwa.title = "Əsərlər: İstiqlal Bəyannaməsi"
        schwa.url = "https://az.example/əsər"
        schwa.accessed = CSLDate(literal: "erişim 12.08.2023")
        schwa.issued = CSLDate(year: 2019)
        schwa.language = "az"
        return [nasty, russian, schwa]
    }
}

extension ExportFixtures {
    /// The path of a tool on `PATH` (`biber`, `bibtex`, `pandoc`), or nil when it is not installed.
    static func tool(_ name: String) -> String? {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
            .map { "\($0)/\(name)" }.first(where: FileManager.default.isExecutableFile)
    }

    /// Runs an installed tool (tests that call this are enabled only where it is installed).
    static func runTool(_ name: String, _ arguments: [String], in directory: URL) throws -> (status: Int32, output: String) {
        let tool = try #require(Self.tool(name), "\(name) is not installed")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// biber's data-model warnings, less the one for an undated work: biblatex prints "n.d."
    /// for it, and Gloss writes every work, dated or not.
    static func dataModelViolations(_ output: String) -> [Substring] {
        output.split(separator: "\n").filter { $0.contains("WARN - Datamodel") && !$0.contains("one of 'date, year' must be defined") }
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// BibTeX's view of braces: every entry must close at depth zero and never go below.
    static func bracesBalance(_ bib: String) -> Bool {
        var depth = 0
        for scalar in bib.unicodeScalars {
            if scalar == "{" { depth += 1 }
            if scalar == "}" { depth -= 1; if depth < 0 { return false } }
        }
        return depth == 0
    }
}
