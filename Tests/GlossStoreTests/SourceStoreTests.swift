import Foundation
import GlossCore
import Testing
@testable import GlossStore

@Suite("Source store")
struct SourceStoreTests {
    @Test func seedsAreStoredByteIdentical() throws {
        let temporary = try TemporaryWorkspace()
        let store = SourceStore(temporary.workspace)
        let paths = try Seeds.files().map(\.path)
        #expect(paths.count == 5)
        let stored = try store.importFiles(paths, id: nil, details: SourceDetails(languages: ["tr"]))
        for (seed, metadata) in zip(try Seeds.files(), stored) {
            let original = try Data(contentsOf: seed)
            let copy = try Data(contentsOf: temporary.workspace.sourcesDirectory.appendingPathComponent("\(metadata.id).txt"))
            #expect(copy == original)
            #expect(metadata.id.rawValue == seed.deletingPathExtension().lastPathComponent)
            #expect(metadata.sha256 == sha256Hex(Array(original)))
            #expect(metadata.length == String(decoding: original, as: UTF8.self).unicodeScalars.count)
        }
    }

    @Test func metadataRecordsWhatWasImported() throws {
        let temporary = try TemporaryWorkspace()
        let path = try temporary.file("Özsoy 2023.txt", "Bahar ÖZSOY\r\nMilitary Dimension\r\n")
        let details = SourceDetails(title: "Military Dimension", authors: ["Bahar Özsoy"], year: 2023, languages: ["tr", "en"])
        let metadata = try SourceStore(temporary.workspace).importFiles([path], id: nil, details: details)[0]
        #expect(metadata.id.rawValue == "ozsoy-2023")
        #expect(metadata.title == "Military Dimension")
        #expect(metadata.authors == ["Bahar Özsoy"])
        #expect(metadata.year == 2023)
        #expect(metadata.languages == ["tr", "en"])
        #expect(metadata.revision == 1)
        #expect(metadata.length == 31)
        #expect(metadata.importedFrom == "Özsoy 2023.txt")
        #expect(metadata.offsetUnit == "unicode-scalar")
        let reread = try SourceStore(temporary.workspace).metadata(for: metadata.id)
        #expect(reread == metadata)
        #expect(try SourceStore(temporary.workspace).text(of: metadata.id) == "Bahar ÖZSOY\nMilitary Dimension\n")
    }

    @Test func aDuplicateIDIsRefusedAndNothingChanges() throws {
        let temporary = try TemporaryWorkspace()
        let store = SourceStore(temporary.workspace)
        let first = try temporary.file("a.txt", "first text\n")
        let second = try temporary.file("b.txt", "second text\n")
        try store.importFiles([first], id: "paper", details: SourceDetails())
        #expect(throws: StoreError.sourceExists(try SourceID("paper"))) {
            try store.importFiles([second], id: "paper", details: SourceDetails())
        }
        #expect(try store.text(of: SourceID("paper")) == "first text\n")
    }

    @Test func aRefusedFileStopsTheWholeBatch() throws {
        let temporary = try TemporaryWorkspace()
        let good = try temporary.file("good.txt", "a good text\n")
        let bad = try temporary.file("bad.txt", [0x61, 0x62, 0xC3, 0x28])
        #expect(throws: TextImportError.invalidUTF8(file: bad, byteOffset: 2)) {
            try SourceStore(temporary.workspace).importFiles([good, bad], id: nil, details: SourceDetails())
        }
        #expect(try temporary.listing("sources").isEmpty)
    }

    /// A batch is staged file by file before anything is stored: an id taken by an earlier
    /// source refuses the whole batch, and neither its texts nor their staged copies stay behind.
    @Test func aTakenIDRefusesAStagedBatch() throws {
        let temporary = try TemporaryWorkspace()
        let store = SourceStore(temporary.workspace)
        try store.importFiles([temporary.file("taken.txt", "first\n")], id: nil, details: SourceDetails())
        let batch = try (0..<20).map { try temporary.file("new\($0).txt", "text \($0) (Smith, 2020)\n") } + [temporary.file("taken.md", "again\n")]
        #expect(throws: StoreError.sourceExists(try SourceID("taken"))) {
            try store.importFiles(batch, id: nil, details: SourceDetails())
        }
        #expect(try temporary.listing("sources") == ["taken.json", "taken.txt"])
        let stored = try store.importFiles(Array(batch.dropLast()), id: nil, details: SourceDetails())
        #expect(stored.map(\.id.rawValue) == (0..<20).map { "new\($0)" })
        #expect(try store.text(of: SourceID("new7")) == "text 7 (Smith, 2020)\n")
        #expect(try temporary.listing("sources").count == 42)
    }

    @Test func twoFilesWithOneDerivedIDAreRefused() throws {
        let temporary = try TemporaryWorkspace()
        let a = try temporary.file("Paper.txt", "one\n")
        let b = try temporary.file("paper.md", "two\n")
        #expect(throws: StoreError.duplicateIDInBatch(try SourceID("paper"))) {
            try SourceStore(temporary.workspace).importFiles([a, b], id: nil, details: SourceDetails())
        }
        #expect(try temporary.listing("sources").isEmpty)
    }

    @Test func aMissingFileIsNamed() throws {
        let temporary = try TemporaryWorkspace()
        #expect(throws: StoreError.fileMissing(path: "/no/such/file.txt")) {
            try SourceStore(temporary.workspace).importFiles(["/no/such/file.txt"], id: nil, details: SourceDetails())
        }
    }

    @Test func revisionsAreStoredAndTheOldTextStaysReadable() throws {
        let temporary = try TemporaryWorkspace()
        let store = SourceStore(temporary.workspace)
        let id = try SourceID("paper")
        try store.importFiles([temporary.file("v1.txt", "Zeytinci (2025:3) yazıyor.\n")], id: "paper", details: SourceDetails())
        let revised = try #require(try store.reviseFile("paper", path: temporary.file("v2.txt", "Zeytinci (2025: 3) yazıyor.\n")))
        #expect(revised.revision == 2)
        #expect(revised.revisions.map(\.revision) == [1, 2])
        #expect(revised.revisions[0].sha256 != revised.revisions[1].sha256)
        #expect(revised.sha256 == revised.revisions[1].sha256)
        #expect(try store.text(of: id) == "Zeytinci (2025: 3) yazıyor.\n")
        #expect(try store.text(of: id, revision: 1) == "Zeytinci (2025:3) yazıyor.\n")
        #expect(try temporary.listing("sources") == ["paper.json", "paper.txt", "paper@2.txt"])
        #expect(throws: StoreError.unknownRevision(id, 3, latest: 2)) { try store.text(of: id, revision: 3) }
        // The same text again is not a new revision.
        #expect(try store.reviseFile("paper", path: temporary.file("v3.txt", "Zeytinci (2025: 3) yazıyor.\r\n")) == nil)
        #expect(try store.metadata(for: id).revision == 2)
    }

    @Test func revisingAnUnknownSourceFails() throws {
        let temporary = try TemporaryWorkspace()
        #expect(throws: StoreError.unknownSource("nope")) {
            try SourceStore(temporary.workspace).reviseFile("nope", path: temporary.file("x.txt", "x\n"))
        }
    }

    @Test func aDamagedTextIsDetected() throws {
        let temporary = try TemporaryWorkspace()
        let store = SourceStore(temporary.workspace)
        try store.importFiles([temporary.file("a.txt", "original\n")], id: "a", details: SourceDetails())
        let stored = temporary.workspace.sourcesDirectory.appendingPathComponent("a.txt")
        try Data("edited by hand\n".utf8).write(to: stored)
        #expect(throws: StoreError.textDamaged(path: stored.path)) { try store.text(of: SourceID("a")) }
    }

    @Test func writesLeaveNoTemporaryFiles() throws {
        let temporary = try TemporaryWorkspace()
        let target = temporary.folder.appendingPathComponent("annotations/x.json")
        for round in 0..<20 {
            try AtomicFile.write("round \(round)\n", to: target)
        }
        #expect(try String(contentsOf: target, encoding: .utf8) == "round 19\n")
        #expect(try temporary.listing("annotations") == ["x.json"])
    }

    @Test func aFailedWriteLeavesTheOldFile() throws {
        let temporary = try TemporaryWorkspace()
        let target = temporary.folder.appendingPathComponent("annotations/x.json")
        try AtomicFile.write("old\n", to: target)
        let blocked = temporary.folder.appendingPathComponent("no-such-folder/x.json")
        #expect(throws: StoreError.self) { try AtomicFile.write("new\n", to: blocked) }
        #expect(try String(contentsOf: target, encoding: .utf8) == "old\n")
    }

    @Test func concurrentImportsAllLand() async throws {
        let temporary = try TemporaryWorkspace()
        let paths = try (0..<12).map { try temporary.file("paper\($0).txt", "text number \($0)\n") }
        let workspace = temporary.workspace
        try await withThrowingTaskGroup(of: Void.self) { group in
            for path in paths {
                group.addTask { _ = try SourceStore(workspace).importFiles([path], id: nil, details: SourceDetails()) }
            }
            try await group.waitForAll()
        }
        #expect(try SourceStore(workspace).all().count == 12)
    }
}
