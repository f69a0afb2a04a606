import Foundation
import GlossStore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where output goes: text on stdout, errors on stderr.
enum Terminal {
    /// Writes `text` to stdout exactly as given.
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Writes the parts to stdout one after the other, exactly as given (no copy on the way).
    static func write(parts: [any ContiguousBytes]) throws(StoreError) {
        for part in parts {
            let failure: Int32? = part.withUnsafeBytes { buffer in
                var written = 0
                while written < buffer.count {
                    let n = posixWrite(STDOUT_FILENO, buffer.baseAddress! + written, buffer.count - written)
                    if n < 0 {
                        if errno == EINTR { continue }
                        return errno
                    }
                    written += n
                }
                return nil
            }
            if let failure { throw .writeFailed(path: "standard output", reason: String(cString: strerror(failure))) }
        }
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

#if canImport(Glibc)
private let posixWrite = Glibc.write
#elseif canImport(Darwin)
private let posixWrite = Darwin.write
#endif
