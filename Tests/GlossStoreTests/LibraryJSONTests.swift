import Foundation
import Testing
import GlossCore
@testable import GlossStore

@Suite("Library JSON")
struct LibraryJSONTests {
    /// Records using every field, and strings that need escaping.
    static var records: [BibRecord] {
        var full = BibRecord(id: "məmmədov2003", type: "article-journal")
        full.author = [CSLName(family: "Məmmədov", given: "Əli"), CSLName(literal: "Anadolu Ajansı"),
                       CSLName(family: "King", given: "Martin Luther", suffix: "Jr."), CSLName()]
        full.editor = [CSLName(family: "O\"Brien \\ Co", given: "A/B")]
        full.title = "Tab\there, line\nbreak, return\r, bell\u{07}, escape\u{1B}, form\u{0C}, back\u{08}, del\u{7F} ə 😀"
        full.containerTitle = "Türk Dili"
        full.collectionTitle = "Seri"
        full.volume = "12"
        full.issue = "3"
        full.page = "1-20"
        full.issued = CSLDate(year: 2003, month: 5, day: 12)
        full.yearSuffix = "a"
        full.accessed = CSLDate(literal: "erişim 12.08.2023")
        full.publisher = "Yayınevi"
        full.publisherPlace = "Bakı"
        full.url = "https://example.org/a?b=c&d=%20"
        full.doi = "10.1000/xyz"
        full.language = "az"
        full.genre = "PhD thesis"
        full.note = ""
        var custom = BibRecord.Custom(provenance: [RecordProvenance(file: "refs.bib", line: 12),
                                                   RecordProvenance(source: try! SourceID("kaynak-1"), span: TextSpan(start: 3, end: 40))],
                                      stub: false, citedLocators: ["12", "s. 4"])
        var original = BibTeXOriginal(type: "article", fields: [.init(name: "title", value: "{T{\\\"u}rk}"), .init(name: "year", value: "2003")],
                                      strings: ["zeta": "{Z}", "Alpha": "{A}", "m10": "{10}", "m9": "{9}", "beta": "a # zeta"])
        original.preambles = ["\\newcommand{\\x}{y}"]
        custom.bibtex = original
        custom.rawText = "Məmmədov, Ə. (2003a). Türk Dili."
        custom.unparsed = true
        full.custom = custom

        var stub = BibRecord(id: "yuce2016", type: "document")
        stub.author = []
        stub.issued = CSLDate(year: 2016)
        stub.issued?.dateParts = [[2016], [2018, 2]]
        stub.custom = BibRecord.Custom(stub: true)
        var bare = BibRecord(id: "", type: "")
        bare.custom = BibRecord.Custom()
        bare.custom?.bibtex = BibTeXOriginal(type: "misc", fields: [], strings: [:])
        bare.custom?.bibtex?.preambles = []
        return [full, stub, bare, BibRecord(id: "plain", type: "book")]
    }

    /// The properties of `values` that none of them sets (an optional left nil in all).
    static func unset(_ values: [Any]) -> Set<String> {
        var names = Set<String>()
        var set = Set<String>()
        for value in values {
            for child in Mirror(reflecting: value).children {
                guard let label = child.label else { continue }
                names.insert(label)
                let inner = Mirror(reflecting: child.value)
                if inner.displayStyle != .optional || !inner.children.isEmpty { set.insert(label) }
            }
        }
        return names.subtracting(set)
    }

    /// The records above use every property of every type the file holds, so a property added to
    /// `BibRecord` (or what it holds) fails here until `LibraryJSON` writes and reads it.
    @Test func recordsUseEveryProperty() throws {
        let full = Self.records[0]
        let custom = try #require(full.custom)
        #expect(Self.unset([full]).isEmpty)
        #expect(Self.unset([custom]).isEmpty)
        #expect(Self.unset(full.author ?? []).isEmpty)
        #expect(Self.unset(custom.provenance ?? []).isEmpty)
        #expect(Self.unset([try #require(custom.bibtex)]).isEmpty)
        #expect(Self.unset([try #require(full.issued), try #require(full.accessed)]).isEmpty)
    }

    @Test func writesTheBytesOfJSONEncoder() throws {
        #expect(LibraryJSON.encode(Self.records) == (try StoredJSON.encode(Self.records)))
        #expect(LibraryJSON.encode([]) == (try StoredJSON.encode([BibRecord]())))
    }

    @Test func readsWhatJSONEncoderWrote() throws {
        let bytes = try StoredJSON.encode(Self.records)
        #expect(LibraryJSON.decode(bytes) == Self.records)
        #expect(LibraryJSON.decode(Array("[]".utf8)) == [])
    }

    @Test func readsEscapesAndOtherShapesAsJSONDecoderDoes() throws {
        let text = """
        [{"id":"a\\u0131\\ud83d\\ude00\\/","type":"book","title":null,"extra":{"x":[1,2.5,true]},"issued":{"date-parts":[[2020.0]]}},
         {"type" : "book", "id" : "b", "custom" : {"gloss-provenance" : [{"line" : 3}]}}]
        """
        let bytes = Array(text.utf8)
        let decoded = try #require(LibraryJSON.decode(bytes))
        #expect(decoded == (try JSONDecoder().decode([BibRecord].self, from: Data(bytes))))
        #expect(decoded.first?.id == "aı😀/")
        #expect(decoded.first?.issued?.year == 2020)
    }

    @Test(arguments: ["", "{}", "[", "[{\"id\":\"a\"}]", "[{\"id\":\"a\",\"type\":1}]", "[] x",
                      "[{\"id\":\"a\",\"type\":\"b\",\"custom\":{\"gloss-provenance\":[{\"span\":{\"start\":5,\"end\":2}}]}}]"])
    func leavesWhatIsNoLibraryToJSONDecoder(_ text: String) {
        #expect(LibraryJSON.decode(Array(text.utf8)) == nil)
        #expect((try? JSONDecoder().decode([BibRecord].self, from: Data(text.utf8))) == nil)
    }

    /// JSONDecoder reads a trailing comma; the hand-written reader leaves such a file to it.
    @Test func storeReadsWhatJSONDecoderReads() throws {
        let workspace = try TemporaryWorkspace()
        let store = LibraryStore(workspace.workspace)
        let text = "[{\"id\":\"a\",\"type\":\"b\",}]"
        try Data(text.utf8).write(to: store.fileURL)
        #expect(LibraryJSON.decode(Array(text.utf8)) == nil)
        #expect(try store.records() == (try JSONDecoder().decode([BibRecord].self, from: Data(text.utf8))))
    }

    @Test func storeWritesAndReadsIt() throws {
        let workspace = try TemporaryWorkspace()
        let store = LibraryStore(workspace.workspace)
        try store.update { $0 = Self.records }
        let written = Array(try Data(contentsOf: store.fileURL))
        #expect(written == (try StoredJSON.encode(Self.records.sorted { $0.id < $1.id })))
        #expect(try store.records() == Self.records.sorted { $0.id < $1.id })
    }
}
