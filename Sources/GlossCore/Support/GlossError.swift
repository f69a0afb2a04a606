/// What kind of failure an error is, so the command line can pick its exit status
/// (usage 64, data 65, missing file 66, I/O 74 — the `sysexits.h` codes).
public enum ErrorCategory: Sendable {
    /// The command was called wrongly (bad option value, unknown id form).
    case usage
    /// The input data is wrong (invalid UTF-8, malformed BibTeX, a span outside the text).
    case data
    /// A file or a stored object that was named does not exist.
    case missingFile
    /// Reading or writing failed.
    case io
}

/// An error Gloss reports to a researcher: a one-line message that names the problem and where.
public protocol GlossError: Error, CustomStringConvertible {
    /// Decides the exit status.
    var category: ErrorCategory { get }
}
