import GlossCore

/// What can go wrong reading or writing a format.
public enum FormatError: GlossError, Equatable {
    /// libxml2 itself failed (out of memory, writer error).
    case libxml(String)
    /// A file is not well-formed XML.
    case notXML(file: String, line: Int, message: String)
    /// A well-formed XML file that is not TEI.
    case notTEI(file: String, root: String)
    /// The root element is in another namespace than the format's (or in none).
    case wrongNamespace(file: String, element: String, found: String?, expected: String)
    /// A TEI file with no text to import.
    case emptyTEI(file: String)
    /// The RelaxNG schema could not be loaded.
    case schemaUnreadable(path: String)
    /// JSON encoding failed.
    case encoding(String)

    public var category: ErrorCategory {
        switch self {
        case .libxml, .encoding: return .io
        case .notXML, .notTEI, .wrongNamespace, .emptyTEI: return .data
        case .schemaUnreadable: return .missingFile
        }
    }

    public var description: String {
        switch self {
        case let .libxml(message):
            return message
        case let .notXML(file, line, message):
            return "\(file):\(line): not well-formed XML: \(message)"
        case let .notTEI(file, root):
            return "\(file): the root element is <\(root)>, not a TEI document (<TEI> or <teiCorpus>) or a JATS article (<article>)"
        case let .wrongNamespace(file, element, found, expected):
            return "\(file): <\(element)> is in \(found.map { "the namespace \($0)" } ?? "no namespace"), not \(expected)"
        case let .emptyTEI(file):
            return "\(file): the TEI document has no text in its body"
        case let .schemaUnreadable(path):
            return "\(path): cannot load the RelaxNG schema"
        case let .encoding(message):
            return "cannot encode JSON: \(message)"
        }
    }
}
