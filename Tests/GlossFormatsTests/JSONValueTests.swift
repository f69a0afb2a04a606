import Foundation
import GlossCore
@testable import GlossFormats
import Testing

/// `JSONValue` writes what `JSONSerialization` wrote with `.sortedKeys` and
/// `.withoutEscapingSlashes`: the same key order, escapes, numbers and layout.
@Suite("JSON values")
struct JSONValueTests {
    static func foundationText(_ value: JSONValue, pretty: Bool) throws -> String {
        func object(_ value: JSONValue) -> Any {
            switch value {
            case .null: return NSNull()
            case .bool(let bool): return bool
            case .int(let int): return int
            case .double(let double): return double
            case .string(let string): return string
            case .array(let values): return values.map(object)
            case .object(let members): return members.mapValues(object)
            }
        }
        let options: JSONSerialization.WritingOptions = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try JSONSerialization.data(withJSONObject: object(value), options: options), as: UTF8.self)
    }

    /// ASCII keys of the characters CSL, W3C and BibTeX names use, from a fixed seed.
    static func asciiKeys() -> [String] {
        let alphabet = Array("abcxyzABCXYZ0129_-:.+/@")
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var keys: Set<String> = ["@context", "type", "startIndex", "items", "date-parts", "URL", "DOI", "gloss-bibtex-fields",
                                 "container-title", "container", "a1", "a2", "a10", "a01", "A1", "b", "B", "_x", "x_", "x-y", "xy"]
        while keys.count < 400 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let length = Int(state >> 60) % 6 + 1
            var key = ""
            for shift in 0..<length { key.append(alphabet[Int((state >> (UInt64(shift) * 6 + 8)) & 0x3F) % alphabet.count]) }
            keys.insert(key)
        }
        return keys.sorted()
    }

    @Test func ordersASCIIKeysAsJSONSerialization() throws {
        let keys = Self.asciiKeys()
        let value = JSONValue.object(Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($0.element, JSONValue.int($0.offset)) }))
        let theirs = try Self.foundationText(value, pretty: false)
        let theirOrder = theirs.dropFirst().dropLast().split(separator: ",").map { String($0.split(separator: ":", omittingEmptySubsequences: false).dropLast().joined(separator: ":").dropFirst().dropLast()) }
        let ourOrder = keys.sorted(by: JSONKeyOrder.precedes)
        if let first = ourOrder.indices.first(where: { ourOrder[$0] != theirOrder[$0] }) {
            Issue.record("key \(first): ours \(ourOrder[max(0, first - 3)...min(first + 3, ourOrder.count - 1)]), theirs \(theirOrder[max(0, first - 3)...min(first + 3, theirOrder.count - 1)])")
        }
        #expect(try value.text() == theirs)
    }

    @Test(arguments: [["başlık", "başka", "bas", "basa", "bat"], ["ılık", "ilk", "izbe", "ibik", "jale"], ["ə", "e", "f", "eə", "ez"],
                      ["été", "ete", "etf", "éta"], ["ad", "adı", "adi", "adj", "ae"], ["заглавие", "год", "ёлка", "еж", "ель", "ж"],
                      ["ünvan", "unvan", "uo", "üz"], ["çeviri", "ceviri", "cf", "dil"]])
    func ordersLetterKeysAsJSONSerialization(keys: [String]) throws {
        let value = JSONValue.object(Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($0.element, JSONValue.int($0.offset)) }))
        #expect(try value.text() == Self.foundationText(value, pretty: false))
    }

    @Test func writesValuesAsJSONSerialization() throws {
        var control = ""
        for value in 0..<0x20 { control.unicodeScalars.append(Unicode.Scalar(UInt8(value))) }
        let value: JSONValue = [
            "text": .string(control + "\u{7F}\u{85}\u{2028}/\\\"é😀\u{FEFF}"), "numbers": [0, -5, .int(Int.max), .double(0.87), .double(1.5), .double(1e-5)],
            "empty": [], "nothing": [:], "flags": [true, false, .null], "nested": ["y": [1, ["k": "v"], []], "x": "a/b"],
        ]
        #expect(try value.text() == Self.foundationText(value, pretty: false))
        #expect(try value.text(pretty: true) == Self.foundationText(value, pretty: true))
    }

    @Test func writersGiveJSONSerializationsText() throws {
        var claim = try AnnotationWriterTests.claim()
        claim.tags = ["kimlik", "dil", "a/b"]
        let w3c = try W3CAnnotationWriter().write([claim, try AnnotationWriterTests.claim()])
        let reparsed = try JSONSerialization.jsonObject(with: Data(w3c.utf8))
        let expected = String(decoding: try JSONSerialization.data(withJSONObject: reparsed, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]), as: UTF8.self) + "\n"
        #expect(w3c == expected)

        var record = BibRecord(id: "a", type: "book")
        record.title = "T\nwith newline"
        record.custom = BibRecord.Custom(provenance: [RecordProvenance(file: "x.bib", line: 3)])
        record.custom?.bibtex = BibTeXOriginal(type: "book", fields: [.init(name: "keywords", value: "{a, b}"), .init(name: "isbn", value: "123"),
                                                                      .init(name: "file", value: "{a/b.pdf}"), .init(name: "note2", value: "{n}")],
                                               strings: ["note10": "{m}", "a": "{b}"])
        let citation = Citation(source: try SourceID("000"), span: TextSpan(start: 1, end: 5), text: "(A)", kind: .parenthetical,
                                items: [CitationItem(author: "A", year: nil)])
        let lines = try JSONLinesWriter().write(citations: [citation], claims: [claim], records: [record]).split(separator: "\n")
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
            #expect(String(line) == String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]), as: UTF8.self))
        }
    }

    /// Claims and records keep every character of their strings, U+FEFF included (the writer once
    /// read their encoding back with `JSONSerialization`, which dropped a U+FEFF at a string's start
    /// or after an escape, taking it for a byte-order mark).
    @Test(arguments: ["plain", "\u{FEFF}lead", "a/\u{FEFF}b", "a\"\u{FEFF}b", "a\n\u{FEFF}b", "a\u{1}\u{FEFF}b", "\u{FEFF}\u{FEFF}x",
                      "é\u{FEFF}", "a\\\u{FEFF}b", "\t\u{FEFF}\u{FEFF}", "a\u{2028}\u{FEFF}", "\u{FEFF}"])
    func jsonLinesKeepEveryCharacter(text: String) throws {
        var claim = try AnnotationWriterTests.claim()
        claim.note = text
        claim.tags = [text, "x"]
        var record = BibRecord(id: "r", type: "book")
        record.title = text
        let lines = try JSONLinesWriter().write(citations: [], claims: [claim], records: [record]).split(separator: "\n").map(String.init)
        let storedClaim = try JSONDecoder().decode(Claim.self, from: Data(lines[0].utf8))
        let storedRecord = try JSONDecoder().decode(BibRecord.self, from: Data(lines[1].utf8))
        #expect(storedClaim.note == text && storedClaim.tags == Claim.normalizedTags([text, "x"]))
        #expect(storedRecord.title == text)
    }

    @Test func encodesPathsAsAddingPercentEncoding() {
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "a" + String(scalar) + "b"
            #expect(URLPathEncoding.encode(text) == text.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed), "U+\(String(value, radix: 16))")
        }
        #expect(URLPathEncoding.encode("claim 1/ş😀") == "claim 1/ş😀".addingPercentEncoding(withAllowedCharacters: .urlPathAllowed))
    }
}
