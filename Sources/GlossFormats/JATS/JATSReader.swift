import CLibXML2
import GlossCore

/// Reads JATS 1.x articles (PMC, PLOS, SciELO, DergiPark, …) with libxml2 (no network, no DTD,
/// no entity expansion).
///
/// The text is the article in a clean reading order, one paragraph a block: the title, the
/// abstracts, the body (section titles, paragraphs, list items, figure and table captions, table
/// rows), the back matter (acknowledgements, appendices, notes), the footnotes (`<fn>`), then a
/// `References` heading and one paragraph per `<ref>` (its label and citation text). Every
/// `<xref ref-type="bibr" rid="…">` becomes a citation over its exact text, pointing at the
/// `<ref>`s it names; every `<ref>` becomes a record (from `element-citation` or the tagged parts
/// of `mixed-citation`) with its `@id`.
public struct JATSReader: Sendable {
    public init() {}

    public func read(_ bytes: [UInt8], file: String) throws(FormatError) -> ImportedDocument {
        let document = try ParsedXML.parse(bytes, file: file)
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { throw .notXML(file: file, line: 0, message: "no root element") }
        return try read(root: root, file: file)
    }

    /// The article under `root` (an `<article>` element).
    func read(root: xmlNodePtr, file: String) throws(FormatError) -> ImportedDocument {
        guard name(root) == "article" else { throw .notTEI(file: file, root: name(root)) }
        if let namespace = root.pointee.ns.flatMap({ $0.pointee.href }).map({ String(cString: $0) }) {
            throw .wrongNamespace(file: file, element: "article", found: namespace, expected: "no namespace (JATS)")
        }
        let front = children(root).first { name($0) == "front" }
        let meta = front.flatMap { f in children(f).first { name($0) == "article-meta" } }
        let body = children(root).first { name($0) == "body" }
        let back = children(root).first { name($0) == "back" }
        let floats = children(root).first { name($0) == "floats-group" }

        var text = MarkupText(Self.vocabulary)
        let titleGroup = descendants(of: meta, named: "title-group").first
        if let title = descendants(of: titleGroup, named: "article-title").first { text.block(title) }
        for abstract in descendants(of: meta, named: "abstract") { text.blocks(in: abstract) }
        if let body { text.blocks(in: body) }
        if let floats { text.blocks(in: floats) }
        if let back {
            for part in children(back) where name(part) != "ref-list" { text.blocks(in: part) }
        }
        text.deferredNotes()
        var records: [BibRecord] = []
        var entrySpans: [String: TextSpan] = [:]
        for (index, list) in descendants(of: back, named: "ref-list").enumerated() {
            if let heading = children(list).first(where: { name($0) == "title" }) {
                text.block(heading)
            } else if index == 0 {
                text.block(text: "References")
            }
            for ref in descendants(of: list, named: "ref") {
                // The label and the publisher's own wording (mixed-citation) when the ref has both
                // forms; the record comes from the tagged form.
                let parts = children(ref)
                let wording = parts.first { name($0) == "mixed-citation" } ?? parts.first { Self.citationElements.contains(name($0)) }
                let before = text.count
                text.block(parts.filter { name($0) == "label" } + (wording.map { [$0] } ?? []))
                let id = attribute(ref, "id") ?? "ref\(records.count + 1)"
                if text.count > before { entrySpans[id] = TextSpan(start: before + (before > 0 ? 2 : 0), end: text.count) }
                records.append(Self.record(ref, id: id))
            }
        }
        guard text.text.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else { throw .emptyTEI(file: file) }

        let title = descendants(of: titleGroup, named: "article-title").first.map(textContent)
        let authors = descendants(of: meta, named: "contrib")
            .filter { attribute($0, "contrib-type") == "author" }
            .compactMap { Self.person($0) }
            .map { $0.literal ?? [$0.given, $0.family].compactMap { $0 }.joined(separator: " ") }
        let year = descendants(of: meta, named: "pub-date").compactMap { date in
            descendants(of: date, named: "year").first.flatMap { Int(textContent($0)) }
        }.first
        let language = attribute(root, "lang", prefix: "xml")?.lowercased()
        return ImportedDocument(text: text.text, title: title, authors: unique(authors), year: year,
                                languages: language.flatMap { SourceDetails.isLanguageTag($0) ? [$0] : nil } ?? [],
                                citations: text.citations, records: records, recordSpans: entrySpans)
    }

    /// JATS's blocks and its citations (`<xref ref-type="bibr" rid="r1 r2">`).
    static let vocabulary = MarkupVocabulary(
        blocks: ["p", "title", "list-item", "def-item", "caption", "tr", "ref", "fn", "attrib", "verse-line"],
        skipped: ["graphic", "inline-graphic", "media", "alternatives", "math", "tex-math", "object-id", "permissions",
                  "ref-list"],
        notes: ["fn"], breaks: ["break"], spaced: ["td", "th", "label", "surname"],
        spacedChildren: ["element-citation", "person-group", "name", "string-name"],
        citation: { node, text in
            guard name(node) == "xref", attribute(node, "ref-type") == "bibr" else { return nil }
            let keys = (attribute(node, "rid") ?? "").split(separator: " ").map(String.init)
            return (MarkupText.kind(of: text), keys)
        })

    // MARK: Records

    private static let types: [String: String] = [
        "journal": "article-journal", "book": "book", "confproc": "paper-conference", "conf-proc": "paper-conference",
        "thesis": "thesis", "report": "report", "patent": "patent", "web": "webpage", "webpage": "webpage",
        "data": "dataset", "database": "dataset", "software": "software", "newspaper": "article-newspaper",
        "preprint": "article", "standard": "standard", "other": "document",
    ]

    /// The record of one `<ref>`: the fields its citation element tags.
    static let citationElements: Set<String> = ["element-citation", "mixed-citation", "citation", "nlm-citation"]

    static func record(_ ref: xmlNodePtr, id: String) -> BibRecord {
        let parts = children(ref)
        let citation = parts.first { name($0) == "element-citation" } ?? parts.first { citationElements.contains(name($0)) }
        let kind = citation.flatMap { attribute($0, "publication-type") ?? attribute($0, "citation-type") } ?? "other"
        func first(_ element: String) -> String? {
            guard let citation, let node = descendants(of: citation, named: element).first else { return nil }
            return nonEmpty(textContent(node))
        }
        let chapter = first("chapter-title") ?? first("part-title")
        var type = types[kind] ?? "document"
        if type == "book", chapter != nil { type = "chapter" }
        var record = BibRecord(id: id, type: type)
        if let title = first("article-title") ?? chapter ?? first("data-title") {
            record.title = title
            record.containerTitle = first("source")
        } else {
            record.title = first("source")
        }
        var authors: [CSLName] = []
        var editors: [CSLName] = []
        for group in descendants(of: citation, named: "person-group") {
            let names = children(group).compactMap { person($0) }
            if attribute(group, "person-group-type") == "editor" { editors += names } else { authors += names }
        }
        if authors.isEmpty, let citation {
            authors = children(citation).compactMap { ["name", "string-name", "collab"].contains(name($0)) ? person($0) : nil }
        }
        record.author = authors.isEmpty ? nil : authors
        record.editor = editors.isEmpty ? nil : editors
        if let year = first("year") {
            let digits = year.prefix { $0.isNumber }
            if let value = Int(digits), digits.count == 4 {
                record.issued = CSLDate(year: value)
                let suffix = year.dropFirst(4)
                if suffix.count == 1, suffix.allSatisfy(\.isLetter) { record.yearSuffix = String(suffix) }
            } else {
                record.issued = CSLDate(literal: year)
            }
        }
        record.volume = first("volume")
        record.issue = first("issue")
        if let fpage = first("fpage") {
            record.page = first("lpage").map { "\(fpage)-\($0)" } ?? fpage
        } else {
            record.page = first("elocation-id") ?? first("page-range")
        }
        record.publisher = first("publisher-name")
        record.publisherPlace = first("publisher-loc")
        if let citation {
            for pubID in descendants(of: citation, named: "pub-id") where attribute(pubID, "pub-id-type")?.lowercased() == "doi" {
                record.doi = textContent(pubID)
            }
            let link = descendants(of: citation, named: "ext-link").first ?? descendants(of: citation, named: "uri").first
            record.url = link.flatMap { attribute($0, "href", prefix: "xlink") ?? nonEmpty(textContent($0)) }
            // A DOI given only as a doi.org link (PLOS writes `doi:<ext-link …>` in a comment).
            if record.doi == nil, let url = record.url {
                for prefix in ["https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/"] where url.hasPrefix(prefix) {
                    record.doi = String(url.dropFirst(prefix.count))
                }
            }
            if let accessed = descendants(of: citation, named: "date-in-citation").first {
                record.accessed = CSLDate(literal: textContent(accessed))
            }
            // A citation that tags no title keeps its whole text, so nothing it says is lost.
            if record.title == nil { record.note = nonEmpty(textContent(citation)) }
        }
        if record.note == nil { record.note = first("comment") }
        return record
    }

    /// A person or group: `<name>` (surname, given-names, suffix), `<string-name>`, `<collab>`,
    /// or a `<contrib>` holding one of them.
    static func person(_ node: xmlNodePtr) -> CSLName? {
        switch name(node) {
        case "collab", "institution":
            return nonEmpty(textContent(node)).map { CSLName(literal: $0) }
        case "name", "string-name", "contrib", "name-alternatives":
            let family = descendants(of: node, named: "surname").first.map(textContent)
            let given = descendants(of: node, named: "given-names").first.map(textContent)
            if family == nil, given == nil {
                if let collab = descendants(of: node, named: "collab").first { return person(collab) }
                return name(node) == "contrib" ? nil : nonEmpty(textContent(node)).map { CSLName(literal: $0) }
            }
            let suffix = descendants(of: node, named: "suffix").first.map(textContent)
            return CSLName(family: nonEmpty(family), given: nonEmpty(given), suffix: nonEmpty(suffix))
        default:
            return nil
        }
    }
}

private func nonEmpty(_ text: String?) -> String? {
    guard let text, !text.isEmpty else { return nil }
    return text
}
