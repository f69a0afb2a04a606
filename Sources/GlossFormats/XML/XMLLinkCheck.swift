import CLibXML2

/// Checks what RelaxNG cannot: every xml:id is an NCName and unique, and every local pointer
/// (`#id` in `target`, `from`, `to`, `ana`, `corresp`, `ref`) names an element of the document.
public enum XMLLinkCheck {
    /// Attributes holding space-separated pointers.
    public static let pointerAttributes: Set<String> = ["target", "from", "to", "ana", "corresp", "ref", "facs", "sameAs", "next", "prev"]

    /// Problems found, one line each; empty when every id and pointer is sound.
    public static func problems(in xml: String) -> [String] {
        guard let document = ParsedXML.read(Array(xml.utf8), file: "document.xml", encoding: "UTF-8").document else { return ["not well-formed XML"] }
        defer { xmlFreeDoc(document) }
        var ids: [String: Int] = [:]
        var pointers: [(element: String, attribute: String, target: String)] = []
        var problems: [String] = []
        func visit(_ node: xmlNodePtr) {
            var child: xmlNodePtr? = node
            while let current = child {
                if current.pointee.type == XML_ELEMENT_NODE {
                    let element = String(cString: current.pointee.name)
                    var attribute = current.pointee.properties
                    while let attr = attribute {
                        let name = String(cString: attr.pointee.name)
                        var value = ""
                        var part = attr.pointee.children
                        while let text = part {
                            if let content = text.pointee.content { value += String(cString: content) }
                            part = text.pointee.next
                        }
                        let namespace = attr.pointee.ns.flatMap { $0.pointee.prefix.map { String(cString: $0) } }
                        if name == "id", namespace == "xml" {
                            ids[value, default: 0] += 1
                            if !isNCName(value) { problems.append("<\(element)> xml:id '\(value)' is not an XML NCName") }
                        } else if namespace == nil, pointerAttributes.contains(name) {
                            for token in value.split(separator: " ") where token.hasPrefix("#") {
                                pointers.append((element, name, String(token.dropFirst())))
                            }
                        }
                        attribute = attr.pointee.next
                    }
                    if let first = current.pointee.children { visit(first) }
                }
                child = current.pointee.next
            }
        }
        if let root = xmlDocGetRootElement(document) { visit(root) }
        for (id, count) in ids where count > 1 { problems.append("xml:id '\(id)' is used \(count) times") }
        for pointer in pointers where ids[pointer.target] == nil {
            problems.append("<\(pointer.element) \(pointer.attribute)=\"#\(pointer.target)\"> points at no element")
        }
        return problems.sorted()
    }

    /// Whether `name` is an XML NCName (checked for ASCII names plus any non-ASCII letter).
    public static func isNCName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || first.properties.isAlphabetic else { return false }
        return name.unicodeScalars.allSatisfy { scalar in
            scalar == "_" || scalar == "-" || scalar == "." || scalar.properties.isAlphabetic || scalar.properties.numericType == .decimal
        }
    }
}
