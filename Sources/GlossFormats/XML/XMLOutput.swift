import CLibXML2

/// A thin wrapper over libxml2's xmlTextWriter writing into memory. libxml2 escapes `<`, `&`,
/// `>` and quotes; characters XML 1.0 forbids (most C0 controls, lone surrogates, U+FFFE/FFFF)
/// are replaced by U+FFFD here, since libxml2 would write them as they are.
final class XMLOutput {
    /// Where libxml2's output buffer hands its bytes, flush by flush.
    private final class Sink {
        var bytes: [UInt8] = []
    }

    private let sink = Sink()
    private let writer: xmlTextWriterPtr
    /// Text handed to libxml2, which takes NUL-terminated strings.
    private var scratch: [UInt8] = []

    /// `capacity`: the bytes the document is expected to take (room is made for them at once).
    init(capacity: Int = 0) throws(FormatError) {
        sink.bytes.reserveCapacity(capacity)
        let context = Unmanaged.passUnretained(sink).toOpaque()
        let output = xmlOutputBufferCreateIO({ context, buffer, length in
            guard let context, let buffer else { return -1 }
            guard length > 0 else { return 0 }
            let sink = Unmanaged<Sink>.fromOpaque(context).takeUnretainedValue()
            buffer.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
                sink.bytes.append(contentsOf: UnsafeBufferPointer(start: $0, count: Int(length)))
            }
            return length
        }, nil, context, nil)
        guard let output else { throw .libxml("cannot allocate an output buffer") }
        // The writer owns the output buffer from here (freeing it closes the buffer).
        guard let writer = xmlNewTextWriter(output) else {
            xmlOutputBufferClose(output)
            throw .libxml("cannot create a text writer")
        }
        self.writer = writer
        try check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil), "start document")
    }

    deinit {
        xmlFreeTextWriter(writer)
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
        try check(xmlTextWriterFlush(writer), "flush")
        defer { sink.bytes = [] }
        return sink.bytes
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

