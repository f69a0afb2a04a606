import Foundation
import GlossCore

/// Detected citations and footnotes of stored texts, kept under `.gloss-cache/citations/<sha256>.jsonl`.
///
/// An entry names the sha256 of the text it was made from and the scanner version that made it; an
/// entry that is missing, unreadable or made by another scanner version is stale and is rebuilt.
/// Entries are derived data: written atomically, never needed for correctness.
///
/// Layout, one JSON value a line: `{"scanner", "sha256", "size"}`, then `{"footnotes",
/// "referenceList"}`, then the citations in the `gloss cites --format jsonl` shape, so that listing
/// them needs no decoding at all. `size` is the byte count after the first line: entries are written
/// without fsync (they are derived data), and one cut short by a power cut is seen as stale.
public struct DetectionCache: Sendable {
    public let workspace: Workspace

    public init(_ workspace: Workspace) {
        self.workspace = workspace
    }

    /// The cache folder for detections.
    public var directory: URL { workspace.cacheDirectory.appendingPathComponent("citations", isDirectory: true) }

    struct Header: Codable {
        var scanner: String
        var sha256: String
        var size: Int
    }

    struct Extras: Codable {
        var footnotes: [Footnote]
        var referenceList: TextSpan?
    }

    /// The cached scan of the text with this sha256, if a fresh one exists.
    public func scan(sha256: String) -> CitationScan? {
        guard let bytes = freshEntry(sha256) else { return nil }
        var lines = bytes.split(separator: ScanNewline.byte, omittingEmptySubsequences: true).dropFirst()
        guard let extrasLine = lines.popFirst(),
              let extras = try? JSONDecoder().decode(Extras.self, from: Data(extrasLine))
        else { return nil }
        var citations: [Citation] = []
        let decoder = JSONDecoder()
        for line in lines {
            guard let stored = try? decoder.decode(StoredCitation.self, from: Data(line)) else { return nil }
            citations.append(stored.citation)
        }
        return CitationScan(citations: citations, footnotes: extras.footnotes, referenceList: extras.referenceList)
    }

    /// The cached citations of the text with this sha256 as JSON Lines, if a fresh entry exists.
    public func citationLines(sha256: String) -> ArraySlice<UInt8>? {
        guard let bytes = freshEntry(sha256),
              let first = bytes.firstIndex(of: ScanNewline.byte),
              let second = bytes[(first + 1)...].firstIndex(of: ScanNewline.byte)
        else { return nil }
        return bytes[(second + 1)...]
    }

    /// Stores the scan of the text with this sha256; `citationLines`, when given, must be
    /// `CitationJSONLine.lines(scan.citations)` (saves writing them twice).
    public func store(_ scan: CitationScan, sha256: String, citationLines: [UInt8]? = nil) throws(StoreError) {
        let target = url(sha256)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw .writeFailed(path: directory.path, reason: error.localizedDescription)
        }
        var bytes: [UInt8]
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            var body = Array(try encoder.encode(Extras(footnotes: scan.footnotes, referenceList: scan.referenceList)))
            body.append(ScanNewline.byte)
            body.append(contentsOf: citationLines ?? CitationJSONLine.lines(scan.citations))
            bytes = Array(try encoder.encode(Header(scanner: CitationScanner.version, sha256: sha256, size: body.count)))
            bytes.append(ScanNewline.byte)
            bytes.append(contentsOf: body)
        } catch {
            throw .writeFailed(path: target.path, reason: "\(error)")
        }
        try AtomicFile.write(bytes, to: target, durable: false)
    }

    /// The bytes of the entry for `sha256` when its header names this sha256 and scanner version.
    private func freshEntry(_ sha256: String) -> [UInt8]? {
        guard let data = try? Data(contentsOf: url(sha256)) else { return nil }
        let bytes = Array(data)
        guard let end = bytes.firstIndex(of: ScanNewline.byte),
              let header = try? JSONDecoder().decode(Header.self, from: Data(bytes[..<end])),
              header.scanner == CitationScanner.version, header.sha256 == sha256,
              bytes.count - end - 1 == header.size
        else { return nil }
        return bytes
    }

    private func url(_ sha256: String) -> URL { directory.appendingPathComponent("\(sha256).jsonl") }
}

private enum ScanNewline {
    static let byte = UInt8(ascii: "\n")
}

/// A cached citation line, read back.
private struct StoredCitation: Decodable {
    struct Item: Decodable {
        var author: String?
        var year: String?
        var locator: String?
        var ref: Int?
        var prefix: String?
        var titleFragment: String?

        enum CodingKeys: String, CodingKey {
            case author, year, locator, ref, prefix
            case titleFragment = "title_fragment"
        }
    }

    var source: SourceID
    var start: Int
    var end: Int
    var text: String
    var kind: CitationKind
    var items: [Item]
    var malformed: Bool

    var citation: Citation {
        Citation(source: source, span: TextSpan(start: start, end: end), text: text, kind: kind,
                 items: items.map { CitationItem(author: $0.author, year: $0.year, locator: $0.locator, ref: $0.ref,
                                                 prefix: $0.prefix, titleFragment: $0.titleFragment) },
                 malformed: malformed)
    }
}
