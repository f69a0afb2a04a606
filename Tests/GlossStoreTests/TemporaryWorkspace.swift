import Foundation
import GlossStore

/// A fresh workspace in a temporary folder, removed when the test is done.
final class TemporaryWorkspace {
    let folder: URL
    let workspace: Workspace

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-test-\(UUID().uuidString)")
        workspace = try Workspace.create(at: folder).workspace
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Writes `bytes` to a file outside sources/ and returns its path.
    func file(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    func file(_ name: String, _ text: String) throws -> String {
        try file(name, Array(text.utf8))
    }

    /// The names in a folder of the workspace, sorted.
    func listing(_ subfolder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(subfolder).path).sorted()
    }
}

/// The seed articles: the repository's own `sources/*.txt`.
enum Seeds {
    static let folder: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("sources")
    }()

    /// The five seed texts, sorted; throws if the repository's `sources/` cannot be read.
    static func files() throws -> [URL] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        return names.filter { $0.hasSuffix(".txt") }.sorted().map { folder.appendingPathComponent($0) }
    }
}
