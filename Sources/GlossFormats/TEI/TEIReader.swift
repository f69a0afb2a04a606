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

/// What a TEI document holds for Gloss: the text, who wrote it, its citations and its records.
public struct TEIImport: Sendable {
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

    /// Whether a file name looks like TEI/XML (`.xml`, `.tei`, `.tei.xml`).
    public static func handles(path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".xml") || lower.hasSuffix(".tei")
    }

    public func read(_ bytes: [UInt8], file: String) throws(FormatError) -> TEIImport {
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        xmlResetLastError()
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                xmlReadMemory(chars.baseAddress, Int32(chars.count), file, nil, options)
            }
        }
        guard let document else {
            let error = xmlGetLastError()
            throw .notXML(file: file, line: Int(error?.pointee.line ?? 0), message: XMLMessage.oneLine(error?.pointee.message))
        }
        defer { xmlFreeDoc(document) }
        guard var root = xmlDocGetRootElement(document) else { throw .notXML(file: file, line: 0, message: "no root element") }
        if name(root) == "teiCorpus", let first = children(root).first(where: { name($0) == "TEI" }) {
            root = first
        }
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
            var extractor = TextExtractor()
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
        var imported = TEIImport(text: text, title: title, authors: unique(authors), year: year, languages: unique(languages),
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

/// Builds the plain text of a TEI body and remembers where each `<ref>` fell.
private struct TextExtractor {
    var text = ""
    var count = 0
    var citations: [ImportedCitation] = []
    private var pendingSpace = false
    private var notes: [xmlNodePtr] = []

    static let blockElements: Set<String> = ["p", "head", "ab", "l", "item", "quote", "figDesc", "label", "note", "bibl", "formula", "cell"]
    static let skipped: Set<String> = ["table", "listBibl"]

    mutating func blocks(in node: xmlNodePtr) {
        for child in children(node) {
            let element = name(child)
            if Self.skipped.contains(element) { continue }
            if element == "figure" {
                for part in children(child) where ["head", "figDesc"].contains(name(part)) { block(part) }
                continue
            }
            if Self.blockElements.contains(element) {
                block(child)
            } else {
                blocks(in: child)
            }
        }
    }

    /// Footnotes met inside paragraphs, as paragraphs of their own after the body.
    mutating func deferredNotes() {
        var index = 0
        while index < notes.count {
            block(notes[index])
            index += 1
        }
    }

    private mutating func block(_ node: xmlNodePtr) {
        let before = count
        if !text.isEmpty {
            text += "\n\n"
            count += 2
        }
        let separatorEnd = count
        pendingSpace = false
        inline(node)
        if count == separatorEnd {
            // Nothing was written: take the separator back.
            text.unicodeScalars.removeLast(count - before)
            count = before
        }
    }

    private mutating func inline(_ node: xmlNodePtr) {
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content { append(String(cString: content)) }
            case XML_ELEMENT_NODE:
                let element = name(current)
                if element == "note" {
                    notes.append(current)
                } else if element == "lb" || element == "pb" || element == "cb" {
                    pendingSpace = count > 0
                } else if element == "ref" {
                    if pendingSpace { flushSpace() }
                    let start = count
                    let textStart = text.unicodeScalars.endIndex
                    inline(current)
                    let type = attribute(current, "type")
                    if count > start, type == "bibr" || type == "foot" || type == "biblio" {
                        let refText = String(text.unicodeScalars[textStart...])
                        let keys = (attribute(current, "target") ?? "").split(separator: " ")
                            .filter { $0.hasPrefix("#") }.map { String($0.dropFirst()) }
                        citations.append(ImportedCitation(span: TextSpan(start: start, end: count), text: refText,
                                                          kind: Self.kind(refText, type: type), recordKeys: keys))
                    }
                } else {
                    inline(current)
                }
            default:
                break
            }
            child = current.pointee.next
        }
    }

    private static func kind(_ text: String, type: String?) -> CitationKind {
        if type == "foot" || text.allSatisfy({ $0.isNumber || $0 == "." }) { return .footnoteMarker }
        if text.hasPrefix("[") { return .numeric }
        if text.hasPrefix("(") { return .parenthetical }
        return .narrative
    }

    private mutating func append(_ raw: String) {
        for scalar in CanonicalComposition.compose(raw).unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = true
                continue
            }
            if pendingSpace { flushSpace() }
            text.unicodeScalars.append(scalar)
            count += 1
        }
    }

    private mutating func flushSpace() {
        pendingSpace = false
        guard let last = text.unicodeScalars.last, last != "\n" else { return }
        text += " "
        count += 1
    }
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

/// libxml2's messages end in a newline and some span several lines: one line for an error.
enum XMLMessage {
    static func oneLine(_ message: UnsafeMutablePointer<CChar>?) -> String {
        guard let message else { return "unreadable" }
        let text = String(cString: message).split(whereSeparator: \.isNewline)
            .map { $0.trimming(.whitespaces) }.filter { !$0.isEmpty }.joined(separator: "; ")
        return text.isEmpty ? "unreadable" : text
    }
}

// MARK: libxml2 tree helpers

/// The text of an element as it is, whitespace kept.
private func rawText(_ node: xmlNodePtr) -> String {
    var out = ""
    var child = node.pointee.children
    while let current = child {
        if current.pointee.type == XML_TEXT_NODE || current.pointee.type == XML_CDATA_SECTION_NODE {
            if let content = current.pointee.content { out += String(cString: content) }
        } else if current.pointee.type == XML_ELEMENT_NODE {
            out += rawText(current)
        }
        child = current.pointee.next
    }
    return out
}

private func name(_ node: xmlNodePtr) -> String {
    node.pointee.name.map { String(cString: $0) } ?? ""
}

private func children(_ node: xmlNodePtr) -> [xmlNodePtr] {
    var out: [xmlNodePtr] = []
    var child = node.pointee.children
    while let current = child {
        if current.pointee.type == XML_ELEMENT_NODE { out.append(current) }
        child = current.pointee.next
    }
    return out
}

private func descendants(of node: xmlNodePtr?, named wanted: String) -> [xmlNodePtr] {
    guard let node else { return [] }
    var out: [xmlNodePtr] = []
    for child in children(node) {
        if name(child) == wanted { out.append(child) }
        out += descendants(of: child, named: wanted)
    }
    return out
}

private func isInside(_ node: xmlNodePtr, _ ancestor: String) -> Bool {
    var parent = node.pointee.parent
    while let current = parent, current.pointee.type == XML_ELEMENT_NODE {
        if name(current) == ancestor { return true }
        parent = current.pointee.parent
    }
    return false
}

/// The value of an attribute; `prefix` names its namespace prefix (`xml` for xml:id, xml:lang).
private func attribute(_ node: xmlNodePtr, _ wanted: String, prefix: String? = nil) -> String? {
    var attribute = node.pointee.properties
    while let attr = attribute {
        let attrPrefix = attr.pointee.ns.flatMap { $0.pointee.prefix.map { String(cString: $0) } }
        if String(cString: attr.pointee.name) == wanted, attrPrefix == prefix {
            var value = ""
            var part = attr.pointee.children
            while let text = part {
                if let content = text.pointee.content { value += String(cString: content) }
                part = text.pointee.next
            }
            return value
        }
        attribute = attr.pointee.next
    }
    return nil
}

/// The text of an element with whitespace collapsed.
private func textContent(_ node: xmlNodePtr) -> String {
    var raw = ""
    func collect(_ node: xmlNodePtr) {
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_TEXT_NODE || current.pointee.type == XML_CDATA_SECTION_NODE {
                if let content = current.pointee.content { raw += String(cString: content) }
            } else if current.pointee.type == XML_ELEMENT_NODE {
                raw += " "
                collect(current)
                raw += " "
            }
            child = current.pointee.next
        }
    }
    collect(node)
    return CanonicalComposition.compose(raw.split(whereSeparator: { $0.isWhitespace }).joined(separator: " "))
}
