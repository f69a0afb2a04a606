import Crypto
import Foundation
import GlossCore

/// Detected citations and footnotes of stored texts, kept under `.gloss-cache/citations/<key>.jsonl`.
///
/// The `sha256` an entry is stored and asked for under is its key: ``CitationIndex`` uses
/// `SourceMetadata.detectionKey` (the text's sha256 with the source's id, whose citations the
/// entry's lines name). An entry names that key and the scanner version that made it; an
/// entry that is missing, unreadable or made by another scanner version is stale and is rebuilt.
/// Entries are derived data: written atomically, never needed for correctness.
///
/// Layout, one JSON value a line: `{"scanner", "sha256", "size", "sum"}`, then `{"footnotes",
/// "referenceList"}`, then the citations in the `gloss cites --format jsonl` shape, so that listing
/// them needs no decoding at all. `size` is the byte count after the first line: entries are written
/// without fsync (they are derived data), and one cut short by a power cut is seen as stale. `sum`
/// is the SHA-256 of those bytes: an entry changed in place (same size) is stale too, never trusted.
/// An entry whose sum matched is recorded with its stat signature (`.gloss-cache/verified-detections`,
/// as texts are in `.gloss-cache/verified`), so that a warm run hashes only entries that changed.
public struct DetectionCache: Sendable {
    public let workspace: Workspace
    /// The cache folder for detections.
    public let directory: URL
    /// `directory` as a path, which entry paths extend as strings (a `URL` is slow to extend).
    private let directoryPath: String
    /// The entries whose sum matched, with their stat signatures then.
    private let verified: VerifiedTexts

    public init(_ workspace: Workspace) {
        self.workspace = workspace
        directory = workspace.cacheDirectory.appendingPathComponent("citations", isDirectory: true)
        directoryPath = directory.path
        verified = VerifiedTexts.shared(for: workspace, named: "verified-detections")
    }

    /// Records the entries verified so far, so that later runs skip their hash while they are
    /// unchanged. Failing to write the record only costs those hashes.
    public func rememberVerifiedEntries() {
        verified.save()
    }

    struct Extras: Decodable {
        var footnotes: [Footnote]
        var referenceList: TextSpan?

        init(footnotes: [Footnote], referenceList: TextSpan?) {
            self.footnotes = footnotes
            self.referenceList = referenceList
        }
    }

    /// The cached scan of the text with this sha256, if a fresh one exists.
    public func scan(sha256: String) -> CitationScan? {
        guard let entry = freshEntry(sha256) else { return nil }
        return withExtendedLifetime(entry.file) { () -> CitationScan? in
            let body = UnsafeRawBufferPointer(rebasing: entry.file.bytes[entry.body...]).bindMemory(to: UInt8.self)
            guard String(validating: body, as: UTF8.self) != nil else { return nil }
            var reader = CacheLineReader()
            var extras: Extras?
            var citations: [Citation] = []
            let decoder = JSONDecoder()
            var start = 0
            while start < body.count {
                let end = body[start...].firstIndex(of: ScanNewline.byte) ?? body.count
                defer { start = end + 1 }
                guard end > start else { continue }
                let line = UnsafeBufferPointer(rebasing: body[start..<end])
                if extras == nil {
                    guard let read = reader.extras(line).map({ Extras(footnotes: $0.footnotes, referenceList: $0.referenceList) })
                            ?? (try? JSONDecoder().decode(Extras.self, from: Data(line)))
                    else { return nil }
                    extras = read
                } else if let citation = reader.citation(line) {
                    citations.append(citation)
                } else {
                    guard let stored = try? decoder.decode(StoredCitation.self, from: Data(line)) else { return nil }
                    citations.append(stored.citation)
                }
            }
            guard let extras else { return nil }
            return CitationScan(citations: citations, footnotes: extras.footnotes, referenceList: extras.referenceList)
        }
    }

    /// The cached citations of the text with this sha256 as JSON Lines, if a fresh entry exists
    /// (mapped from the entry, not copied).
    public func citationLines(sha256: String) -> MappedBytes? {
        guard let entry = freshEntry(sha256),
              let extrasEnd = entry.file.bytes[entry.body...].firstIndex(of: ScanNewline.byte)
        else { return nil }
        return MappedBytes(file: entry.file, range: (extrasEnd + 1)..<entry.file.bytes.count)
    }

    /// Stores the scan of the text with this sha256. Returns the citation lines mapped from the
    /// entry written, as `citationLines(sha256:)` would (nil when the entry could be written but not
    /// mapped).
    @discardableResult
    public func store(_ scan: CitationScan, sha256: String) throws(StoreError) -> MappedBytes? {
        try store(CitationLines(lines: CitationJSONLine.lines(scan.citations), footnotes: scan.footnotes, referenceList: scan.referenceList),
                  sha256: sha256)
    }

    /// `store(_:sha256:)` for a scan found as lines (``CitationScanner/scanLines(utf8:source:)``).
    @discardableResult
    public func store(_ scan: CitationLines, sha256: String) throws(StoreError) -> MappedBytes? {
        var extras = Self.extrasLine(footnotes: scan.footnotes, referenceList: scan.referenceList)
        extras.byte(ScanNewline.byte)
        let extrasLine = extras.finish()
        var hasher = SHA256()
        hasher.update(data: extrasLine)
        hasher.update(data: scan.lines)
        var header = Self.headerLine(sha256: sha256, size: extrasLine.count + scan.lines.count, sum: hex(hasher.finalize()))
        header.append(ScanNewline.byte)
        let file = try AtomicFile.createMapped(parts: [header, extrasLine, scan.lines], toPath: path(sha256), creatingFolder: true)
        let start = header.count + extrasLine.count
        guard let file, file.bytes.count == start + scan.lines.count else { return nil }
        return MappedBytes(file: file, range: start..<file.bytes.count)
    }

    /// The entry for `sha256`, mapped, when its header names this sha256 and scanner version, its
    /// size and its sum; `body` is where the line after the header starts.
    private func freshEntry(_ sha256: String) -> (file: MappedFile, body: Int)? {
        let readStart = VerifiedTexts.now()
        guard let file = MappedFile(path: path(sha256)) else { return nil }
        let bytes = file.bytes
        // The header is compared as bytes: it is always written by `headerLine`.
        let expected = Self.headerLine(sha256: sha256, size: nil, sum: nil)
        guard bytes.count > expected.count, bytes[..<expected.count].elementsEqual(expected) else { return nil }
        var size = 0
        var index = expected.count
        while index < bytes.count, index - expected.count < 19, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
            size = size * 10 + Int(bytes[index] - UInt8(ascii: "0"))
            index += 1
        }
        let sumKey = Array(#","sum":""#.utf8)
        let sumStart = index + sumKey.count
        let body = sumStart + 64 + 3
        guard index > expected.count, body <= bytes.count,
              bytes[index..<sumStart].elementsEqual(sumKey),
              bytes[sumStart..<(sumStart + 64)].allSatisfy(Self.isLowerHexDigit),
              bytes[(sumStart + 64)..<body].elementsEqual(Array("\"}\n".utf8)),
              bytes.count - body == size
        else { return nil }
        let sum = String(decoding: bytes[sumStart..<(sumStart + 64)], as: UTF8.self)
        let name = sha256 + ".jsonl"
        if !verified.contains(name, sha256: sum, signature: file.signature) {
            guard sha256Hex(UnsafeRawBufferPointer(rebasing: bytes[body...])) == sum else { return nil }
            verified.insert(name, sha256: sum, signature: file.signature, readStart: readStart)
        }
        return (file, body)
    }

    /// The header line (no line feed) as `JSONEncoder` wrote it with sorted keys:
    /// `{"scanner":…,"sha256":…,"size":N,"sum":…}`; without `size` and `sum`, the part before
    /// the number.
    static func headerLine(sha256: String, size: Int?, sum: String?) -> [UInt8] {
        var out = JSONBytes(capacity: 192)
        out.raw(#"{"scanner":"#)
        out.string(CitationScanner.version, .jsonEncoder)
        out.raw(#","sha256":"#)
        out.string(sha256, .jsonEncoder)
        out.raw(#","size":"#)
        if let size, let sum {
            out.int(size)
            out.raw(#","sum":"#)
            out.string(sum, .jsonEncoder)
            out.byte(UInt8(ascii: "}"))
        }
        return out.finish()
    }

    private static func isLowerHexDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
    }

    /// The footnotes line (no line feed), byte for byte as `JSONEncoder` with `.sortedKeys` and
    /// `.withoutEscapingSlashes` writes `Extras`: keys sorted, absent optionals left out.
    static func extrasLine(footnotes: [Footnote], referenceList: TextSpan?) -> JSONBytes {
        var capacity = 64
        for footnote in footnotes { capacity += 140 + 32 * footnote.parts.count + footnote.text.utf8.count }
        var out = JSONBytes(capacity: capacity)
        out.raw(#"{"footnotes":["#)
        var first = true
        for footnote in footnotes {
            if !first { out.byte(UInt8(ascii: ",")) }
            first = false
            out.raw(#"{"isIbid":"#)
            if footnote.isIbid { out.raw("true") } else { out.raw("false") }
            out.raw(#","isShortForm":"#)
            if footnote.isShortForm { out.raw("true") } else { out.raw("false") }
            if let marker = footnote.marker {
                out.raw(#","marker":"#)
                span(marker, to: &out)
            }
            out.raw(#","number":"#)
            out.int(footnote.number)
            out.raw(#","parts":["#)
            for (index, part) in footnote.parts.enumerated() {
                if index > 0 { out.byte(UInt8(ascii: ",")) }
                span(part, to: &out)
            }
            out.raw(#"],"text":"#)
            out.string(footnote.text, .jsonEncoder)
            out.byte(UInt8(ascii: "}"))
        }
        out.byte(UInt8(ascii: "]"))
        if let referenceList {
            out.raw(#","referenceList":"#)
            span(referenceList, to: &out)
        }
        out.byte(UInt8(ascii: "}"))
        return out
    }

    private static func span(_ span: TextSpan, to out: inout JSONBytes) {
        out.raw(#"{"end":"#)
        out.int(span.end)
        out.raw(#","start":"#)
        out.int(span.start)
        out.byte(UInt8(ascii: "}"))
    }

    private func path(_ sha256: String) -> String { directoryPath + "/" + sha256 + ".jsonl" }
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
