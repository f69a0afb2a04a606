import GlossCore

/// Writes records as BibLaTeX (UTF-8, for biber).
///
/// `@article` (newspapers with `entrysubtype = {newspaper}`), `@book`, `@incollection` with its
/// editor, `@inproceedings`, `@report`, `@thesis`, `@online` with `url` and an ISO `urldate`,
/// and `@misc`. Dates are ISO 8601 (`erişim 12.08.2023` → `urldate = {2023-08-12}`); `langid`
/// comes from the record's language. Only LaTeX specials are escaped; titles are brace-protected.
public struct BibLaTeXWriter: Sendable {
    public init() {}

    /// babel/polyglossia language names for BCP 47 primary tags.
    public static let languageNames: [String: String] = [
        "tr": "turkish", "az": "azerbaijani", "ru": "russian", "en": "english", "de": "ngerman",
        "fr": "french", "uk": "ukrainian", "it": "italian", "es": "spanish", "ka": "georgian",
        "fa": "persian", "ar": "arabic", "kk": "kazakh", "hy": "armenian",
    ]

    /// The `.bib` text of `records` (ordered by key) and warnings about them. Every record is
    /// written: an undated one without `date` (biblatex prints "n.d."), one without a title with a
    /// title in square brackets, supplied as cataloguers do; other gaps make the entry fall back to
    /// a type whose requirements it meets. Stubs, known only from in-text citations, carry
    /// `keywords = {gloss-stub}` so that a document can leave them out of its bibliography.
    ///
    /// Records imported from a `.bib` file are written back as that file wrote them, under their
    /// own keys (see `OriginalEntryWriter`).
    public func write(_ records: [BibRecord]) -> BibliographyExport {
        let keys = BibKeys.keys(for: records)
        var encoder = BibFieldEncoder(mode: .unicode)
        var originals = OriginalEntryWriter(.biblatex)
        var entries: [(key: String, text: String)] = []
        for (record, key) in zip(records, keys) {
            encoder.key = key
            if let original = record.custom?.bibtex {
                if let text = originals.entry(original, key: key) { entries.append((key, text)) }
            } else if let entry = entry(record, key: key, encoder: &encoder) {
                entries.append((key, entry.rendered))
            }
        }
        let body = entries.sorted { $0.key < $1.key }.map(\.text).joined(separator: "\n")
        let strings = originals.preamble
        return BibliographyExport(text: "% Written by Gloss: BibLaTeX, UTF-8, for biber.\n\n" + (strings.isEmpty ? "" : strings + "\n") + body,
                                  warnings: unique(encoder.warnings + originals.warnings))
    }

    /// Fields each entry type accepts besides `entrysubtype`, `url`, `doi`, `urldate`, `date`,
    /// `langid` (biber's default data model).
    static let allowedFields: [String: Set<String>] = [
        "article": ["author", "editor", "title", "journaltitle", "series", "volume", "number", "pages", "note", "addendum"],
        "book": ["author", "editor", "title", "publisher", "location", "series", "volume", "number", "pages", "note", "addendum"],
        "incollection": ["author", "editor", "title", "booktitle", "publisher", "location", "series", "volume", "number", "pages", "note", "addendum"],
        "inproceedings": ["author", "editor", "title", "booktitle", "publisher", "organization", "location", "series", "volume", "number", "pages", "note", "addendum"],
        "report": ["author", "title", "type", "institution", "location", "number", "pages", "note", "addendum"],
        "thesis": ["author", "title", "type", "institution", "location", "pages", "note", "addendum"],
        "online": ["author", "editor", "title", "organization", "note", "addendum"],
        "misc": ["author", "editor", "title", "howpublished", "organization", "location", "type", "note", "addendum"],
    ]

    static let everywhere: Set<String> = ["entrysubtype", "url", "doi", "urldate", "date", "langid", "keywords"]

    /// What each type needs, beyond the title and date every type needs.
    static let mandatory: [String: [String]] = [
        "article": ["author", "journaltitle"], "book": ["author"], "incollection": ["author", "editor", "booktitle"],
        "inproceedings": ["author", "booktitle"], "report": ["author", "type", "institution"],
        "thesis": ["author", "type", "institution"], "online": ["url"], "misc": [],
    ]

    private func entry(_ record: BibRecord, key: String, encoder: inout BibFieldEncoder) -> BibEntry? {
        var type: String
        var subtype: String?
        var reportType: String?
        switch record.type {
        case "article-journal", "article", "review", "review-book":
            type = "article"
        case "article-newspaper":
            type = "article"
            subtype = "newspaper"
        case "article-magazine":
            type = "article"
            subtype = "magazine"
        case "book":
            type = "book"
        case "chapter", "entry-encyclopedia", "entry-dictionary", "entry":
            type = "incollection"
        case "paper-conference":
            type = "inproceedings"
        case "report":
            type = "report"
            reportType = "techreport"
        case "thesis":
            type = "thesis"
            let genre = (record.genre ?? "").lowercased()
            reportType = genre.contains("master") || genre.contains("yüksek") ? "mathesis" : "phdthesis"
        case "webpage", "post-weblog", "post":
            type = "online"
        default:
            type = "misc"
        }

        var fields: [(name: String, value: String)] = []
        func add(_ name: String, _ value: String?) {
            if let value, !value.isEmpty { fields.append((name, value)) }
        }
        add("author", encoder.names(record.author))
        add("editor", encoder.names(record.editor))
        add("title", encoder.protected(record.title ?? SuppliedTitle.forStub(record) ?? SuppliedTitle.untitled(record)))
        let container = encoder.protected(record.containerTitle)
        add(type == "article" ? "journaltitle" : ["incollection", "inproceedings"].contains(type) ? "booktitle" : "organization", container)
        add("entrysubtype", subtype)
        add("type", reportType)
        let publisher = encoder.text(record.publisher)
        if type == "report" || type == "thesis" {
            add("institution", publisher ?? encoder.text(record.author?.first?.literal))
        } else {
            add("publisher", publisher)
        }
        add("location", encoder.text(record.publisherPlace))
        add("series", encoder.text(record.collectionTitle))
        add("volume", encoder.text(record.volume))
        add("number", encoder.text(record.issue))
        add("pages", encoder.pages(record.page))
        let date = record.issued?.isoString
        add("date", date)
        add("url", encoder.verbatim(record.url))
        add("urldate", record.accessed?.isoString)
        add("doi", encoder.verbatim(record.doi))
        var notes: [String] = []
        if let literal = record.issued?.literal, date == nil, let text = encoder.text(literal) { notes.append(text) }
        if let note = encoder.text(record.note) { notes.append(note) }
        add("note", notes.isEmpty ? nil : notes.joined(separator: ". "))
        if let language = record.language {
            let primary = language.lowercased().split(separator: "-").first.map(String.init) ?? ""
            add("langid", Self.languageNames[primary])
        }

        if record.custom?.stub == true { add("keywords", "gloss-stub") }
        if date == nil { encoder.warnings.append("\(key): has no date; written without one (biblatex prints n.d.)") }
        let present = Set(fields.map(\.name))
        if !(Self.mandatory[type] ?? []).allSatisfy(present.contains) {
            type = "misc"
        }
        // Fields the final type does not accept: containers become howpublished, publishers the
        // organization; the rest go to addendum.
        let allowed = Self.allowedFields[type]!.union(Self.everywhere)
        var entry = BibEntry(type: type, key: key)
        var addendum: [String] = []
        for field in fields {
            if allowed.contains(field.name) {
                entry.add(field.name, field.value)
            } else if type == "misc", ["journaltitle", "booktitle"].contains(field.name), !entry.has("howpublished") {
                entry.add("howpublished", field.value)
            } else if ["publisher", "institution"].contains(field.name), allowed.contains("organization"), !present.contains("organization") {
                entry.add("organization", field.value)
            } else if field.name == "entrysubtype" || field.name == "type" {
                continue
            } else {
                addendum.append(field.value)
            }
        }
        if !addendum.isEmpty { entry.add("addendum", addendum.joined(separator: ", ")) }
        return entry
    }
}
