import Foundation
@testable import GlossStore
import Testing

/// `FailureReason` words errors as Foundation's `localizedDescription` did.
@Suite("Failure reasons")
struct FailureReasonTests {
    enum Local: Error { case first, second }

    @Test func cocoaCodesAsFoundation() {
        for code in 0..<5_000 {
            let bare = CocoaError(CocoaError.Code(rawValue: code))
            #expect(FailureReason.text(bare) == bare.localizedDescription, "code \(code)")
            let described = CocoaError(CocoaError.Code(rawValue: code), userInfo: [NSFilePathErrorKey: "/x/y", NSUnderlyingErrorKey: POSIXError(.ENOENT)])
            #expect(FailureReason.text(described) == described.localizedDescription, "code \(code) with a path")
        }
        let worded = CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "Worded."])
        #expect(FailureReason.text(worded) == worded.localizedDescription)
    }

    @Test func otherErrorsAsFoundation() {
        for code in [POSIXErrorCode.ENOENT, .EACCES, .ENOTDIR, .EISDIR, .ENOSPC, .EROFS, .EEXIST] {
            #expect(FailureReason.text(POSIXError(code)) == POSIXError(code).localizedDescription)
        }
        #expect(FailureReason.text(Local.second) == Local.second.localizedDescription)
    }

    @Test func fileErrorsAsFoundation() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-failure-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("file.txt")
        try Data("x".utf8).write(to: file)
        let attempts: [() throws -> Void] = [
            { _ = try Data(contentsOf: folder.appendingPathComponent("missing.txt")) },
            { _ = try Data(contentsOf: folder) },
            { _ = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("missing").path) },
            { _ = try FileManager.default.contentsOfDirectory(atPath: file.path) },
            { try FileManager.default.createDirectory(atPath: file.appendingPathComponent("sub").path, withIntermediateDirectories: true) },
        ]
        for attempt in attempts {
            do {
                try attempt()
                Issue.record("expected a failure")
            } catch {
                #expect(FailureReason.text(error) == error.localizedDescription)
            }
        }
    }
}

@Suite("Path kinds")
struct PathKindTests {
    @Test func answersAsFileManager() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-pathkind-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("file.txt")
        try Data("x".utf8).write(to: file)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("to-folder").path, withDestinationPath: folder.path)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("to-file").path, withDestinationPath: file.path)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("broken").path, withDestinationPath: folder.appendingPathComponent("none").path)
        for name in ["file.txt", "to-folder", "to-file", "broken", "none", "file.txt/below", ""] {
            let path = name.isEmpty ? folder.path : folder.appendingPathComponent(name).path
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            let expected: PathKind = !exists ? .missing : isDirectory.boolValue ? .folder : .file
            #expect(PathKind(path) == expected, "\(name)")
        }
    }
}
