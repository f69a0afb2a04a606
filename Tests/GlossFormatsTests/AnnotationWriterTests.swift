import Foundation
import GlossCore
import GlossFormats
import Testing

@Suite struct AnnotationWriterTests {
    static func claim() throws -> Claim {
        Claim(id: "claim-1", source: try SourceID("000"), revision: "abc", position: TextSpan(start: 10, end: 20),
              quote: TextQuoteSelector(exact: "Türkiye’nin", prefix: "ve ", suffix: " din"),
              tags: ["kimlik", "dil"], note: "A \"note\" </ref> & \u{1}",
              citations: [CitationID(source: try SourceID("000"), span: TextSpan(start: 30, end: 48))],
              created: "2026-01-01T00:00:00Z", modified: "2026-01-02T00:00:00Z")
    }

    @Test func w3cAnnotationShape() throws {
        let json = try W3CAnnotationWriter().write([try Self.claim()])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["@context"] as? String == "http://www.w3.org/ns/anno.jsonld")
        let items = try #require((object["first"] as? [String: Any])?["items"] as? [[String: Any]])
        #expect(items.count == 1)
        let annotation = items[0]
        #expect(annotation["type"] as? String == "Annotation")
        let target = try #require(annotation["target"] as? [String: Any])
        #expect(target["type"] as? String == "SpecificResource")
        #expect(target["source"] as? String == "urn:gloss:source:000")
        let selectors = try #require(target["selector"] as? [[String: Any]])
        #expect(selectors[0]["type"] as? String == "TextPositionSelector")
        #expect(selectors[0]["start"] as? Int == 10 && selectors[0]["end"] as? Int == 20)
        #expect(selectors[1]["type"] as? String == "TextQuoteSelector")
        #expect(selectors[1]["exact"] as? String == "Türkiye’nin")
        let bodies = try #require(annotation["body"] as? [[String: Any]])
        #expect(bodies.filter { $0["purpose"] as? String == "tagging" }.compactMap { $0["value"] as? String } == ["dil", "kimlik"])
        #expect(bodies.contains { $0["purpose"] as? String == "commenting" && ($0["value"] as? String)?.hasPrefix("A \"note\"") == true })
    }

    @Test func jsonLinesOneObjectALine() throws {
        let source = try SourceID("000")
        let citation = Citation(source: source, span: TextSpan(start: 1, end: 5), text: "(A)", kind: .parenthetical,
                                items: [CitationItem(author: "A", year: nil)])
        var record = BibRecord(id: "a", type: "book")
        record.title = "T\nwith newline"
        let text = try JSONLinesWriter().write(citations: [citation], claims: [try Self.claim()], records: [record])
        let lines = text.split(separator: "\n")
        #expect(lines.count == 3)
        let objects = try lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(objects.map { $0["object"] as? String } == ["citation", "claim", "record"])
        #expect(objects[0]["start"] as? Int == 1)
        #expect(((objects[0]["items"] as? [[String: Any]])?.first?["year"]) is NSNull)
    }

    /// Claims and records keep every character of their strings, U+FEFF included, which
    /// `JSONSerialization`'s parser drops at a string's start or after an escape.
    @Test(arguments: ["plain", "\u{FEFF}lead", "a/\u{FEFF}b", "a\"\u{FEFF}b", "a\n\u{FEFF}b", "a\u{1}\u{FEFF}b", "\u{FEFF}\u{FEFF}x",
                      "é\u{FEFF}", "a\\\u{FEFF}b", "\t\u{FEFF}\u{FEFF}", "a\u{2028}\u{FEFF}", "\u{FEFF}"])
    func jsonLinesKeepEveryCharacter(text: String) throws {
        var claim = try Self.claim()
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
}
