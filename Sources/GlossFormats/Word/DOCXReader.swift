import CLibXML2
import Foundation
import GlossCore
import ZIPFoundation

/// What a Word document (.docx) holds for Gloss: its text, its footnote markers where Word put
/// them, the citations of citation managers' fields, and the records those fields carry.
public struct DOCXImport: Sendable {
    /// Body paragraphs in order, separated by blank lines; each footnote or endnote reference is
    /// its number, glued to the text before it as a PDF extraction shows it; then the notes, each
    /// a paragraph that opens with its number (`3  Text of the note.`), footnotes first.
    public var text: String
    public var title: String?
    public var authors: [String]
    /// Footnote markers (kind `footnote-marker`) and citation-manager citations, in text order.
    public var citations: [ImportedCitation]
    /// Records from citation-manager fields, with document-local ids (`b0`, `b1`, …).
    public var records: [BibRecord]
    /// How many footnotes and endnotes the document has.
    public var notes: Int
}

/// Reads Word documents (Office Open XML, `.docx`): the zip through ZIPFoundation, its XML parts
/// through libxml2 (no network, no entities).
///
/// Word keeps footnotes apart from the body (`word/footnotes.xml`, `word/endnotes.xml`) and marks
/// where each is referenced (`<w:footnoteReference w:id>`), so their numbers and texts are exact,
/// not guessed from the layout as in a PDF. Notes are numbered 1, 2, 3… in the order they are first
/// referenced, as Word displays them (endnotes continue the count). Zotero and Mendeley insert
/// citations as fields (`ADDIN ZOTERO_ITEM CSL_CITATION {…}`, `ADDIN CSL_CITATION {…}`) whose
/// instruction carries the cited items as CSL-JSON; the field's result text (the rendered citation)
/// becomes a citation linked to those records. EndNote's fields (`ADDIN EN.CITE`) carry its own
/// XML records instead (``EndNoteCitation``), read the same way.
public struct DOCXReader: Sendable {
    public init() {}

    /// Whether a file name looks like a Word document.
    public static func handles(path: String) -> Bool {
        path.lowercased().hasSuffix(".docx")
    }

    public func read(_ bytes: [UInt8], file: String) throws(FormatError) -> DOCXImport {
        let archive: Archive
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw .notDOCX(file: file, reason: "it is not a zip archive")
        }
        func part(_ path: String) throws(FormatError) -> [UInt8]? {
            guard let entry = archive[path] else { return nil }
            var data = Data()
            do {
                _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
            } catch {
                throw .notDOCX(file: file, reason: "its part \(path) cannot be unpacked")
            }
            return Array(data)
        }
        guard let documentXML = try part("word/document.xml") else {
            throw .notDOCX(file: file, reason: "it has no word/document.xml")
        }
        var notes: [String: [xmlNodePtr]] = [:]
        var documents: [xmlDocPtr] = []
        defer { documents.forEach { xmlFreeDoc($0) } }
        func parse(_ bytes: [UInt8], _ path: String) throws(FormatError) -> xmlNodePtr {
            guard let document = ParsedXML.read(bytes, file: path, encoding: nil, options: Int32(XML_PARSE_HUGE.rawValue)).document, let root = xmlDocGetRootElement(document) else {
                throw .notDOCX(file: file, reason: "its part \(path) is not well-formed XML")
            }
            documents.append(document)
            return root
        }
        for (kind, path) in [("footnote", "word/footnotes.xml"), ("endnote", "word/endnotes.xml")] {
            guard let bytes = try part(path) else { continue }
            let root = try parse(bytes, path)
            for note in outermostElements(root, named: kind) {
                // Separators and continuation notices have a w:type; real notes have none.
                guard wordAttribute(note, "type") == nil, let id = wordAttribute(note, "id") else { continue }
                notes["\(kind):\(id)", default: []] = [note]
            }
        }
        let body = try parse(documentXML, "word/document.xml")
        var writer = Writer()
        writer.notes = notes
        for block in outermostElements(body, named: "body") { writer.blocks(block) }
        writer.appendNotes()
        var title: String?
        var authors: [String] = []
        if let core = try part("docProps/core.xml") {
            let root = try parse(core, "docProps/core.xml")
            title = outermostElements(root, named: "title").first.map(rawText).flatMap { $0.isEmpty ? nil : $0 }
            authors = outermostElements(root, named: "creator").map(rawText).filter { !$0.isEmpty }
        }
        return DOCXImport(text: writer.text, title: title, authors: authors, citations: writer.citations,
                          records: writer.records, notes: writer.noteOrder.count)
    }

    /// Walks the document, building the text (counted in code points) and the citations.
    private struct Writer {
        var scalars = String.UnicodeScalarView()
        var count = 0
        var citations: [ImportedCitation] = []
        var records: [BibRecord] = []
        /// The key given to each item, by the citation manager's own id (or URI) of it.
        var itemKeys: [String: String] = [:]
        var notes: [String: [xmlNodePtr]] = [:]
        /// Notes in the order of their first reference: their keys (`footnote:3`).
        var noteOrder: [String] = []
        /// A citation-manager field being read: its instruction, and where its result began.
        var fieldInstruction = ""
        var fieldResultStart: Int?
        var inFieldInstruction = false
        /// Fields begun inside the instruction of the field being read (EndNote's `EN.CITE.DATA`),
        /// and the data they carry (`<w:fldData>`, base64), decoded.
        var nestedFields = 0
        var fieldData = ""

        var text: String { String(scalars) }

        mutating func append(_ string: String) {
            for scalar in string.unicodeScalars {
                scalars.append(scalar)
                count += 1
            }
        }

        /// Paragraphs (also inside tables and content controls) in order, a blank line between them.
        mutating func blocks(_ node: xmlNodePtr) {
            for child in children(node) {
                switch name(child) {
                case "p": paragraph(child)
                case "sectPr": continue
                default: blocks(child)
                }
            }
        }

        mutating func paragraph(_ node: xmlNodePtr) {
            let start = count
            inline(node)
            if count > start { append("\n\n") }
        }

        mutating func inline(_ node: xmlNodePtr) {
            for child in children(node) {
                switch name(child) {
                case "t": if !inFieldInstruction || fieldResultStart != nil { append(rawText(child)) }
                case "tab": append("\t")
                case "br", "cr": append("\n")
                case "noBreakHyphen": append("\u{2011}")
                case "footnoteReference": reference("footnote", child)
                case "endnoteReference": reference("endnote", child)
                case "instrText": if inFieldInstruction { fieldInstruction += rawText(child) }
                case "fldChar": fieldCharacter(wordAttribute(child, "fldCharType") ?? "", child)
                case "fldSimple":
                    fieldCharacter("begin")
                    fieldInstruction = wordAttribute(child, "instr") ?? ""
                    fieldCharacter("separate")
                    inline(child)
                    fieldCharacter("end")
                case "delText", "rPr", "pPr", "del", "instrTextDel": continue
                default: inline(child)
                }
            }
        }

        /// Fields: `begin`, the instruction, `separate`, the shown result, `end`. A field begun
        /// inside another's instruction is read as part of that instruction, its data kept.
        mutating func fieldCharacter(_ type: String, _ node: xmlNodePtr? = nil) {
            if inFieldInstruction, fieldResultStart == nil, type == "begin" {
                nestedFields += 1
                for data in node.map({ children($0).filter { name($0) == "fldData" } }) ?? [] {
                    if let bytes = Data(base64Encoded: rawText(data), options: .ignoreUnknownCharacters) {
                        fieldData += String(decoding: bytes, as: UTF8.self)
                    }
                }
                return
            }
            if nestedFields > 0 {
                if type == "end" { nestedFields -= 1 }
                return
            }
            switch type {
            case "begin":
                inFieldInstruction = true
                fieldInstruction = ""
                fieldData = ""
                fieldResultStart = nil
            case "separate":
                fieldResultStart = count
            case "end":
                if let start = fieldResultStart, count > start { citation(from: start) }
                inFieldInstruction = false
                fieldInstruction = ""
                fieldData = ""
                fieldResultStart = nil
            default:
                break
            }
        }

        /// A Zotero, Mendeley or EndNote field's rendered citation, linked to the items its
        /// instruction carries.
        mutating func citation(from start: Int) {
            let instruction = fieldInstruction.trimmingCharacters(in: .whitespacesAndNewlines)
            guard instruction.hasPrefix("ADDIN"),
                  let items = instruction.contains("CSL_CITATION") ? Self.cslItems(instruction)
                      : instruction.hasPrefix("ADDIN EN.CITE") ? EndNoteCitation.items(instruction + fieldData) : nil
            else { return }
            var keys: [String] = []
            for (managerID, item) in items {
                var data = item
                // The same work cited twice is one record.
                if let managerID, let key = itemKeys[managerID] {
                    keys.append(key)
                    continue
                }
                // Named as GROBID names its references (`b0`, `b1`, …), so the import gives each a
                // citation key of the workspace's style.
                let key = "b\(records.count)"
                if let managerID { itemKeys[managerID] = key }
                data["id"] = key
                // Zotero writes date parts as strings (`[["2013", 12]]`); CSL-JSON's are numbers.
                for field in ["issued", "accessed", "event-date", "original-date", "submitted"] {
                    guard var date = data[field] as? [String: Any], let parts = date["date-parts"] as? [[Any]] else { continue }
                    date["date-parts"] = parts.map { part in part.compactMap { ($0 as? Int) ?? ($0 as? String).flatMap { Int($0) } } }
                    data[field] = date
                }
                guard let encoded = try? JSONSerialization.data(withJSONObject: data),
                      let record = try? JSONDecoder().decode(BibRecord.self, from: encoded) else { continue }
                records.append(record)
                keys.append(key)
            }
            let shown = String(String.UnicodeScalarView(scalars.suffix(count - start)))
            let kind: CitationKind = shown.hasPrefix("(") || shown.hasPrefix("[") ? .parenthetical : .narrative
            citations.append(ImportedCitation(span: TextSpan(start: start, end: count), text: shown, kind: kind, recordKeys: keys))
        }

        /// The items of a Zotero or Mendeley field (`ADDIN … CSL_CITATION {json}`): their CSL-JSON
        /// and the manager's id (or URI) of each.
        static func cslItems(_ instruction: String) -> [(id: String?, data: [String: Any])]? {
            guard let brace = instruction.firstIndex(of: "{"),
                  let json = try? JSONSerialization.jsonObject(with: Data(instruction[brace...].utf8)) as? [String: Any],
                  let items = json["citationItems"] as? [[String: Any]]
            else { return nil }
            return items.compactMap { item in
                guard let data = item["itemData"] as? [String: Any] else { return nil }
                return ((item["uris"] as? [String])?.first ?? (item["id"]).map { "\($0)" }, data)
            }
        }

        /// A footnote or endnote reference: its number, glued to the text before it.
        mutating func reference(_ kind: String, _ node: xmlNodePtr) {
            guard let id = wordAttribute(node, "id"), notes["\(kind):\(id)"] != nil else { return }
            let key = "\(kind):\(id)"
            if !noteOrder.contains(key) { noteOrder.append(key) }
            let number = String(noteOrder.firstIndex(of: key)! + 1)
            let start = count
            append(number)
            citations.append(ImportedCitation(span: TextSpan(start: start, end: count), text: number, kind: .footnoteMarker, recordKeys: []))
        }

        /// The notes after the body, in their order, each a paragraph opening with its number.
        mutating func appendNotes() {
            var index = 0
            // A note may itself reference a note; the list grows while it is written.
            while index < noteOrder.count {
                let key = noteOrder[index]
                index += 1
                append("\(index)  ")
                // The note's text, its paragraphs joined, without the space Word puts after its mark.
                let start = count
                for paragraphNode in notes[key].map({ $0.flatMap { outermostElements($0, named: "p") } }) ?? [] {
                    if count > start { append(" ") }
                    inline(paragraphNode)
                }
                let leading = scalars.suffix(count - start).prefix { $0 == " " || $0 == "\t" }.count
                if leading > 0 {
                    scalars.removeSubrange(scalars.index(scalars.endIndex, offsetBy: -(count - start))..<scalars.index(scalars.endIndex, offsetBy: -(count - start - leading)))
                    count -= leading
                }
                append("\n\n")
            }
        }
    }
}

/// Elements named `wanted` below `node`, outermost first, in document order (not below a match).
private func outermostElements(_ node: xmlNodePtr, named wanted: String) -> [xmlNodePtr] {
    var out: [xmlNodePtr] = []
    for child in children(node) {
        if name(child) == wanted { out.append(child) } else { out += outermostElements(child, named: wanted) }
    }
    return out
}

/// An attribute's value by its local name (`w:id` → `id`), whatever prefix the file gives
/// WordprocessingML's namespace.
private func wordAttribute(_ node: xmlNodePtr, _ wanted: String) -> String? {
    var attribute = node.pointee.properties
    while let attr = attribute {
        if String(cString: attr.pointee.name) == wanted { return value(of: attr) }
        attribute = attr.pointee.next
    }
    return nil
}
