import Foundation
import GlossStore

/// Reading a document to import (TEI, JATS, Word) whole, before anything is written.
enum DocumentFile {
    /// The bytes of the file at `path`; a missing or unreadable file is a one-line error.
    static func bytes(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FileManager.default.fileExists(atPath: path)
                ? StoreError.readFailed(path: path, reason: "permission denied or not a file")
                : StoreError.fileMissing(path: path)
        }
        return Array(data)
    }
}
