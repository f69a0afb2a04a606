import CLibXML2

/// A thin wrapper over libxml2's xmlTextWriter writing into memory. libxml2 escapes `<`, `&`,
/// `>` and quotes; characters XML 1.0 forbids (most C0 controls, lone surrogates, U+FFFE/FFFF)
/// are replaced by U+FFFD here, since libxml2 would write them as they are.
final class XMLOutput {
    private let buffer: xmlBufferPtr
    private let writer: xmlTextWriterPtr
    /// Text handed to libxml2, which takes NUL-terminated strings.
    private var scratch: [UInt8] = []

    init() throws(FormatError) {
        guard let buffer = xmlBufferCreate() else { throw .libxml("cannot allocate a buffer") }
        // Grown by doubling: the default (exact) scheme reallocates at every flush of the writer.
        xmlBufferSetAllocationScheme(buffer, XML_BUFFER_ALLOC_DOUBLEIT)
        guard let writer = xmlNewTextWriterMemory(buffer, 0) else {
            xmlBufferFree(buffer)
            throw .libxml("cannot create a text writer")
        }
        self.buffer = buffer
        self.writer = writer
        try check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil), "start document")
    }

    deinit {
        xmlFreeTextWriter(writer)
        xmlBufferFree(buffer)
    }

    func start(_ name: String, _ attributes: [(String, String)] = []) throws(FormatError) {
        try check(xmlTextWriterStartElement(writer, name), "start <\(name)>")
        for (key, value) in attributes {
            try check(xmlTextWriterWriteAttribute(writer, key, Self.clean(value)), "attribute \(key)")
        }
    }

    func end() throws(FormatError) {
        try check(xmlTextWriterEndElement(writer), "end element")
    }

    func text(_ string: String) throws(FormatError) {
        guard !string.isEmpty else { return }
        try check(xmlTextWriterWriteString(writer, Self.clean(string)), "text")
    }

    /// UTF-8 text that holds only characters XML 1.0 allows (and so no NUL), escaped by libxml2.
    func text(_ bytes: UnsafeBufferPointer<UInt8>) throws(FormatError) {
        guard !bytes.isEmpty else { return }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: bytes)
        scratch.append(0)
        try check(xmlTextWriterWriteString(writer, scratch), "text")
    }

    /// `<name attributes>text</name>`, or nothing when `text` is nil.
    func element(_ name: String, _ attributes: [(String, String)] = [], _ text: String?) throws(FormatError) {
        guard let text else { return }
        try start(name, attributes)
        try self.text(text)
        try end()
    }

    /// An element with no content.
    func empty(_ name: String, _ attributes: [(String, String)] = []) throws(FormatError) {
        try start(name, attributes)
        try end()
    }

    /// Line break and indentation between elements (only where the schema allows whitespace).
    func newline(_ depth: Int) throws(FormatError) {
        try check(xmlTextWriterWriteRaw(writer, "\n" + String(repeating: "  ", count: depth)), "whitespace")
    }

    /// Closes every open element and returns the document's UTF-8 bytes.
    func finish() throws(FormatError) -> [UInt8] {
        try check(xmlTextWriterEndDocument(writer), "end document")
        xmlTextWriterFlush(writer)
        guard let content = xmlBufferContent(buffer) else { return [] }
        return Array(UnsafeBufferPointer(start: content, count: Int(xmlBufferLength(buffer))))
    }

    private func check(_ status: Int32, _ what: String) throws(FormatError) {
        if status < 0 { throw .libxml("libxml2 failed to write (\(what))") }
    }

    /// `string` with every character XML 1.0 forbids replaced by U+FFFD.
    static func clean(_ string: String) -> String {
        guard string.unicodeScalars.contains(where: { !isXMLChar($0) }) else { return string }
        var out = String.UnicodeScalarView()
        for scalar in string.unicodeScalars {
            out.append(isXMLChar(scalar) ? scalar : "\u{FFFD}")
        }
        return String(out)
    }

    static func isXMLChar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}

