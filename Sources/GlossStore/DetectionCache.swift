import Foundation
import GlossCore

/// Detected citations and footnotes of stored texts, kept under `.gloss-cache/citations/<sha256>.json`.
///
/// An entry names the sha256 of the text it was made from and the scanner version that made it; an
/// entry that is missing, unreadable or made by another scanner version is stale and is rebuilt.
/// Entries are derived data: written atomically, never needed for correctness.
public struct DetectionCache: Sendable {
    public let workspace: Workspace

    public init(_ workspace: Workspace) {
        self.workspace = workspace
    }

    /// The cache folder for detections.
    public var directory: URL { workspace.cacheDirectory.appendingPathComponent("citations", isDirectory: true) }

    struct Entry: Codable {
        var scanner: String
        var sha256: String
        var scan: CitationScan
    }

    /// The cached scan of the text with this sha256, if a fresh one exists.
    public func scan(sha256: String) -> CitationScan? {
        guard let data = try? Data(contentsOf: url(sha256)),
              let entry = try? JSONDecoder().decode(Entry.self, from: data),
              entry.scanner == CitationScanner.version, entry.sha256 == sha256
        else { return nil }
        return entry.scan
    }

    /// Stores the scan of the text with this sha256.
    public func store(_ scan: CitationScan, sha256: String) throws(StoreError) {
        let target = url(sha256)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw .writeFailed(path: directory.path, reason: error.localizedDescription)
        }
        let bytes: Data
        do {
            bytes = try JSONEncoder().encode(Entry(scanner: CitationScanner.version, sha256: sha256, scan: scan))
        } catch {
            throw .writeFailed(path: target.path, reason: "\(error)")
        }
        try AtomicFile.write(Array(bytes), to: target)
    }

    private func url(_ sha256: String) -> URL { directory.appendingPathComponent("\(sha256).json") }
}
