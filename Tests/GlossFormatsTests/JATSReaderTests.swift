import Foundation
import GlossCore
import GlossFormats
import Testing

/// Real JATS articles (Tests/Fixtures/jats): two PLOS articles (one with element-citation, one
/// with mixed-citation) and a SciELO article whose refs carry both forms.
@Suite struct JATSReaderTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/jats")

    static let articles = ["journal.pntd.0000149.xml", "journal.pone.0046041.xml", "0034-8910-rsp-48-2-0296.xml"]

    /// Start tags in the file itself, found without libxml2.
    static func tags(_ pattern: String, in text: String) throws -> [String] {
        let expression = try NSRegularExpression(pattern: pattern)
        return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { String(text[Range($0.range, in: text)!]) }
    }

    @Test(arguments: articles)
    func everyMarkedCitationAndReferenceIsImported(article: String) throws {
        let data = try Data(contentsOf: Self.fixtures.appendingPathComponent(article))
        let raw = String(decoding: data, as: UTF8.self)
        let document = try JATSReader().read(Array(data), file: article)
        let text = SourceText(document.text)
        // As many citations as the file has <xref ref-type="bibr">, each over its exact text.
        let xrefs = try Self.tags(#"<xref\s[^>]*ref-type="bibr"[^>]*>"#, in: raw)
        #expect(xrefs.count >= 20)
        #expect(document.citations.count == xrefs.count)
        for citation in document.citations {
            #expect(text.slice(citation.span) == citation.text)
            #expect(!citation.recordKeys.isEmpty)
        }
        // As many records as the file has <ref>s, with their ids, each entry standing in the text.
        let refs = try Self.tags(#"<ref\s[^>]*id="[^"]*""#, in: raw)
        #expect(document.records.count == refs.count)
        let ids = Set(document.records.map(\.id))
        #expect(document.citations.flatMap(\.recordKeys).allSatisfy(ids.contains))
        #expect(document.recordSpans.count == refs.count)
        for record in document.records {
            let span = try #require(document.recordSpans[record.id])
            let entry = text.slice(span)
            #expect(entry.first?.isNumber == true, "\(record.id): \(entry.prefix(40))")
            if let title = record.title { #expect(entry.contains(title.prefix(20)), "\(record.id)") }
        }
        #expect(document.records.filter { $0.title != nil && $0.author != nil && $0.issued != nil }.count >= refs.count - 2)
        // Reading order: the title first, the references last.
        #expect(document.text.hasPrefix(try #require(document.title)))
        let lastEntry = try #require(document.recordSpans.values.max())
        #expect(lastEntry.end == text.scalarCount)
    }

    @Test func fieldsOfAnElementCitation() throws {
        let data = try Data(contentsOf: Self.fixtures.appendingPathComponent("journal.pntd.0000149.xml"))
        let document = try JATSReader().read(Array(data), file: "a.xml")
        let hotez = try #require(document.records.first)
        #expect(hotez.type == "article-journal")
        #expect(hotez.author?.first == CSLName(family: "Hotez", given: "PJ"))
        #expect(hotez.title == "Hookworm: “The great infection of mankind”.")
        #expect(hotez.containerTitle == "PLoS Med")
        #expect(hotez.issued == CSLDate(year: 2005))
        #expect(hotez.doi == "10.1371/journal.pmed.0020067")
        #expect(document.authors == ["Peter J. Hotez"])
        #expect(document.text.contains("\n\nToxocariasis\n\nToxocariasis is a soil-transmitted helminth infection"))
        #expect(document.text.contains("\n\nReferences\n\n1 Hotez PJ Bethony J"))
    }

    @Test func publisherWordingIsKeptWhereARefHasBothForms() throws {
        let data = try Data(contentsOf: Self.fixtures.appendingPathComponent("0034-8910-rsp-48-2-0296.xml"))
        let document = try JATSReader().read(Array(data), file: "s.xml")
        #expect(document.text.contains("\n\nREFERENCES\n\n1 . Almeida CE, Vinhaes MC, Almeida JR, Silveira AC, Costa J. Monitoring the domiciliary"))
        #expect(document.text.components(separatedBy: "Monitoring the domiciliary and peridomiciliary").count - 1 == 1)
        let first = try #require(document.records.first { $0.id == "B1" })
        #expect(first.author?.count == 5)
        #expect(first.volume == "95")
    }

    @Test func jatsInANamespaceIsRefused() {
        let xml = #"<article xmlns="http://example.org/jats"><body><p>Metin</p></body></article>"#
        #expect(throws: FormatError.self) { try JATSReader().read(Array(xml.utf8), file: "n.xml") }
        #expect(throws: FormatError.self) { try TEIReader().read(Array(xml.utf8), file: "n.xml") }
    }
}
