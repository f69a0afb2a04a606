import Foundation
import GlossCore
import Testing
@testable import GlossStore

@Suite("Annotation and library stores")
struct AnnotationStoreTests {
    struct Refused: Error {}

    @Test func aFailedChangeWritesNothing() throws {
        let temporary = try TemporaryWorkspace()
        let store = AnnotationStore(temporary.workspace)
        let id = try SourceID("paper")
        let citation = try CitationID(parsing: "paper:10-20")
        try store.update(id) { $0.rejectedCitations.append(citation) }
        #expect(throws: Refused.self) {
            try store.update(id) { annotations in
                annotations.rejectedCitations.removeAll()
                throw Refused()
            }
        }
        #expect(try store.annotations(for: id).rejectedCitations == [citation])
    }

    @Test func filesAreSortedAndStable() throws {
        let temporary = try TemporaryWorkspace()
        let store = AnnotationStore(temporary.workspace)
        let id = try SourceID("paper")
        try store.update(id) { annotations in
            annotations.rejectedCitations = [try CitationID(parsing: "paper:30-40"), try CitationID(parsing: "paper:10-20")]
        }
        let url = temporary.workspace.annotationsDirectory.appendingPathComponent("paper.json")
        let first = try Data(contentsOf: url)
        try store.update(id) { _ in }
        #expect(try Data(contentsOf: url) == first)
        #expect(try store.annotations(for: id).rejectedCitations.map(\.description) == ["paper:10-20", "paper:30-40"])
    }

    @Test func libraryRoundTripsAsCSLJSON() throws {
        let temporary = try TemporaryWorkspace()
        let library = LibraryStore(temporary.workspace)
        var record = BibRecord(id: "simsirAzerbaycan2011", type: "book")
        record.author = [CSLName(family: "Şimşir", given: "Bilal N.")]
        record.title = "Azerbaycan"
        record.publisherPlace = "Ankara"
        record.issued = CSLDate(year: 2011)
        try library.update { $0.append(record) }
        #expect(try library.records() == [record])
        let json = try String(contentsOf: library.fileURL, encoding: .utf8)
        #expect(json.contains("\"publisher-place\""))
        #expect(json.contains("\"date-parts\""))
    }
}
