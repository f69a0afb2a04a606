import Foundation

/// Reads a file of the workspace, telling a missing file from an unreadable one.
enum StoredFile {
    static func read(_ url: URL) throws(StoreError) -> Data {
        do {
            return try Data(contentsOf: url)
        } catch {
            if !FileManager.default.fileExists(atPath: url.path) { throw .fileMissing(path: url.path) }
            throw .readFailed(path: url.path, reason: error.localizedDescription)
        }
    }
}
