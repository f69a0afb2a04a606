import Foundation
import GlossCore
import GlossFormats
import Testing

/// Real GROBID output (Tests/Fixtures/grobid, from GROBID's own test resources).
@Suite struct GROBIDImportTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/grobid")

    static func read(_ name: String) throws -> (bytes: [UInt8], document: ImportedDocument) {
        let bytes = Array(try Data(contentsOf: fixtures.appendingPathComponent(name)))
        return (bytes, try TEIReader().read(bytes, file: name))
    }

    /// The start tags of `<ref type="bibr">` in the file itself, read without libxml2.
    static func bibrTags(in bytes: [UInt8]) throws -> [String] {
        let text = String(decoding: bytes, as: UTF8.self)
        let pattern = try NSRegularExpression(pattern: #"<ref\s[^>]*>"#)
        return pattern.matches(in: text, range: NSRange(text.startIndex..., in: text))
            .map { String(text[Range($0.range, in: text)!]) }.filter { $0.contains(#"type="bibr""#) }
    }

    @Test func everyMarkedCitationAndReferenceOfAFullTextIsImported() throws {
        let (bytes, document) = try Self.read("sample2.tei.fulltext.xml")
        let text = SourceText(document.text)
        // Every <ref type="bibr"> of the file, each slicing to its own text.
        let marked = try Self.bibrTags(in: bytes)
        #expect(marked.count == 87)
        #expect(document.citations.count == marked.count)
        for citation in document.citations {
            #expect(text.slice(citation.span) == citation.text)
            #expect(!citation.text.isEmpty)
        }
        #expect(document.citations.filter { !$0.recordKeys.isEmpty }.count == marked.filter { $0.contains("target=") }.count)
        // Every <biblStruct> of the reference list, with the ids the refs point to.
        #expect(document.records.count == 47)
        let ids = Set(document.records.map(\.id))
        #expect(document.citations.flatMap(\.recordKeys).allSatisfy(ids.contains))
        // Headings, paragraphs, the abstract and the footnote are text; the reference list is not.
        #expect(document.text.hasPrefix("Today's architectures for intrusion detection"))
        #expect(document.text.contains("\n\nIntroduction\n\nWidespread study and deployment of intrusion detection systems"))
        #expect(document.text.contains("This also applies to hosted VMMs as components such as the network stacks will not be utilized"))
        #expect(!document.text.contains("Proceedings of the"))
        #expect(document.title == "A Virtual Machine Introspection Based Architecture for Intrusion Detection")
        let first = try #require(document.citations.first { $0.recordKeys == ["b16"] })
        #expect(first.text == "[19,")
        #expect(first.kind == .numeric)
        let record = try #require(document.records.first { $0.id == "b16" })
        #expect(record.title != nil && record.author?.isEmpty == false)
    }

    @Test func adjacentRefsStaySeparate() throws {
        let (_, document) = try Self.read("tei-escape.xml")
        #expect(document.citations.map(\.text) == ["$9,", "2]"])
        #expect(document.citations.map(\.recordKeys) == [["b0"], ["b1"]])
        let text = SourceText(document.text)
        for citation in document.citations { #expect(text.slice(citation.span) == citation.text) }
    }
}
