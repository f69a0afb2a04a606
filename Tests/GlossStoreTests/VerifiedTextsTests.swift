import Dispatch
import Foundation
import GlossCore
import Testing
@testable import GlossStore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `.gloss-cache/verified`: texts whose stat signature is unchanged since they passed their sha256
/// check are not hashed again by `gloss cites`; anything that changes the signature brings the hash back.
@Suite("Verified texts")
struct VerifiedTextsTests {
    /// A workspace with source `a` (`a.txt`) and a store that records texts however new they are.
    final class Fixture {
        let temporary: TemporaryWorkspace
        let metadata: SourceMetadata
        var text: URL { temporary.workspace.sourcesDirectory.appendingPathComponent("a.txt") }
        var recordFile: URL { temporary.workspace.cacheDirectory.appendingPathComponent("verified") }

        init(_ content: String = "Bu görüş yaygındır (Aksoy, 2012: 45).\n") throws {
            temporary = try TemporaryWorkspace()
            metadata = try SourceStore(temporary.workspace)
                .importFiles([temporary.file("a.txt", content)], id: "a", details: SourceDetails())[0]
        }

        /// A store as a new process would open it (records read from disk afresh).
        func store(settle: Int64 = 0) -> SourceStore {
            SourceStore(temporary.workspace, verified: VerifiedTexts(file: recordFile, settle: settle))
        }

        /// Reads `a` as `gloss cites` does and saves the record.
        @discardableResult
        func readAndRemember() throws -> [UInt8] {
            let store = store()
            let bytes = try store.bytes(of: metadata, check: .unlessUnchanged)
            store.rememberVerifiedTexts()
            return bytes
        }

        func records() throws -> [String: VerifiedTexts.Record]? {
            VerifiedTexts.parse(try String(contentsOf: recordFile, encoding: .utf8))
        }

        func signature() throws -> FileSignature {
            try #require(try FileBytes.readSigned(text).signature)
        }

        /// Overwrites the text in place (same inode), keeping its size.
        func overwriteInPlace(_ content: String) throws {
            let handle = try FileHandle(forWritingTo: text)
            try handle.write(contentsOf: Data(content.utf8))
            try handle.close()
        }

        /// Sets the text's modification time back to `time`, to the nanosecond.
        func setModificationTime(_ time: FileSignature.Timestamp) {
            var times = [timespec(tv_sec: Int(time.seconds), tv_nsec: Int(time.nanoseconds)),
                         timespec(tv_sec: Int(time.seconds), tv_nsec: Int(time.nanoseconds))]
            #expect(utimensat(AT_FDCWD, text.path, &times, 0) == 0)
        }
    }

    @Test func aVerifiedTextIsRecordedAndTrustedWhileUnchanged() throws {
        let fixture = try Fixture()
        let bytes = try fixture.readAndRemember()
        let records = try #require(try fixture.records())
        #expect(records["a.txt"] == VerifiedTexts.Record(sha256: fixture.metadata.sha256, signature: try fixture.signature()))
        // A new process reads the record and trusts the unchanged text.
        let verified = VerifiedTexts(file: fixture.recordFile)
        #expect(verified.contains("a.txt", sha256: fixture.metadata.sha256, signature: try fixture.signature()))
        #expect(try fixture.store().bytes(of: fixture.metadata, check: .unlessUnchanged) == bytes)
    }

    @Test func anEditedTextIsRefusedAfterItWasRecorded() throws {
        let fixture = try Fixture()
        try fixture.readAndRemember()
        try Data("edited by hand, longer than before\n".utf8).write(to: fixture.text)
        #expect(throws: StoreError.textDamaged(path: fixture.text.path)) {
            try fixture.store().bytes(of: fixture.metadata, check: .unlessUnchanged)
        }
    }

    @Test func anEditOfTheSameSizeWithItsModificationTimeSetBackIsRefused() throws {
        let fixture = try Fixture("Sonuç açıktır (Kaya, 2020).\n")
        try fixture.readAndRemember()
        let recorded = try fixture.signature()
        try fixture.overwriteInPlace("Sonuç açıktır (Kaya, 2021).\n")
        fixture.setModificationTime(recorded.modified)
        let now = try fixture.signature()
        // Same file, size and modification time: only the status-change time, which no one can
        // set back, tells the edit apart.
        #expect(now.inode == recorded.inode && now.size == recorded.size && now.modified == recorded.modified)
        #expect(now.changed != recorded.changed)
        #expect(throws: StoreError.textDamaged(path: fixture.text.path)) {
            try fixture.store().bytes(of: fixture.metadata, check: .unlessUnchanged)
        }
    }

    @Test func aRecordIsOnlyTrustedForItsSignatureAndCheckAlwaysHashes() throws {
        let fixture = try Fixture()
        try fixture.readAndRemember()
        try fixture.overwriteInPlace("Bu görüş yaygındır (Aksoy, 2012: 46).\n")
        // What the record cannot see: a damaged text whose signature matches it (here forged, as
        // bit rot under the file system would leave it). `gloss cites` trusts it; `gloss check`
        // and every `.always` read hash it and refuse it.
        let forged = "gloss-verified 1\n\(fixture.metadata.sha256) \(try Self.fields(fixture.signature())) a.txt\n"
        try Data(forged.utf8).write(to: fixture.recordFile)
        let trusted = try fixture.store().bytes(of: fixture.metadata, check: .unlessUnchanged)
        #expect(String(decoding: trusted, as: UTF8.self).contains("46"))
        #expect(throws: StoreError.textDamaged(path: fixture.text.path)) {
            try fixture.store().bytes(of: fixture.metadata, check: .always)
        }
        let context = try CheckInputLoader(fixture.temporary.workspace).load([])
        #expect(context.sources.map { $0.damage != nil } == [true])
    }

    @Test func aRecordForAnotherSha256IsNotTrusted() throws {
        let fixture = try Fixture()
        try fixture.readAndRemember()
        try fixture.overwriteInPlace("Bu görüş yaygındır (Aksoy, 2012: 46).\n")
        let other = String(repeating: "ab", count: 32)
        try Data("gloss-verified 1\n\(other) \(try Self.fields(fixture.signature())) a.txt\n".utf8).write(to: fixture.recordFile)
        #expect(throws: StoreError.textDamaged(path: fixture.text.path)) {
            try fixture.store().bytes(of: fixture.metadata, check: .unlessUnchanged)
        }
    }

    static let garbage: [String] = [
        "", "\u{0}\u{1}binary", "gloss-verified 1", "gloss-verified 2\n",
        "gloss-verified 1\nnot a record\n", "gloss-verified 1\n\(String(repeating: "a", count: 64)) 1 2 3 4 5 6 7\n",
        "gloss-verified 1\n\(String(repeating: "g", count: 64)) 1 2 3 4 5 6 7 a.txt\n",
        "gloss-verified 1\n\(String(repeating: "a", count: 64)) 1 2 3 4 5 6 x a.txt\n",
    ]

    @Test(arguments: garbage)
    func aGarbageRecordIsIgnoredAndReplaced(_ content: String) throws {
        #expect(VerifiedTexts.parse(content) == nil)
        let fixture = try Fixture()
        try FileManager.default.createDirectory(at: fixture.temporary.workspace.cacheDirectory, withIntermediateDirectories: true)
        try Data(content.utf8).write(to: fixture.recordFile)
        try fixture.readAndRemember()
        #expect(try fixture.records()?["a.txt"]?.sha256 == fixture.metadata.sha256)
        try Data(content.utf8).write(to: fixture.recordFile)
        try Data("edited by hand\n".utf8).write(to: fixture.text)
        #expect(throws: StoreError.textDamaged(path: fixture.text.path)) {
            try fixture.store().bytes(of: fixture.metadata, check: .unlessUnchanged)
        }
    }

    @Test func aTextChangedMomentsBeforeTheReadIsNotRecorded() throws {
        // An edit in the same clock tick as the read could leave every time unchanged.
        let fixture = try Fixture()
        let store = fixture.store(settle: 3_600_000_000_000)
        _ = try store.bytes(of: fixture.metadata, check: .unlessUnchanged)
        store.rememberVerifiedTexts()
        #expect(!FileManager.default.fileExists(atPath: fixture.recordFile.path))
    }

    @Test func sourcesReadOnManyThreadsAreAllRecorded() throws {
        let temporary = try TemporaryWorkspace()
        let paths = try (0..<24).map { try temporary.file("t\($0).txt", "Metin \($0) (Kaya, 20\($0 % 10)0).\n") }
        let stored = try SourceStore(temporary.workspace).importFiles(paths, id: nil, details: SourceDetails())
        let file = temporary.workspace.cacheDirectory.appendingPathComponent("verified")
        let store = SourceStore(temporary.workspace, verified: VerifiedTexts(file: file, settle: 0))
        DispatchQueue.concurrentPerform(iterations: stored.count) { index in
            _ = try? store.bytes(of: stored[index], check: .unlessUnchanged)
        }
        store.rememberVerifiedTexts()
        let records = try #require(VerifiedTexts.parse(try String(contentsOf: file, encoding: .utf8)))
        #expect(Set(records.keys) == Set(stored.map(\.current.file)))
        #expect(records.values.allSatisfy { record in stored.contains { $0.sha256 == record.sha256 } })
    }

    static func fields(_ s: FileSignature) -> String {
        "\(s.device) \(s.inode) \(s.size) \(s.modified.seconds) \(s.modified.nanoseconds) \(s.changed.seconds) \(s.changed.nanoseconds)"
    }
}
