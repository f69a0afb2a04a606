import Foundation
import Testing
@testable import GlossStore

@Suite("Workspace discovery")
struct WorkspaceTests {
    @Test func findsTheNearestParentWorkspace() throws {
        let temporary = try TemporaryWorkspace()
        let nested = temporary.folder.appendingPathComponent("notes/2025")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        let found = try Workspace.discover(explicit: nil, environment: [:], from: nested)
        #expect(found.root.path == temporary.workspace.root.path)
    }

    @Test func explicitPathAndEnvironmentOverrideDiscovery() throws {
        let first = try TemporaryWorkspace()
        let second = try TemporaryWorkspace()
        let environment = [Workspace.environmentVariable: second.folder.path]
        let viaEnvironment = try Workspace.discover(explicit: nil, environment: environment, from: first.folder)
        #expect(viaEnvironment.root.path == second.workspace.root.path)
        let viaOption = try Workspace.discover(explicit: first.folder.path, environment: environment, from: second.folder)
        #expect(viaOption.root.path == first.workspace.root.path)
    }

    @Test func outsideAWorkspaceTheErrorSaysHowToMakeOne() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-none-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect {
            try Workspace.discover(explicit: nil, environment: [:], from: folder)
        } throws: { error in
            "\(error)".contains("gloss init")
        }
        #expect(throws: StoreError.notAWorkspaceAt(path: folder.path, via: "GLOSS_WORKSPACE")) {
            try Workspace.discover(explicit: nil, environment: [Workspace.environmentVariable: folder.path], from: folder)
        }
    }

    @Test func initIsIdempotent() throws {
        let temporary = try TemporaryWorkspace()
        #expect(try Workspace.create(at: temporary.folder).created == false)
    }

    @Test func initOnAFileSaysSo() throws {
        let temporary = try TemporaryWorkspace()
        let file = temporary.folder.appendingPathComponent("notes.txt")
        try Data("x".utf8).write(to: file)
        #expect(throws: StoreError.writeFailed(path: file.path, reason: "a file of that name is in the way")) {
            try Workspace.create(at: file)
        }
        #expect(try String(contentsOf: file, encoding: .utf8) == "x")
    }
}
