import Foundation
import Testing
import GlossCore
@testable import GlossFormats

/// Real `.bib` files (Fixtures/bib, see its README) imported, stored as the library stores them
/// and exported as BibLaTeX: biber's own reading of the export equals its reading of the
/// original, entry by entry and field by field, but for the differences `allowed` lists.
@Suite("BibLaTeX round trip through biber")
struct BiberRoundTripTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/bib")
    static let files = ["biblatex-examples.bib", "xampl.bib", "jabref-complex.bib", "jabref-crossref.bib", "jabref-testjabref.bib",
                        "jabref-biblatex-software.bib", "jabref-jabref-authors.bib", "zotero-bbt-particles.bib",
                        "zotero-bbt-edtf-dates.bib", "zotero-bbt-library.bib", "zotero-bbt-math.bib"]
    static let biber = BiberRun.path

    /// Differences biber's two readings may show, each with the reason it is not a loss.
    /// (file, key or `*`, field): why.
    static let allowed: [(file: String, key: String, field: String, why: String)] = []

    @Test(.enabled(if: biber != nil, "needs biber"), arguments: files)
    func biberReadsTheExportAsTheOriginal(file: String) throws {
        let text = try String(contentsOf: Self.fixtures.appendingPathComponent(file), encoding: .utf8)
        let imported = BibTeXParser.parse(text, file: file)
        // Through library.json's encoding, as `bib import` stores the records.
        let stored = try JSONDecoder().decode([BibRecord].self, from: JSONEncoder().encode(imported.records))
        let export = BibLaTeXWriter().write(stored)

        let original = try BiberRun.read(text)
        let roundTripped = try BiberRun.read(export.text)
        var differing: [String] = []
        var fields = 0
        for (key, entry) in original.sorted(by: { $0.key < $1.key }) {
            guard let other = roundTripped[key] else {
                if !Self.isAllowed(file, key, "*") { differing.append("\(key): missing from the export") }
                continue
            }
            if entry.type != other.type, !Self.isAllowed(file, key, "@type") {
                differing.append("\(key): type \(entry.type) became \(other.type)")
            }
            for name in Set(entry.fields.keys).union(other.fields.keys).sorted() {
                fields += 1
                guard entry.fields[name] != other.fields[name], !Self.isAllowed(file, key, name) else { continue }
                differing.append("\(key).\(name): \(entry.fields[name] ?? "—") became \(other.fields[name] ?? "—")")
            }
        }
        for key in roundTripped.keys where original[key] == nil { differing.append("\(key): in the export only") }
        print("biber round trip \(file): \(original.count) entries in, \(roundTripped.count) out, \(fields) fields compared, \(differing.count) differing")
        #expect(differing.isEmpty, "\(file): \(differing.joined(separator: "\n"))")
    }

    static func isAllowed(_ file: String, _ key: String, _ field: String) -> Bool {
        allowed.contains { $0.file == file && ($0.key == key || $0.key == "*") && ($0.field == field || $0.field == "*") }
    }
}

/// biber in tool mode: a `.bib` file as biber reads it, written back as BibTeX.
enum BiberRun {
    static let path: String? = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        .map { "\($0)/biber" }.first(where: FileManager.default.isExecutableFile)

    struct Entry {
        var type: String
        var fields: [String: String]
    }

    /// The entries biber reads in `bib`, by key.
    static func read(_ bib: String) throws -> [String: Entry] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-biber-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in.bib")
        try bib.write(to: input, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path!)
        process.arguments = ["--tool", "--nolog", "--quiet", "--output-format=bibtex", "--output-file=out.bib", "in.bib"]
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let output = try String(contentsOf: folder.appendingPathComponent("out.bib"), encoding: .utf8)
        let (entries, _) = BibTeXParser.entries(in: output, file: "out.bib")
        var result: [String: Entry] = [:]
        for entry in entries {
            result[entry.key] = Entry(type: entry.type, fields: Dictionary(entry.fields.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a }))
        }
        return result
    }
}

extension BiberRoundTripTests {
    /// The comparison sees a loss: a field dropped from an entry shows in biber's reading.
    @Test(.enabled(if: biber != nil, "needs biber"))
    func aDroppedFieldShows() throws {
        let full = try BiberRun.read("@book{a, title = {$\\Sigma$ {Pd-N}}, date = {1984/1986}, langid = {turkish}}")
        let lossy = try BiberRun.read("@book{a, title = {$\\Sigma$ {Pd-N}}, date = {1986}}")
        #expect(full["a"]?.fields["langid"] == "turkish")
        #expect(full["a"]?.fields["date"] == "1984/1986")
        #expect(lossy["a"]?.fields["langid"] == nil)
        #expect(full["a"]?.fields["title"] == lossy["a"]?.fields["title"])
    }
}
