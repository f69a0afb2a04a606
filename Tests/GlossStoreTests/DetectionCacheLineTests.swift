import Foundation
import GlossCore
import Testing
@testable import GlossStore

/// The detection cache writes its header and footnotes lines by hand; they must stay byte for byte
/// what `JSONEncoder` wrote before (old entries stay fresh) and decode back to the same values.
@Suite("Detection cache lines")
struct DetectionCacheLineTests {
    /// The footnotes line as it was encoded with `JSONEncoder`.
    struct Extras: Codable, Equatable {
        var footnotes: [Footnote]
        var referenceList: TextSpan?
    }

    struct Header: Codable {
        var scanner: String
        var sha256: String
        var size: Int
        var sum: String
    }

    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    static func expectSameAsEncoder(_ extras: Extras) throws {
        let written = DetectionCache.extrasLine(footnotes: extras.footnotes, referenceList: extras.referenceList).finish()
        let encoded = Array(try encoder().encode(extras))
        #expect(String(decoding: written, as: UTF8.self) == String(decoding: encoded, as: UTF8.self))
        #expect(written == encoded)
        #expect(try JSONDecoder().decode(Extras.self, from: Data(written)) == extras)
    }

    static let awkward: [String] = [
        "", "plain", #"quote " and backslash \ and \" both"#, "slash / and https://a.b/c?d=1",
        String(String.UnicodeScalarView((0..<0x20).map { Unicode.Scalar(UInt8($0)) })) + "\u{7F}",
        "Кавказ и Закавказье, с. 45–47", "emoji 😀👍🏽 and Şimşir’in “quoted”", "\u{2028}\u{2029}\u{FEFF}\u{F02D}",
    ]

    @Test(arguments: awkward)
    func awkwardStringsAreWrittenAsJSONEncoderDoes(_ text: String) throws {
        let footnotes = [
            Footnote(number: 1, parts: [TextSpan(start: 0, end: 5)], text: text, isIbid: false, isShortForm: true,
                     marker: TextSpan(start: 120, end: 121)),
            Footnote(number: 12, parts: [TextSpan(start: 7, end: 9), TextSpan(start: 1000, end: 123_456)], text: text + "2",
                     isIbid: true, isShortForm: false),
        ]
        try Self.expectSameAsEncoder(Extras(footnotes: footnotes, referenceList: nil))
        try Self.expectSameAsEncoder(Extras(footnotes: footnotes, referenceList: TextSpan(start: 3, end: 1_234_567)))
    }

    @Test func noFootnotes() throws {
        try Self.expectSameAsEncoder(Extras(footnotes: [], referenceList: nil))
        try Self.expectSameAsEncoder(Extras(footnotes: [], referenceList: TextSpan(start: 0, end: 0)))
    }

    @Test func seedFootnotesAreWrittenAsJSONEncoderDoes() throws {
        var footnotes = 0
        for seed in try Seeds.files() {
            let scan = CitationScanner.scan(utf8: Array(try Data(contentsOf: seed)), source: try SourceID("seed"))
            footnotes += scan.footnotes.count
            try Self.expectSameAsEncoder(Extras(footnotes: scan.footnotes, referenceList: scan.referenceList))
        }
        #expect(footnotes > 50)
    }

    @Test func headerIsWrittenAsJSONEncoderDoes() throws {
        let sha = String(repeating: "0f", count: 32)
        for size in [0, 7, 10, 127_995, Int(Int32.max)] {
            let sum = String(repeating: "9c", count: 32)
            let written = DetectionCache.headerLine(sha256: sha, size: size, sum: sum)
            let encoded = Array(try Self.encoder().encode(Header(scanner: CitationScanner.version, sha256: sha, size: size, sum: sum)))
            #expect(written == encoded)
        }
    }

    // Reading back: the hand reader must give what JSONDecoder gives, and leave every other layout to it.

    static func citationsRead(_ lines: [UInt8]) -> [Citation?] {
        var reader = CacheLineReader()
        return lines.split(separator: UInt8(ascii: "\n")).map { line in
            Array(line).withUnsafeBufferPointer { reader.citation($0) }
        }
    }

    static func extrasRead(_ line: [UInt8]) -> Extras? {
        line.withUnsafeBufferPointer { CacheLineReader().extras($0) }.map { Extras(footnotes: $0.footnotes, referenceList: $0.referenceList) }
    }

    @Test(arguments: awkward)
    func awkwardStringsAreReadBack(_ text: String) throws {
        let source = try SourceID("a-1")
        let citations = [
            Citation(source: source, span: TextSpan(start: 0, end: 10), text: text, kind: .parenthetical,
                     items: [CitationItem(author: text, year: "2020", locator: nil, ref: nil, prefix: text, titleFragment: text)]),
            Citation(source: source, span: TextSpan(start: 12, end: 12), text: text + "x", kind: .numeric,
                     items: [CitationItem(ref: 3), CitationItem(author: nil, year: text, locator: text, ref: 1_234_567)], malformed: true),
            Citation(source: source, span: TextSpan(start: 100, end: 1_000_000), text: "", kind: .footnoteMarker, items: []),
        ]
        #expect(Self.citationsRead(CitationJSONLine.lines(citations)) == citations)
        let footnotes = [Footnote(number: 3, parts: [TextSpan(start: 1, end: 2), TextSpan(start: 5, end: 9)], text: text,
                                  isIbid: true, isShortForm: false, marker: TextSpan(start: 0, end: 1))]
        for extras in [Extras(footnotes: footnotes, referenceList: nil), Extras(footnotes: [], referenceList: TextSpan(start: 4, end: 4))] {
            let line = DetectionCache.extrasLine(footnotes: extras.footnotes, referenceList: extras.referenceList).finish()
            #expect(Self.extrasRead(line) == extras)
        }
    }

    @Test func seedScansAreReadBack() throws {
        for seed in try Seeds.files() {
            let scan = CitationScanner.scan(utf8: Array(try Data(contentsOf: seed)), source: try SourceID("seed"))
            #expect(!scan.citations.isEmpty)
            #expect(Self.citationsRead(CitationJSONLine.lines(scan.citations)) == scan.citations)
            let line = DetectionCache.extrasLine(footnotes: scan.footnotes, referenceList: scan.referenceList).finish()
            #expect(Self.extrasRead(line) == Extras(footnotes: scan.footnotes, referenceList: scan.referenceList))
        }
    }

    /// Lines in other layouts than the writer's (the reader declines them) or with escapes it never writes.
    static let otherLayouts: [String] = [
        #"{"source": "a", "start": 0, "end": 3, "text": "[3]", "kind": "numeric", "items": [{"author": null, "year": null, "locator": null, "ref": 3}], "id": "a:0-3", "malformed": false}"#,
        #"{"start":0,"source":"a","end":3,"text":"[3]","kind":"numeric","items":[{"ref":3}],"malformed":false}"#,
        #"{"source":"a","start":0,"end":3,"text":"\u005b3\/\u005d\b","kind":"numeric","items":[],"id":"a:0-3","malformed":false}"#,
        #"{"source":"a","start":0,"end":3,"text":"\ud83d\ude00","kind":"numeric","items":[],"id":"a:0-3","malformed":false}"#,
    ]

    @Test(arguments: otherLayouts)
    func otherLayoutsAndEscapesAreReadAsJSONDecoderReadsThem(_ line: String) throws {
        let workspace = try TemporaryWorkspace()
        let cache = DetectionCache(workspace.workspace)
        let sha = String(repeating: "ab", count: 32)
        let body = Array(#"{"footnotes": []}"#.utf8) + [0x0A] + Array(line.utf8) + [0x0A]
        try FileManager.default.createDirectory(at: cache.directory, withIntermediateDirectories: true)
        try Data(DetectionCache.headerLine(sha256: sha, size: body.count, sum: sha256Hex(body)) + [0x0A] + body)
            .write(to: cache.directory.appendingPathComponent("\(sha).jsonl"))
        let decoded = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        let scan = try #require(cache.scan(sha256: sha))
        #expect(scan.citations.count == 1)
        #expect(scan.citations.first?.text == decoded?["text"] as? String)
        #expect(scan.citations.first?.span == TextSpan(start: 0, end: 3))
        #expect(scan.footnotes.isEmpty && scan.referenceList == nil)
    }

    @Test func escapesTheWriterNeverUsesAreReadAsJSONDecoderReadsThem() throws {
        let line = #"{"source":"a","start":0,"end":3,"text":"\u00e9\u0041\/\b\f\u0000","kind":"numeric","items":[],"id":"a:0-3","malformed":false}"#
        var reader = CacheLineReader()
        let read = Array(line.utf8).withUnsafeBufferPointer { reader.citation($0) }
        let decoded = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        #expect(read?.text == decoded?["text"] as? String)
        #expect(read?.text == "éA/\u{8}\u{C}\u{0}")
    }
}
