import Foundation
import GlossCore

/// The results of `gloss check` per source, kept under `.gloss-cache/checks/<key>.json`.
///
/// An entry's key is the sha256 of everything its findings depend on: the checker's and the
/// scanner's versions, the gloss executable itself (so that a rebuilt parser never serves stale
/// findings), the rules selected, the source's metadata, the sha256 of its text, its annotations
/// file and the library file. Anything changed gives another key, so an entry is never updated,
/// only made; one that does not decode (cut short by a power cut: entries are derived data,
/// written without fsync) is made again. The file's first line is the sha256 of the rest, so an
/// entry edited in place (same size or not) is made again too, never trusted. Texts are still read
/// and hashed on every run, so a text damaged on disk is reported whatever the cache holds.
public struct CheckCache: Sendable {
    /// The cache folder for check results.
    public let directory: URL

    public init(_ workspace: Workspace) {
        directory = workspace.cacheDirectory.appendingPathComponent("checks", isDirectory: true)
    }

    /// What is cached of one source.
    public struct Entry: Codable, Sendable, Equatable {
        public var result: SourceCheckResult
        /// Set when the text's length is not the one its metadata records (a `source-files` finding).
        public var lengthProblem: String?
    }

    /// The entry under `key`, when there is one that reads.
    public func entry(_ key: String) -> Entry? {
        guard let bytes = try? FileBytes.read(path: path(key)), bytes.count > 65, bytes[64] == UInt8(ascii: "\n") else { return nil }
        let body = Array(bytes[65...])
        guard Array(sha256Hex(body).utf8) == Array(bytes[..<64]) else { return nil }
        return try? JSONDecoder().decode(Entry.self, from: Data(body))
    }

    /// Stores `entry` under `key`; failing to is only a cost for the next run.
    public func store(_ entry: Entry, key: String) {
        guard let bytes = try? JSONEncoder().encode(entry) else { return }
        let body = Array(bytes)
        try? AtomicFile.write(parts: [Array((sha256Hex(body) + "\n").utf8), body], toPath: path(key), durable: false, creatingFolder: true)
    }

    /// The key of one source's entry: the sha256 of `parts` after `workspaceKey` (see the type's
    /// description), each on a line of its own.
    public static func key(workspaceKey: String, metadata: SourceMetadata, annotations: String) -> String {
        let metadataJSON = (try? StoredJSON.encode(metadata)).map(sha256Hex) ?? ""
        return sha256Hex(Array([workspaceKey, metadata.id.rawValue, metadataJSON, metadata.sha256, annotations].joined(separator: "\n").utf8))
    }

    /// What every source's key shares: versions, the executable, the rules and the library.
    public static func workspaceKey(checker: Checker, library: String) -> String {
        var executable = "unknown"
        if let path = Bundle.main.executablePath, let signature = FileSignature(path: path) {
            executable = "\(path) \(signature)"
        }
        return [Checker.version, CitationScanner.version, executable, checker.rules.map { $0.code }.joined(separator: ","), library]
            .joined(separator: "\n")
    }

    /// The sha256 of the file at `url`, or `-` when it does not exist (no annotations yet, no library).
    static func digest(of url: URL) throws(StoreError) -> String {
        do {
            return sha256Hex(try FileBytes.read(url))
        } catch .fileMissing {
            return "-"
        }
    }

    private func path(_ key: String) -> String { directory.path + "/" + key + ".json" }
}
