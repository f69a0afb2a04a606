/// Why a file could not be imported as a source text.
public enum TextImportError: GlossError, Equatable {
    /// The bytes are not valid UTF-8; `byteOffset` is the first offending byte (0-based).
    case invalidUTF8(file: String, byteOffset: Int)
    /// The file holds a NUL byte, so it is binary, not text.
    case binary(file: String, byteOffset: Int)
    /// The file is empty or holds only whitespace.
    case empty(file: String)

    public var category: ErrorCategory { .data }

    public var description: String {
        switch self {
        case let .invalidUTF8(file, offset):
            return "\(file): not valid UTF-8 at byte \(offset); convert it to UTF-8 first (e.g. iconv -f WINDOWS-1254 -t UTF-8)"
        case let .binary(file, offset):
            return "\(file): looks like a binary file (NUL byte at byte \(offset)); only plain text can be imported"
        case let .empty(file):
            return "\(file): the file is empty; there is no text to import"
        }
    }
}
