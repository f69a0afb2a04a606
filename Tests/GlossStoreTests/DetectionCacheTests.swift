import Foundation
import GlossCore
import GlossStore
import Testing

@Suite("Detection cache")
struct DetectionCacheTests {
    /// A fresh workspace holding one source with `text`.
    static func workspace(with text: String) throws -> (Workspace, SourceMetadata) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-cache-\(UUID().uuidString)")
        let workspace = try Workspace.create(at: root).workspace
        let file = root.appendingPathComponent("article.txt")
        try Data(text.utf8).write(to: file)
        let prepared = try SourceStore.prepare(path: file.path)
        let stored = try SourceStore(workspace).add([(id: try SourceID("article"), text: prepared, details: SourceDetails())])
        return (workspace, stored[0])
    }

    @Test func scansOnceThenReadsTheCache() throws {
        let (workspace, source) = try Self.workspace(with: "Bu görüş yaygındır (Aksoy, 2012: 45) ve [3] de.")
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        let index = CitationIndex(workspace)
        let first = try index.detections(of: ["article"])
        #expect(first[0].scan.citations.map(\.text) == ["(Aksoy, 2012: 45)", "[3]"])
        let entry = DetectionCache(workspace).directory.appendingPathComponent("\(source.detectionKey).jsonl")
        #expect(FileManager.default.fileExists(atPath: entry.path))
        #expect(DetectionCache(workspace).scan(sha256: source.detectionKey) == first[0].scan)
        #expect(try index.detections(of: []).map(\.scan) == first.map(\.scan))
    }

    @Test func staleOrDamagedEntriesAreRebuilt() throws {
        let (workspace, source) = try Self.workspace(with: "Sonuç açıktır (Kaya, 2020).")
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        let cache = DetectionCache(workspace)
        // An entry made by another scanner version, and one that is not JSON, are both ignored.
        try cache.store(CitationScan(citations: [], footnotes: []), sha256: source.detectionKey)
        let entry = cache.directory.appendingPathComponent("\(source.detectionKey).jsonl")
        let stale = try String(contentsOf: entry, encoding: .utf8)
            .replacingOccurrences(of: CitationScanner.version, with: "scanner-0")
        try Data(stale.utf8).write(to: entry)
        #expect(cache.scan(sha256: source.detectionKey) == nil)
        #expect(try CitationIndex(workspace).detections(of: ["article"])[0].scan.citations.count == 1)
        try Data("{broken".utf8).write(to: entry)
        #expect(try CitationIndex(workspace).detections(of: ["article"])[0].scan.citations.count == 1)
        #expect(cache.scan(sha256: source.detectionKey)?.citations.count == 1)
    }

    /// A first scan serves its lines from the entry it has just stored; where no entry can be
    /// written, from memory. Both say what the scanner found.
    @Test func firstScanLinesWithAndWithoutACache() throws {
        let text = "Bir (Kaya, 2020) iki (Ali, 2019: 4) ve [3, s. 12]."
        let expected = CitationJSONLine.lines(CitationScanner.scan(utf8: Array(text.utf8), source: try SourceID("article")).citations)
        let (cached, source) = try Self.workspace(with: text)
        defer { try? FileManager.default.removeItem(at: cached.root) }
        #expect(try CitationIndex(cached).citationLines() == expected)
        #expect(DetectionCache(cached).citationLines(sha256: source.detectionKey) != nil)

        let (uncached, _) = try Self.workspace(with: text)
        defer { try? FileManager.default.removeItem(at: uncached.root) }
        // A file where the cache folder belongs: no entry can be stored.
        let folder = uncached.root.appendingPathComponent(".gloss-cache")
        try? FileManager.default.removeItem(at: folder)
        try Data("not a folder".utf8).write(to: folder)
        #expect(try CitationIndex(uncached).citationLines() == expected)
        #expect(try CitationIndex(uncached).citationLines() == expected)
    }

    /// Two sources holding the same text each get their own citations: an entry's lines name
    /// their source, so the cache keeps one entry a source, not one a text.
    @Test func sourcesWithTheSameTextKeepTheirOwnIDs() throws {
        let text = "Bu görüş yaygındır (Aksoy, 2012: 45) ve [3] de."
        let (workspace, _) = try Self.workspace(with: text)
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        let file = workspace.root.appendingPathComponent("copy.txt")
        try Data(text.utf8).write(to: file)
        _ = try SourceStore(workspace).add([(id: try SourceID("copy"), text: try SourceStore.prepare(path: file.path), details: SourceDetails())])
        for _ in 0..<2 {  // cold, then from the cache
            let index = CitationIndex(workspace)
            let lines = String(decoding: try index.citationLines(of: ["article", "copy"]), as: UTF8.self)
            #expect(lines.components(separatedBy: "\n").filter { $0.contains(#""source":"copy""#) }.count == 2)
            #expect(lines.components(separatedBy: "\n").filter { $0.contains(#""source":"article""#) }.count == 2)
            for id in ["article", "copy"] {
                let scan = try index.detections(of: [id])[0].scan
                #expect(scan.citations.map(\.source.rawValue) == [id, id])
            }
        }
    }

    /// A new entry is written in place (no temporary file is left beside it); an existing one, here
    /// damaged, is replaced whole.
    @Test func newEntriesAreWrittenInPlaceAndOldOnesReplaced() throws {
        let (workspace, source) = try Self.workspace(with: "Bir (Kaya, 2020) iki [3].")
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        let cache = DetectionCache(workspace)
        let scan = CitationScanner.scan(utf8: Array("Bir (Kaya, 2020) iki [3].".utf8), source: source.id)
        let stored = try #require(try cache.store(scan, sha256: source.detectionKey))
        let entries = { try FileManager.default.contentsOfDirectory(atPath: cache.directory.path) }
        #expect(try entries() == ["\(source.detectionKey).jsonl"])
        #expect(stored.withUnsafeBytes { Array($0) } == CitationJSONLine.lines(scan.citations))
        let entry = cache.directory.appendingPathComponent("\(source.detectionKey).jsonl")
        try Data("{\"scanner\":\"damaged".utf8).write(to: entry)
        #expect(cache.citationLines(sha256: source.detectionKey) == nil)
        try cache.store(scan, sha256: source.detectionKey)
        #expect(try entries() == ["\(source.detectionKey).jsonl"])
        #expect(cache.citationLines(sha256: source.detectionKey)?.withUnsafeBytes { Array($0) } == CitationJSONLine.lines(scan.citations))
    }

    /// An entry changed in place keeps its size but not its sum: it is stale, and rebuilt.
    @Test func anEntryEditedAtItsSizeIsStale() throws {
        let text = "Bir (Kaya, 2020) iki [3]."
        let (workspace, source) = try Self.workspace(with: text)
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        let index = CitationIndex(workspace)
        let expected = try index.detections(of: ["article"])[0].scan
        let cache = DetectionCache(workspace)
        let entry = cache.directory.appendingPathComponent("\(source.detectionKey).jsonl")
        let original = try String(contentsOf: entry, encoding: .utf8)
        let edited = original.replacingOccurrences(of: "Kaya, 2020", with: "Kaya, 2021")
        #expect(edited != original && edited.utf8.count == original.utf8.count)
        try Data(edited.utf8).write(to: entry)
        #expect(cache.scan(sha256: source.detectionKey) == nil)
        #expect(cache.citationLines(sha256: source.detectionKey) == nil)
        #expect(try index.detections(of: ["article"])[0].scan == expected)
        #expect(try index.citationLines() == CitationJSONLine.lines(expected.citations))
        #expect(cache.scan(sha256: source.detectionKey) == expected)
    }

    /// An entry made to look fresh (its sum matches) whose spans run past the text's end is not
    /// used: the text is scanned again.
    @Test func anEntryWhoseSpansDoNotFitTheTextIsNotUsed() throws {
        let text = "Bir (Kaya, 2020) iki [3]."
        let (workspace, source) = try Self.workspace(with: text)
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        let expected = try CitationIndex(workspace).detections(of: ["article"])[0].scan
        var forged = expected
        forged.citations[0].span = TextSpan(start: 4, end: 400)
        try DetectionCache(workspace).store(forged, sha256: source.detectionKey)
        #expect(DetectionCache(workspace).scan(sha256: source.detectionKey) == forged)
        #expect(try CitationIndex(workspace).detections(of: ["article"])[0].scan == expected)
    }

    @Test func unknownSourceIsAnError() throws {
        let (workspace, _) = try Self.workspace(with: "Metin.")
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        #expect(throws: StoreError.unknownSource("nope")) { try CitationIndex(workspace).detections(of: ["nope"]) }
    }
}

@Suite("Detection cache damage")
struct DetectionCacheDamageTests {
    @Test func truncatedEntryIsStale() throws {
        let (workspace, source) = try DetectionCacheTests.workspace(with: "Bir (Kaya, 2020) iki (Ali, 2019: 4).")
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        let index = CitationIndex(workspace)
        let full = try index.citationLines()
        let entry = DetectionCache(workspace).directory.appendingPathComponent("\(source.detectionKey).jsonl")
        let bytes = try Data(contentsOf: entry)
        try bytes.dropLast(20).write(to: entry)
        #expect(DetectionCache(workspace).citationLines(sha256: source.detectionKey) == nil)
        #expect(try index.citationLines() == full)
        #expect(String(decoding: full, as: UTF8.self).split(separator: "\n").count == 2)
    }
}
