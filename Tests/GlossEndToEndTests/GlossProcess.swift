import Foundation

/// Runs the built `gloss` binary, as a researcher would, and captures what it prints.
struct GlossProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The binary: `$GLOSS_BINARY`, else `gloss` beside the test bundle in the build folder.
    static let binary: URL = {
        if let path = ProcessInfo.processInfo.environment["GLOSS_BINARY"] {
            return URL(fileURLWithPath: path)
        }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        if folder.pathExtension == "xctest" { folder.deleteLastPathComponent() }
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("gloss")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                return candidate
            }
            folder.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: ".build/debug/gloss")
    }()

    /// Starts `gloss arguments…` (or `executable arguments…`) in `directory`; call `wait()` on the result.
    static func start(_ arguments: [String], in directory: URL, environment: [String: String] = [:],
                      executable: String? = nil) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = executable.map { URL(fileURLWithPath: $0) } ?? binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "GLOSS_WORKSPACE")
        env.merge(environment) { $1 }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        return (process, out, err)
    }

    /// Runs `gloss arguments…` in `directory` to the end.
    @discardableResult
    static func run(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> Result {
        let (process, out, err) = try start(arguments, in: directory, environment: environment)
        return finish(process, out, err)
    }

    /// The path of a tool on `PATH` (`biber`, `bibtex`), or nil when it is not installed.
    static func tool(_ name: String) -> String? {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
            .map { "\($0)/\(name)" }.first(where: FileManager.default.isExecutableFile)
    }

    static func finish(_ process: Process, _ out: Pipe, _ err: Pipe) -> Result {
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }
}

/// A temporary folder for one test, removed afterwards.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
        return file.path
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, Array(text.utf8))
    }
}

/// The seed articles: the repository's own `sources/*.txt`.
enum Seeds {
    /// The repository's root, which is also a workspace.
    static let repository: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()
    static let folder = repository.appendingPathComponent("sources")
}

/// The team's shared folder beside the repository (`../shared`: the TEI schema), or nil on a
/// clone without it, or when `GLOSS_NO_SHARED=1` asks the tests to behave as on such a clone.
enum Shared {
    static let folder: URL? = {
        guard ProcessInfo.processInfo.environment["GLOSS_NO_SHARED"] != "1" else { return nil }
        let shared = Seeds.repository.deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: shared.path) ? shared : nil
    }()

    /// A file in the shared folder, or nil when it (or the folder) is absent.
    static func file(_ path: String) -> URL? {
        guard let url = folder?.appendingPathComponent(path), FileManager.default.fileExists(atPath: url.path) else { return nil }
        return url
    }
}
