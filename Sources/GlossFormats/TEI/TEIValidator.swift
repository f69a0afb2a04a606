import CLibXML2
import Foundation
import Synchronization

/// Validates XML against a RelaxNG schema (tei_all.rng) with libxml2's xmlRelaxNG.
///
/// Parsing tei_all takes about a second: load one validator and reuse it. Validation runs one
/// document at a time (guarded by a lock), since libxml2 reports errors through shared state.
public final class TEIValidator: @unchecked Sendable {
    private let schema: xmlRelaxNGPtr
    private let lock = Mutex(())

    /// Loads the schema at `path`.
    public init(schemaPath path: String) throws(FormatError) {
        xmlInitParser()
        guard FileManager.default.fileExists(atPath: path),
              let parser = xmlRelaxNGNewParserCtxt(path) else { throw .schemaUnreadable(path: path) }
        defer { xmlRelaxNGFreeParserCtxt(parser) }
        let sink = ErrorSink()
        xmlRelaxNGSetParserStructuredErrors(parser, collectError, Unmanaged.passUnretained(sink).toOpaque())
        guard let schema = xmlRelaxNGParse(parser) else { throw .schemaUnreadable(path: path) }
        self.schema = schema
    }

    deinit {
        xmlRelaxNGFree(schema)
    }

    /// The validation errors of `xml` (`line N: message`); empty when it is valid.
    public func errors(in xml: String) -> [String] {
        lock.withLock { _ in validate(xml) }
    }

    private func validate(_ xml: String) -> [String] {
        let sink = ErrorSink()
        let context = Unmanaged.passUnretained(sink).toOpaque()
        guard let document = ParsedXML.read(Array(xml.utf8), file: "document.xml", encoding: "UTF-8").document else {
            return ["not well-formed XML"]
        }
        defer { xmlFreeDoc(document) }
        guard let validator = xmlRelaxNGNewValidCtxt(schema) else { return ["libxml2 could not create a validation context"] }
        defer { xmlRelaxNGFreeValidCtxt(validator) }
        xmlRelaxNGSetValidStructuredErrors(validator, collectError, context)
        let status = xmlRelaxNGValidateDoc(validator, document)
        withExtendedLifetime(sink) {}
        if status == 0 { return [] }
        return sink.messages.isEmpty ? ["invalid (libxml2 status \(status))"] : sink.messages
    }
}

/// Collects libxml2's structured errors.
final class ErrorSink {
    var messages: [String] = []
}

private func collectError(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let context, let error else { return }
    let sink = Unmanaged<ErrorSink>.fromOpaque(context).takeUnretainedValue()
    sink.messages.append("line \(error.pointee.line): \(XMLMessage.oneLine(error.pointee.message))")
}
