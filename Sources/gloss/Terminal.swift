import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where output goes: text on stdout, errors on stderr.
enum Terminal {
    /// Writes `text` to stdout exactly as given.
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Writes `bytes` to stdout exactly as given.
    static func write(bytes: [UInt8]) {
        FileHandle.standardOutput.write(Data(bytes))
    }

    /// Prints `gloss: error: message` on stderr.
    static func error(_ message: String) {
        FileHandle.standardError.write(Data("gloss: error: \(message)\n".utf8))
    }

    /// Prints `gloss: message` on stderr (notes and warnings that must not mix with output).
    static func note(_ message: String) {
        FileHandle.standardError.write(Data("gloss: \(message)\n".utf8))
    }

    /// Whether stdout is a terminal (and not a pipe or a file).
    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) != 0 }
}
