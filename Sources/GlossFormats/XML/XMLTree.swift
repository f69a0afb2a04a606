import CLibXML2
import Foundation
import GlossCore

// Small readers over libxml2's tree, shared by the TEI and JATS readers.

/// libxml2's messages end in a newline and some span several lines: one line for an error.
enum XMLMessage {
    static func oneLine(_ message: UnsafeMutablePointer<CChar>?) -> String {
        guard let message else { return "unreadable" }
        let text = String(cString: message).split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: "; ")
        return text.isEmpty ? "unreadable" : text
    }
}


/// The text of an element as it is, whitespace kept.
func rawText(_ node: xmlNodePtr) -> String {
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

func name(_ node: xmlNodePtr) -> String {
    node.pointee.name.map { String(cString: $0) } ?? ""
}

func children(_ node: xmlNodePtr) -> [xmlNodePtr] {
    var out: [xmlNodePtr] = []
    var child = node.pointee.children
    while let current = child {
        if current.pointee.type == XML_ELEMENT_NODE { out.append(current) }
        child = current.pointee.next
    }
    return out
}

func descendants(of node: xmlNodePtr?, named wanted: String) -> [xmlNodePtr] {
    guard let node else { return [] }
    var out: [xmlNodePtr] = []
    for child in children(node) {
        if name(child) == wanted { out.append(child) }
        out += descendants(of: child, named: wanted)
    }
    return out
}

func isInside(_ node: xmlNodePtr, _ ancestor: String) -> Bool {
    var parent = node.pointee.parent
    while let current = parent, current.pointee.type == XML_ELEMENT_NODE {
        if name(current) == ancestor { return true }
        parent = current.pointee.parent
    }
    return false
}

/// The value of an attribute; `prefix` names its namespace prefix (`xml` for xml:id, xml:lang).
func attribute(_ node: xmlNodePtr, _ wanted: String, prefix: String? = nil) -> String? {
    var attribute = node.pointee.properties
    while let attr = attribute {
        let attrPrefix = attr.pointee.ns.flatMap { $0.pointee.prefix.map { String(cString: $0) } }
        if String(cString: attr.pointee.name) == wanted, attrPrefix == prefix { return value(of: attr) }
        attribute = attr.pointee.next
    }
    return nil
}

/// The text an attribute holds.
func value(of attribute: xmlAttrPtr) -> String {
    var value = ""
    var part = attribute.pointee.children
    while let text = part {
        if let content = text.pointee.content { value += String(cString: content) }
        part = text.pointee.next
    }
    return value
}

/// The text of an element with whitespace collapsed.
func textContent(_ node: xmlNodePtr) -> String {
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
    return raw.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ").precomposedStringWithCanonicalMapping
}

/// Parsing with libxml2 the way every reader here does: no network, no DTD loading, no entity
/// expansion, errors as one line and never on the terminal.
enum ParsedXML {
    /// Options every read passes: no network, no error or warning reports of libxml2's own.
    private static let quiet = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)

    static func parse(_ bytes: [UInt8], file: String) throws(FormatError) -> xmlDocPtr {
        let (document, error) = read(bytes, file: file, encoding: nil)
        guard let document else {
            throw .notXML(file: file, line: error.line, message: error.message)
        }
        return document
    }

    /// The document in `bytes`, or nil with the first of libxml2's fatal errors on one line (the
    /// last is often only "Premature end of data" at the end of the file). libxml2 2.9 prints
    /// validity errors (an `xml:id` given twice) on stderr whatever the options say, several lines
    /// each; a parser context with a structured error handler of its own keeps them. `options`
    /// are libxml2's, added to the quiet ones every read has.
    static func read(_ bytes: [UInt8], file: String, encoding: String?, options: Int32 = 0)
        -> (document: xmlDocPtr?, error: (line: Int, message: String)) {
        guard let context = xmlNewParserCtxt() else { return (nil, (0, "libxml2 could not make a parser")) }
        defer { xmlFreeParserCtxt(context) }
        let first = FirstError()
        context.pointee._private = Unmanaged.passUnretained(first).toOpaque()
        // libxml2 calls the handler with the context's userData, the context itself.
        context.pointee.sax.pointee.serror = { userData, error in
            guard let error, error.pointee.level == XML_ERR_FATAL,
                  let parser = userData?.assumingMemoryBound(to: xmlParserCtxt.self).pointee._private else { return }
            let first = Unmanaged<FirstError>.fromOpaque(parser).takeUnretainedValue()
            if first.value == nil { first.value = (Int(error.pointee.line), XMLMessage.oneLine(error.pointee.message)) }
        }
        let document = withExtendedLifetime(first) {
            bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    xmlCtxtReadMemory(context, chars.baseAddress, Int32(chars.count), file, encoding, quiet | options)
                }
            }
        }
        guard document == nil else { return (document, (0, "")) }
        if let error = first.value { return (nil, error) }
        let error = xmlCtxtGetLastError(context)
        return (nil, (Int(error?.pointee.line ?? 0), XMLMessage.oneLine(error?.pointee.message)))
    }

    private final class FirstError {
        var value: (line: Int, message: String)?
    }
}
