import GlossCore

/// Writes records as classic BibTeX (ASCII, for `bibtex` and its `.bst` styles).
///
/// Entry types and fields follow the standard styles: `@article` (journal), `@book` (publisher),
/// `@incollection` (booktitle, publisher), `@inproceedings`, `@techreport` (institution),
/// `@phdthesis`/`@mastersthesis` (school), and `@misc` with `howpublished = {\url{…}}` for web
/// pages and for records that lack a field their type requires. Non-ASCII letters are written as
/// LaTeX accent commands; titles are brace-protected against re-casing.
public struct BibTeXWriter: Sendable {
    public init() {}

    /// The `.bib` text of `records` (ordered by key) and warnings about them. Every record is
    /// written: an undated one with `year = {n.d.}`, an untitled one with a title in square
    /// brackets; stubs carry `keywords = {gloss-stub}`.
    public func write(_ records: [BibRecord]) -> BibliographyExport {
        let keys = BibKeys.keys(for: records)
        var encoder = BibFieldEncoder(mode: .ascii)
        var originals = OriginalEntryWriter(.bibtex)
        var entries: [(key: String, text: String)] = []
        var children: [(key: String, text: String)] = []
        for (record, key) in zip(records, keys) {
            encoder.key = key
            if let original = record.custom?.bibtex {
                guard let text = originals.entry(original, key: key) else { continue }
                // BibTeX reads a crossref parent only after the entries that name it.
                if original.value("crossref") != nil { children.append((key, text)) } else { entries.append((key, text)) }
                continue
            }
            entries.append((key, entry(record, key: key, encoder: &encoder).rendered))
        }
        let strings = originals.preamble
        let body = (strings.isEmpty ? "" : strings + "\n")
            + (children.sorted { $0.key < $1.key } + entries.sorted { $0.key < $1.key }).map(\.text).joined(separator: "\n")
        var header = "% Written by Gloss: classic BibTeX, ASCII with LaTeX escapes.\n"
        let commands = LaTeXEncoder.CommandIndex(body)
        if commands.mayHold("url"), body.contains("\\url{") {
            header += "% Web addresses are written \\url{...} with \\% and \\#: load \\usepackage{hyperref}.\n"
        }
        if commands.mayHold("textschwa") || commands.mayHold("textSchwa"), body.contains("\\textschwa") || body.contains("\\textSchwa") {
            header += "% Schwa is written \\textschwa/\\textSchwa, defined below unless the document does (tipa);\n"
                + "% load graphicx for a turned e, else a plain e/E is printed.\n"
                + "@preamble{\"\(LaTeXEncoder.schwaPreamble)\"}\n"
        }
        let standIns = LaTeXEncoder.biblatexStandIns(for: body, commands: commands)
        if !standIns.isEmpty {
            header += "% biblatex commands of imported entries, defined for classic BibTeX:\n@preamble{\"\(standIns)\"}\n"
        }
        return BibliographyExport(text: header + "\n" + body, warnings: unique(encoder.warnings + originals.warnings))
    }

    private func entry(_ record: BibRecord, key: String, encoder: inout BibFieldEncoder) -> BibEntry {
        let author = encoder.names(record.author)
        let editor = encoder.names(record.editor)
        let title = encoder.protected(record.title ?? SuppliedTitle.forStub(record) ?? SuppliedTitle.untitled(record))
        let container = encoder.protected(record.containerTitle)
        let publisher = encoder.text(record.publisher)
        let year = record.bibYear
        let url = encoder.classicURL(record.url)

        var type: String
        var entry = BibEntry(type: "misc", key: key)
        switch record.type {
        case "article-journal", "article-magazine", "article-newspaper", "article", "review", "review-book":
            type = container != nil ? "article" : "misc"
        case "book":
            type = publisher != nil ? "book" : "misc"
        case "chapter", "entry-encyclopedia", "entry-dictionary", "entry":
            type = container != nil && publisher != nil ? "incollection" : "misc"
        case "paper-conference":
            type = container != nil ? "inproceedings" : "misc"
        case "report":
            type = publisher != nil || record.author?.first?.literal != nil ? "techreport" : "misc"
        case "thesis":
            let master = (record.genre ?? "").lowercased().contains("master") || (record.genre ?? "").lowercased().contains("yüksek")
            type = publisher != nil ? (master ? "mastersthesis" : "phdthesis") : "misc"
        default:
            type = "misc"
        }
        if title == nil { type = "misc" }
        if type != "misc", year == nil { type = "misc" }
        if ["article", "book", "incollection", "inproceedings", "techreport", "phdthesis", "mastersthesis"].contains(type),
           author == nil, !(type == "book" && editor != nil) {
            type = "misc"
        }
        entry.type = type

        entry.add("author", author)
        if type == "book" || type == "incollection" || type == "inproceedings" || type == "misc" {
            entry.add("editor", editor)
        }
        entry.add("title", title)
        switch type {
        case "article":
            entry.add("journal", container)
        case "incollection", "inproceedings":
            entry.add("booktitle", container)
        case "misc":
            entry.add("howpublished", url.map { "\\url{\($0)}" } ?? container)
        default:
            break
        }
        switch type {
        case "techreport":
            entry.add("institution", publisher ?? encoder.text(record.author?.first?.literal))
            entry.add("type", encoder.text(record.genre))
        case "phdthesis", "mastersthesis":
            entry.add("school", publisher)
        default:
            entry.add("publisher", publisher)
        }
        entry.add("address", encoder.text(record.publisherPlace))
        entry.add("series", encoder.protected(record.collectionTitle))
        entry.add("volume", encoder.text(record.volume))
        entry.add("number", encoder.text(record.issue))
        entry.add("pages", encoder.pages(record.page))
        // An undated work keeps its place in the bibliography as "n.d.".
        entry.add("year", year ?? "n.d.")
        entry.add("url", encoder.verbatim(record.url))
        entry.add("doi", encoder.verbatim(record.doi))
        var notes: [String] = []
        if type == "misc", url != nil, let container { notes.append(container) }
        if let accessed = record.accessed?.isoString { notes.append("Accessed \(accessed)") }
        if let note = encoder.text(record.note) { notes.append(note) }
        entry.add("note", notes.isEmpty ? nil : notes.joined(separator: ". "))
        entry.add("language", encoder.text(record.language))
        if record.custom?.stub == true { entry.add("keywords", "gloss-stub") }
        // Styles sort and label entries without names by `key`.
        if author == nil, editor == nil {
            entry.add("key", encoder.text(record.title ?? record.containerTitle ?? record.publisher) ?? "Untitled")
        }
        return entry
    }
}

func unique(_ lines: [String]) -> [String] {
    var seen = Set<String>()
    return lines.filter { seen.insert($0).inserted }
}
