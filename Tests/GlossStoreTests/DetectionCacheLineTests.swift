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

    @Test(.enabled(if: Seeds.folder != nil, "../shared/seeds is absent: the seed articles are not beside this clone"))
    func seedFootnotesAreWrittenAsJSONEncoderDoes() throws {
        var footnotes = 0
        for seed in Seeds.files {
            let scan = CitationScanner.scan(utf8: Array(try Data(contentsOf: seed)), source: try SourceID("seed"))
            footnotes += scan.footnotes.count
            try Self.expectSameAsEncoder(Extras(footnotes: scan.footnotes, referenceList: scan.referenceList))
        }
        #expect(footnotes > 50)
    }

    @Test func headerIsWrittenAsJSONEncoderDoes() throws {
        let sha = String(repeating: "0f", count: 32)
        for size in [0, 7, 10, 127_995, Int(Int32.max)] {
            let written = DetectionCache.headerLine(sha256: sha, size: size)
            let encoded = Array(try Self.encoder().encode(Header(scanner: CitationScanner.version, sha256: sha, size: size)))
            #expect(written == encoded)
        }
    }
}
