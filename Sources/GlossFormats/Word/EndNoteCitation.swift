import CLibXML2
import Foundation

/// Reads the payload of an EndNote citation field in a Word document (`ADDIN EN.CITE`).
///
/// EndNote's Cite While You Write puts the cited records into the field as EndNote XML:
/// `<EndNote><Cite><Author>…</Author><Year>…</Year><RecNum>…</RecNum><DisplayText>…</DisplayText>
/// <record>…</record></Cite>…</EndNote>`, either in the field's instruction itself (after
/// `ADDIN EN.CITE`) or, for long payloads, base64-encoded in the `<w:fldData>` of a field nested in
/// it (`ADDIN EN.CITE.DATA`). A `<record>` is EndNote's export XML: `ref-type`, `contributors`,
/// `titles`, `periodical`, `dates`, `pages`, … whose texts may be wrapped in `<style>` runs.
enum EndNoteCitation {
    /// The cited items as CSL-JSON objects with the record's EndNote id (`EN:<db-id>:<rec-number>`,
    /// so the same record cited twice is one), from the EndNote XML `payload`; nil when the payload
    /// holds no record.
    static func items(_ payload: String) -> [(id: String?, data: [String: Any])]? {
        guard let start = payload.range(of: "<EndNote") else { return nil }
        let xml = Array(payload[start.lowerBound...].utf8)
        guard let document = ParsedXML.read(xml, file: "EN.CITE", encoding: "UTF-8", options: Int32(XML_PARSE_RECOVER.rawValue)).document else { return nil }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { return nil }
        var items: [(id: String?, data: [String: Any])] = []
        for cite in [root].filter({ name($0) == "Cite" }) + descendants(of: root, named: "Cite") {
            guard let record = children(cite).first(where: { name($0) == "record" }) else { continue }
            items.append(item(record))
        }
        return items.isEmpty ? nil : items
    }

    /// One `<record>` as CSL-JSON.
    static func item(_ record: xmlNodePtr) -> (id: String?, data: [String: Any]) {
        func text(_ path: String...) -> String? {
            var nodes = [record]
            for step in path { nodes = nodes.flatMap { children($0).filter { name($0) == step } } }
            let value = nodes.first.map { collapsed(rawText($0)) }
            return value?.isEmpty == false ? value : nil
        }
        func names(_ group: String) -> [[String: String]]? {
            let people = children(record).filter { name($0) == "contributors" }
                .flatMap { children($0).filter { name($0) == group } }
                .flatMap { children($0).filter { name($0) == "author" } }
                .map { collapsed(rawText($0)) }.filter { !$0.isEmpty }
            guard !people.isEmpty else { return nil }
            return people.map { person in
                // EndNote writes `Family, Given`; a name without a comma is an institution.
                let parts = person.split(separator: ",", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                return parts.count == 2 ? ["family": parts[0], "given": parts[1]] : ["literal": person]
            }
        }
        let type = children(record).first { name($0) == "ref-type" }.flatMap { attribute($0, "name") } ?? ""
        var data: [String: Any] = ["type": cslType(type)]
        data["author"] = names("authors")
        data["editor"] = names("secondary-authors")
        data["title"] = text("titles", "title")
        data["container-title"] = text("titles", "secondary-title") ?? text("periodical", "full-title")
        data["collection-title"] = text("titles", "tertiary-title")
        if let year = text("dates", "year"), let number = Int(year.prefix(4)) {
            data["issued"] = ["date-parts": [[number]]]
        }
        for (field, key) in [("pages", "page"), ("volume", "volume"), ("number", "issue"), ("edition", "edition"),
                             ("publisher", "publisher"), ("pub-location", "publisher-place"), ("isbn", "ISBN"),
                             ("electronic-resource-num", "DOI"), ("language", "language")] {
            data[key] = text(field)
        }
        data["URL"] = text("urls", "related-urls", "url") ?? text("urls", "web-urls", "url")
        let database = children(record).first { name($0) == "foreign-keys" }
            .flatMap { children($0).first { name($0) == "key" } }.flatMap { attribute($0, "db-id") }
        let id = text("rec-number").map { "EN:\(database ?? ""):\($0)" }
        return (id, data)
    }

    /// EndNote's reference types (by their `name`) as CSL types.
    static func cslType(_ endNote: String) -> String {
        switch endNote {
        case "Journal Article", "Electronic Article": return "article-journal"
        case "Magazine Article": return "article-magazine"
        case "Newspaper Article": return "article-newspaper"
        case "Book", "Edited Book", "Electronic Book": return "book"
        case "Book Section", "Electronic Book Section": return "chapter"
        case "Conference Proceedings", "Conference Paper": return "paper-conference"
        case "Thesis": return "thesis"
        case "Report", "Government Document": return "report"
        case "Web Page", "Blog": return "webpage"
        case "Dataset": return "dataset"
        case "Legal Rule or Regulation", "Statute", "Case": return "legislation"
        default: return "document"
        }
    }

    private static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ").precomposedStringWithCanonicalMapping
    }
}
