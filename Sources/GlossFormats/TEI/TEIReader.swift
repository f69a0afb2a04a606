import CLibXML2
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GlossCore

/// A citation found in an imported TEI document: a `<ref type="bibr">` (or `type="foot"`) with its
/// span in the extracted text.
public struct ImportedCitation: Sendable, Hashable {
    public var span: TextSpan
    public var text: String
    public var kind: CitationKind
    /// The ids of the `<biblStruct>`s it points at (`target="#b0 #b3"` → `b0`, `b3`).
    public var recordKeys: [String]
}

/// A claim of a Gloss export, read from its `<span>` in `<spanGrp type="claims">`: the text
/// between its two anchors, its tags (`@ana`), its note (the span's content) and the citations
/// that support it (`@corresp`).
public struct ImportedClaim: Sendable, Hashable {
    /// The claim's id (`@n`).
    public var id: String
    public var span: TextSpan
    public var quote: String
    public var tags: [String]
    public var note: String?
    /// The spans of the supporting citations.
    public var citations: [TextSpan]
    public var status: String?
}

/// What a structured document (TEI, JATS) holds for Gloss: the text, who wrote it, its citations
/// and its records.
public struct ImportedDocument: Sendable {
    /// The text: one paragraph (`<p>`, `<head>`, `<ab>`, …) per block, blocks separated by a
    /// blank line, whitespace collapsed, NFC; footnotes (`<note>`) follow the body.
    public var text: String
    public var title: String?
    public var authors: [String]
    public var year: Int?
    public var languages: [String]
    public var citations: [ImportedCitation]
    /// The `<biblStruct>` entries; ids are their xml:ids (GROBID's `b0`, `b1`, …).
    public var records: [BibRecord]
    /// Where each record's own entry stands in the text (JATS reference lists), by record id.
    public var recordSpans: [String: TextSpan] = [:]
    /// For a Gloss export: the claims of its `<standOff>`.
    public var claims: [ImportedClaim] = []
    /// For a Gloss export: the state it carries (decisions, library records). Its text is then
    /// the text content of `<text>` exactly.
    public var glossState: TEIGlossState?
}

/// Reads TEI P5 documents, including GROBID's output, with libxml2 (no network, no entity
/// expansion).
public struct TEIReader: Sendable {
    public init() {}

    /// Whether a file name looks like TEI or JATS XML (`.xml`, `.tei`, `.tei.xml`, PMC's `.nxml`).
    public static func handles(path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".xml") || lower.hasSuffix(".tei") || lower.hasSuffix(".nxml")
    }

    /// Reads a TEI document; a JATS `<article>` is read by `JATSReader`.
    public func read(_ bytes: [UInt8], file: String) throws(FormatError) -> ImportedDocument {
        let document = try ParsedXML.parse(bytes, file: file)
        defer { xmlFreeDoc(document) }
        guard var root = xmlDocGetRootElement(document) else { throw .notXML(file: file, line: 0, message: "no root element") }
        if name(root) == "teiCorpus", let first = children(root).first(where: { name($0) == "TEI" }) {
            root = first
        }
        if name(root) == "article" { return try JATSReader().read(root: root, file: file) }
        guard name(root) == "TEI" else { throw .notTEI(file: file, root: name(root)) }
        let namespace = root.pointee.ns.flatMap { $0.pointee.href }.map { String(cString: $0) }
        guard namespace == TEIWriter.namespace else {
            throw .wrongNamespace(file: file, element: "TEI", found: namespace, expected: TEIWriter.namespace)
        }

        let header = children(root).first { name($0) == "teiHeader" }
        let textElement = children(root).first(where: { name($0) == "text" })
        let isGlossExport = descendants(of: header, named: "application").contains { attribute($0, "ident") == TEIWriter.applicationIdent }
        let text: String
        let citations: [ImportedCitation]
        var glossState: TEIGlossState?
        var anchors: [String: Int] = [:]
        var refIDs: [String: TextSpan] = [:]
        if isGlossExport, let textElement {
            var exact = ExactText()
            exact.collect(textElement)
            text = String(exact.text)
            citations = exact.citations
            anchors = exact.anchors
            refIDs = exact.refIDs
            let stateNote = descendants(of: root, named: "note").first { attribute($0, "type") == "gloss-state" && isInside($0, "standOff") }
            if let stateNote {
                do {
                    glossState = try JSONDecoder().decode(TEIGlossState.self, from: Data(rawText(stateNote).utf8))
                } catch {
                    throw .notXML(file: file, line: Int(xmlGetLineNo(stateNote)), message: "the Gloss state in <note type=\"gloss-state\"> is not readable: \(error)")
                }
            }
        } else {
            var extractor = MarkupText(Self.vocabulary)
            // Reading order: the abstract (GROBID keeps it in the header), then the body, then the
            // back matter (acknowledgements, annexes; reference lists are records, not text).
            for abstract in descendants(of: header, named: "abstract") { extractor.blocks(in: abstract) }
            if let textElement {
                for part in children(textElement) where ["front", "body", "back"].contains(name(part)) {
                    extractor.blocks(in: part)
                }
            }
            extractor.deferredNotes()
            text = extractor.text
            citations = extractor.citations
        }
        guard text.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else { throw .emptyTEI(file: file) }

        var languages: [String] = []
        for candidate in [root, header].compactMap({ $0 }) {
            if let lang = attribute(candidate, "lang", prefix: "xml"), SourceDetails.isLanguageTag(lang.lowercased()) {
                languages.append(lang.lowercased())
            }
        }
        for language in descendants(of: header, named: "language") {
            if let ident = attribute(language, "ident"), SourceDetails.isLanguageTag(ident) { languages.append(ident) }
        }

        let titleStmt = descendants(of: header, named: "titleStmt").first
        let title = descendants(of: titleStmt, named: "title").map(textContent).first { !$0.isEmpty }
        var authors = descendants(of: titleStmt, named: "author").map(personName).filter { !$0.isEmpty }
        let sourceDesc = descendants(of: header, named: "sourceDesc").first
        if authors.isEmpty {
            authors = descendants(of: sourceDesc, named: "author").map(personName).filter { !$0.isEmpty }
        }
        let year = (descendants(of: sourceDesc, named: "date") + descendants(of: header, named: "date"))
            .compactMap { date in Self.year(attribute(date, "when") ?? textContent(date)) }.first

        let records = descendants(of: root, named: "biblStruct")
            .filter { !isInside($0, "teiHeader") }
            .enumerated().map { record(from: $0.element, index: $0.offset) }
        var imported = ImportedDocument(text: text, title: title, authors: unique(authors), year: year, languages: unique(languages),
                                 citations: citations, records: records, glossState: glossState)
        if isGlossExport { imported.claims = claims(in: root, text: text, anchors: anchors, citationSpans: refIDs) }
        return imported
    }

    /// The claims of `<spanGrp type="claims">`, from the offsets of their anchors in the text.
    private func claims(in root: xmlNodePtr, text: String, anchors: [String: Int], citationSpans: [String: TextSpan]) -> [ImportedClaim] {
        var tags: [String: String] = [:]
        for interp in descendants(of: root, named: "interp") {
            if let id = attribute(interp, "id", prefix: "xml") { tags[id] = rawText(interp) }
        }
        let scalars = Array(text.unicodeScalars)
        func pointers(_ value: String?) -> [String] {
            (value ?? "").split(separator: " ").filter { $0.hasPrefix("#") }.map { String($0.dropFirst()) }
        }
        var claims: [ImportedClaim] = []
        for group in descendants(of: root, named: "spanGrp") where attribute(group, "type") == "claims" {
            for node in children(group) where name(node) == "span" {
                guard let from = pointers(attribute(node, "from")).first.flatMap({ anchors[$0] }),
                      let to = pointers(attribute(node, "to")).first.flatMap({ anchors[$0] }), from <= to, to <= scalars.count else { continue }
                let note = rawText(node)
                claims.append(ImportedClaim(
                    id: attribute(node, "n") ?? attribute(node, "id", prefix: "xml") ?? "", span: TextSpan(start: from, end: to),
                    quote: String(String.UnicodeScalarView(scalars[from..<to])), tags: pointers(attribute(node, "ana")).compactMap { tags[$0] },
                    note: note.isEmpty ? nil : note, citations: pointers(attribute(node, "corresp")).compactMap { citationSpans[$0] },
                    status: attribute(node, "subtype")))
            }
        }
        return claims
    }

    /// TEI's blocks, notes and citations (`<ref type="bibr|foot|biblio">`, pointing with `@target`).
    static let vocabulary = MarkupVocabulary(
        blocks: ["p", "head", "ab", "l", "item", "quote", "figDesc", "label", "note", "bibl", "formula", "cell"],
        skipped: ["table", "listBibl", "graphic", "figure-table"], notes: ["note"], breaks: ["lb", "pb", "cb"],
        citation: { node, text in
            guard name(node) == "ref", let type = attribute(node, "type"), ["bibr", "foot", "biblio"].contains(type) else { return nil }
            let keys = (attribute(node, "target") ?? "").split(separator: " ").filter { $0.hasPrefix("#") }.map { String($0.dropFirst()) }
            return (type == "foot" ? .footnoteMarker : MarkupText.kind(of: text), keys)
        })

    private static func year(_ text: String) -> Int? {
        CSLDate(literal: text).isoString.flatMap { Int($0.prefix(4)) }
    }

    // MARK: Records

    private func record(from node: xmlNodePtr, index: Int) -> BibRecord {
        let analytic = children(node).first { name($0) == "analytic" }
        let monogr = children(node).first { name($0) == "monogr" }
        let monogrTitle = monogr.flatMap { m in children(m).first { name($0) == "title" } }
        let level = monogrTitle.flatMap { attribute($0, "level") }
        let analyticTitle = analytic.flatMap { a in children(a).first { name($0) == "title" } }.map(textContent)
        let url = descendants(of: node, named: "ptr").compactMap { attribute($0, "target") }.first
        var type = attribute(node, "type") ?? ""
        if type.isEmpty || !type.allSatisfy({ $0.isLetter || $0 == "-" }) {
            if analytic != nil, analyticTitle?.isEmpty == false {
                type = level == "j" ? "article-journal" : "chapter"
            } else if url != nil, monogr.map({ descendants(of: $0, named: "publisher").isEmpty }) ?? true {
                type = "webpage"
            } else {
                type = "book"
            }
        }
        var record = BibRecord(id: attribute(node, "id", prefix: "xml") ?? "b\(index)", type: type)
        let hasAnalytic = analytic != nil && analyticTitle?.isEmpty == false
        record.title = nonEmpty(hasAnalytic ? analyticTitle : monogrTitle.map(textContent))
        if hasAnalytic { record.containerTitle = nonEmpty(monogrTitle.map(textContent)) }
        let authorNodes = (analytic.map { a in children(a).filter { name($0) == "author" } } ?? [])
            + (monogr.map { m in children(m).filter { name($0) == "author" } } ?? [])
        record.author = nonEmpty(authorNodes.compactMap(cslName))
        record.editor = nonEmpty(descendants(of: node, named: "editor").compactMap(cslName))
        let imprint = monogr.flatMap { m in children(m).first { name($0) == "imprint" } }
        record.publisher = nonEmpty(descendants(of: imprint, named: "publisher").map(textContent).first)
        record.publisherPlace = nonEmpty(descendants(of: imprint, named: "pubPlace").map(textContent).first)
        for scope in descendants(of: node, named: "biblScope") {
            let unit = attribute(scope, "unit") ?? attribute(scope, "type")
            var value = textContent(scope)
            if value.isEmpty, let from = attribute(scope, "from") {
                value = attribute(scope, "to").map { "\(from)-\($0)" } ?? from
            }
            switch unit {
            case "volume": record.volume = nonEmpty(value)
            case "issue": record.issue = nonEmpty(value)
            case "page", "pp": record.page = nonEmpty(value)
            default: break
            }
        }
        for date in descendants(of: node, named: "date") {
            let value = attribute(date, "when").map(Self.cslDate) ?? nonEmpty(textContent(date)).map { CSLDate(literal: $0) }
            if attribute(date, "type") == "accessed" {
                record.accessed = value
            } else if record.issued == nil, attribute(date, "type") != "accessed" {
                record.issued = value
            }
        }
        for idno in descendants(of: node, named: "idno") where attribute(idno, "type")?.uppercased() == "DOI" {
            record.doi = nonEmpty(textContent(idno))
        }
        record.url = url
        record.note = nonEmpty(children(node).filter { name($0) == "note" }.map(textContent).joined(separator: " "))
        if let series = children(node).first(where: { name($0) == "series" }) {
            record.collectionTitle = nonEmpty(descendants(of: series, named: "title").map(textContent).first)
        }
        return record
    }

    private static func cslDate(_ when: String) -> CSLDate {
        let parts = when.split(separator: "-").map { Int($0) }
        guard let first = parts.first, let year = first else { return CSLDate(literal: when) }
        let month = parts.count > 1 ? parts[1] : nil
        let day = parts.count > 2 ? parts[2] : nil
        return CSLDate(year: year, month: month, day: day)
    }

    private func cslName(_ node: xmlNodePtr) -> CSLName? {
        if let org = descendants(of: node, named: "orgName").first {
            return nonEmpty(textContent(org)).map { CSLName(literal: $0) }
        }
        let forenames = descendants(of: node, named: "forename").map(textContent).filter { !$0.isEmpty }
        let surnames = descendants(of: node, named: "surname").map(textContent).filter { !$0.isEmpty }
        if forenames.isEmpty, surnames.isEmpty {
            return nonEmpty(textContent(node)).map { CSLName(literal: $0) }
        }
        return CSLName(family: nonEmpty(surnames.joined(separator: " ")), given: nonEmpty(forenames.joined(separator: " ")))
    }

    private func personName(_ node: xmlNodePtr) -> String {
        guard let name = cslName(node) else { return "" }
        return name.literal ?? [name.given, name.family].compactMap { $0 }.joined(separator: " ")
    }

    private func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }

    private func nonEmpty<T>(_ list: [T]) -> [T]? { list.isEmpty ? nil : list }
}

/// The text content of a Gloss export's `<text>`, exactly: every text node as it is, each
/// `<g n="U+XXXX"/>` as its code point, and the span of every `<ref>`.
private struct ExactText {
    var text = String.UnicodeScalarView()
    var count = 0
    var citations: [ImportedCitation] = []
    /// The offset of every `<anchor xml:id>`.
    var anchors: [String: Int] = [:]
    /// The span of every `<ref xml:id>`.
    var refIDs: [String: TextSpan] = [:]

    mutating func collect(_ node: xmlNodePtr) {
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content {
                    for scalar in String(cString: content).unicodeScalars {
                        text.append(scalar)
                        count += 1
                    }
                }
            case XML_ELEMENT_NODE:
                let element = name(current)
                if element == "g", let glyph = attribute(current, "n"), glyph.hasPrefix("U+"),
                   let value = UInt32(glyph.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(value) {
                    text.append(scalar)
                    count += 1
                    break
                }
                if element == "anchor", let id = attribute(current, "id", prefix: "xml") { anchors[id] = count }
                let start = count
                let textStart = text.endIndex
                collect(current)
                if element == "ref", count > start, let type = attribute(current, "type"), type == "bibr" || type == "foot" {
                    let refText = String(text[textStart...])
                    let kind = attribute(current, "subtype").flatMap(CitationKind.init(rawValue:)) ?? (type == "foot" ? .footnoteMarker : .parenthetical)
                    let keys = (attribute(current, "target") ?? "").split(separator: " ")
                        .filter { $0.hasPrefix("#") }.map { String($0.dropFirst()) }
                    citations.append(ImportedCitation(span: TextSpan(start: start, end: count), text: refText, kind: kind, recordKeys: keys))
                    if let id = attribute(current, "id", prefix: "xml") { refIDs[id] = TextSpan(start: start, end: count) }
                }
            default:
                break
            }
            child = current.pointee.next
        }
    }
}

