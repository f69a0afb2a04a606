import Foundation
import GlossCore
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
        _ = writeAll(STDOUT_FILENO, text)
    }

    /// Writes the parts to stdout one after the other, exactly as given (no copy on the way).
    static func write(parts: [any ContiguousBytes]) throws(StoreError) {
        for part in parts {
            if let failure = part.withUnsafeBytes({ writeAll(STDOUT_FILENO, $0) }) {
                throw .writeFailed(path: "standard output", reason: String(cString: strerror(failure)))
            }
        }
    }

    /// Prints `gloss: error: message` on stderr.
    static func error(_ message: String) {
        _ = writeAll(STDERR_FILENO, "gloss: error: \(TerminalSafeText.escaped(message))\n")
    }

    /// Prints `gloss: message` on stderr (notes and warnings that must not mix with output).
    static func note(_ message: String) {
        _ = writeAll(STDERR_FILENO, "gloss: \(TerminalSafeText.escaped(message))\n")
    }

    /// Writes `text` to stderr as it is: a progress line's control characters are meant.
    static func progress(_ text: String) {
        _ = writeAll(STDERR_FILENO, text)
    }

    /// Writes `text` whole to the file descriptor `fd`; the `errno` of a failed write, or nil.
    private static func writeAll(_ fd: Int32, _ text: String) -> Int32? {
        var text = text
        return text.withUTF8 { writeAll(fd, UnsafeRawBufferPointer($0)) }
    }

    /// Writes `buffer` whole to the file descriptor `fd`, again after an interrupted or partial
    /// write; the `errno` of a failed write, or nil.
    private static func writeAll(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) -> Int32? {
        var written = 0
        while written < buffer.count {
            let n = posixWrite(fd, buffer.baseAddress! + written, buffer.count - written)
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            written += n
        }
        return nil
    }

    /// Whether stdout is a terminal (and not a pipe or a file).
    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) != 0 }
}

#if canImport(Glibc)
private let posixWrite = Glibc.write
#elseif canImport(Darwin)
private let posixWrite = Darwin.write
#endif
