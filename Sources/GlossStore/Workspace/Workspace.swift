import Foundation
import GlossCore

/// A folder holding `sources/` and `annotations/`, found the way git finds `.git`.
public struct Workspace: Sendable {
    /// The workspace folder.
    public let root: URL

    // Stored, not computed: extending a `URL` is slow, and these are asked for often.
    public let sourcesDirectory: URL
    public let annotationsDirectory: URL
    /// Derived data, ignored by git and rebuilt when missing.
    public let cacheDirectory: URL

    /// The environment variable that overrides discovery.
    public static let environmentVariable = "GLOSS_WORKSPACE"

    /// Opens the workspace at `root`, which must already be one.
    public init(at root: URL) throws(StoreError) {
        guard Self.isWorkspace(root) else {
            throw .notAWorkspaceAt(path: root.path, via: "the path")
        }
        self.init(validRoot: root)
    }

    private init(validRoot: URL) {
        root = validRoot.standardizedFileURL
        sourcesDirectory = root.appendingPathComponent("sources", isDirectory: true)
        annotationsDirectory = root.appendingPathComponent("annotations", isDirectory: true)
        cacheDirectory = root.appendingPathComponent(".gloss-cache", isDirectory: true)
    }

    /// Finds the workspace: `explicit` (from `--workspace`) wins, then `GLOSS_WORKSPACE`, then
    /// `directory` and its parents.
    public static func discover(
        explicit: String?,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        from directory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    ) throws(StoreError) -> Workspace {
        if let explicit {
            let url = URL(fileURLWithPath: explicit, relativeTo: directory)
            guard isWorkspace(url) else { throw .notAWorkspaceAt(path: explicit, via: "--workspace") }
            return Workspace(validRoot: url)
        }
        if let fromEnvironment = environment[environmentVariable], !fromEnvironment.isEmpty {
            let url = URL(fileURLWithPath: fromEnvironment, relativeTo: directory)
            guard isWorkspace(url) else { throw .notAWorkspaceAt(path: fromEnvironment, via: environmentVariable) }
            return Workspace(validRoot: url)
        }
        var candidate = directory.standardizedFileURL
        while true {
            if isWorkspace(candidate) { return Workspace(validRoot: candidate) }
            let parent = candidate.deletingLastPathComponent()
            if parent.path == candidate.path { break }
            candidate = parent
        }
        throw .notAWorkspace(searchedFrom: directory.path)
    }

    /// Makes `root` a workspace (creating folders as needed). Returns whether anything was created.
    @discardableResult
    public static func create(at root: URL) throws(StoreError) -> (workspace: Workspace, created: Bool) {
        let workspace = Workspace(validRoot: root)
        // Said here: creating the folders inside a file fails with a reason that names neither.
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw .writeFailed(path: root.path, reason: "a file of that name is in the way")
        }
        var created = false
        for folder in [workspace.sourcesDirectory, workspace.annotationsDirectory] {
            if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) {
                guard isDirectory.boolValue else {
                    throw .writeFailed(path: folder.path, reason: "a file of that name is in the way")
                }
                continue
            }
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                created = true
            } catch {
                throw .writeFailed(path: folder.path, reason: error.localizedDescription)
            }
        }
        try ignoreCache(in: root)
        return (workspace, created)
    }

    /// Makes git ignore `.gloss-cache/` (derived data) in a workspace kept in git: writes a
    /// `.gitignore` that says so, or adds the line to one that does not.
    static func ignoreCache(in root: URL) throws(StoreError) {
        let rule = ".gloss-cache/"
        let file = root.appendingPathComponent(".gitignore")
        var bytes: [UInt8] = []
        if FileManager.default.fileExists(atPath: file.path) {
            bytes = try FileBytes.read(file)
            let lines = String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline)
            if lines.contains(where: { [rule, ".gloss-cache", "/.gloss-cache", "/.gloss-cache/"].contains(String($0.filter { !$0.isWhitespace })) }) {
                return
            }
            if let last = bytes.last, last != UInt8(ascii: "\n") { bytes.append(UInt8(ascii: "\n")) }
        }
        try AtomicFile.write(bytes + Array("\(rule)\n".utf8), to: file)
    }

    /// Whether `url` holds both `sources/` and `annotations/` folders.
    public static func isWorkspace(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        for name in ["sources", "annotations"] {
            let path = url.appendingPathComponent(name).path
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                return false
            }
        }
        return true
    }
}
