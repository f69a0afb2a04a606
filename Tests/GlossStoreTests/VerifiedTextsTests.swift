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
    /// The two ways a stored text is read: into a buffer (`bytes(of:)`), and mapped where it lies
    /// (`withText(of:)`, as `gloss cites` scans).
    enum Reader: CaseIterable, Sendable {
        case buffer, mapped

        func read(_ metadata: SourceMetadata, from store: SourceStore, check: SourceStore.TextCheck) throws(StoreError) -> [UInt8] {
            switch self {
            case .buffer: try store.bytes(of: metadata, check: check)
            case .mapped: try store.withText(of: metadata, check: check) { Array($0) }
            }
        }
    }

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

        /// Reads `a` by `reader` from a new store.
        func read(_ reader: Reader, check: SourceStore.TextCheck = .unlessUnchanged) throws(StoreError) -> [UInt8] {
            try reader.read(metadata, from: store(), check: check)
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

    @Test(arguments: Reader.allCases)
    func aVerifiedTextIsRecordedAndTrustedWhileUnchanged(reader: Reader) throws {
        let fixture = try Fixture()
        let bytes = try fixture.readAndRemember()
        let records = try #require(try fixture.records())
        #expect(records["a.txt"] == VerifiedTexts.Record(sha256: fixture.metadata.sha256, signature: try fixture.signature()))
        // A new process reads the record and trusts the unchanged text.
        let verified = VerifiedTexts(file: fixture.recordFile)
        #expect(verified.contains("a.txt", sha256: fixture.metadata.sha256, signature: try fixture.signature()))
        #expect(try fixture.read(reader) == bytes)
    }

    @Test(arguments: Reader.allCases)
    func anEditedTextIsRefusedAfterItWasRecorded(reader: Reader) throws {
        let fixture = try Fixture()
        try fixture.readAndRemember()
        try Data("edited by hand, longer than before\n".utf8).write(to: fixture.text)
        #expect(throws: StoreError.textDamaged(path: fixture.text.path)) {
            try fixture.read(reader)
        }
    }

    @Test(arguments: Reader.allCases)
    func anEditOfTheSameSizeWithItsModificationTimeSetBackIsRefused(reader: Reader) throws {
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
            try fixture.read(reader)
        }
    }

    @Test(arguments: Reader.allCases)
    func aRecordIsOnlyTrustedForItsSignatureAndCheckAlwaysHashes(reader: Reader) throws {
        let fixture = try Fixture()
        try fixture.readAndRemember()
        try fixture.overwriteInPlace("Bu görüş yaygındır (Aksoy, 2012: 46).\n")
        // What the record cannot see: a damaged text whose signature matches it (here forged, as
        // bit rot under the file system would leave it). `gloss cites` trusts it; `gloss check`
        // and every `.always` read hash it and refuse it.
        let forged = "gloss-verified 1\n\(fixture.metadata.sha256) \(try Self.fields(fixture.signature())) a.txt\n"
        try Data(forged.utf8).write(to: fixture.recordFile)
        let trusted = try fixture.read(reader)
        #expect(String(decoding: trusted, as: UTF8.self).contains("46"))
        #expect(throws: StoreError.textDamaged(path: fixture.text.path)) {
            try fixture.read(reader, check: .always)
        }
        let context = try CheckInputLoader(fixture.temporary.workspace).load([])
        #expect(context.sources.map { $0.damage != nil } == [true])
    }

    @Test(arguments: Reader.allCases)
    func aRecordForAnotherSha256IsNotTrusted(reader: Reader) throws {
        let fixture = try Fixture()
        try fixture.readAndRemember()
        try fixture.overwriteInPlace("Bu görüş yaygındır (Aksoy, 2012: 46).\n")
        let other = String(repeating: "ab", count: 32)
        try Data("gloss-verified 1\n\(other) \(try Self.fields(fixture.signature())) a.txt\n".utf8).write(to: fixture.recordFile)
        #expect(throws: StoreError.textDamaged(path: fixture.text.path)) {
            try fixture.read(reader)
        }
    }

    @Test func aMappedTextIsRecordedAsAReadOneIs() throws {
        let fixture = try Fixture()
        let store = fixture.store()
        let bytes = try store.withText(of: fixture.metadata, check: .unlessUnchanged) { Array($0) }
        store.rememberVerifiedTexts()
        #expect(bytes == Array("Bu görüş yaygındır (Aksoy, 2012: 45).\n".utf8))
        #expect(try fixture.records()?["a.txt"] == VerifiedTexts.Record(sha256: fixture.metadata.sha256, signature: try fixture.signature()))
    }

    @Test func aTextEditedWhileMappedIsReadAgainAndRefused() throws {
        let fixture = try Fixture()
        try fixture.readAndRemember()
        var calls = 0
        // The edit lands while the mapped text is being read: the new signature sends it to the
        // checked read, which refuses it, rather than trusting what was read.
        #expect(throws: StoreError.textDamaged(path: fixture.text.path)) {
            try fixture.store().withText(of: fixture.metadata, check: .unlessUnchanged) { _ in
                calls += 1
                if calls == 1 { try? Data("edited by hand while gloss read it\n".utf8).write(to: fixture.text) }
            }
        }
        #expect(calls == 1)
    }

    @Test func anEmptyTextIsReadNotMapped() throws {
        let fixture = try Fixture()
        try Data().write(to: fixture.text)
        var metadata = fixture.metadata
        metadata.revisions[metadata.revisions.count - 1].sha256 = sha256Hex([])
        #expect(try fixture.store().withText(of: metadata) { $0.count } == 0)
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
