import Foundation
import GlossCore
import Testing
@testable import GlossStore

@Suite("Importing structured documents")
struct DocumentImportTests {
    private func document() throws -> ExtractedDocument {
        var record = BibRecord(id: "b0", type: "book")
        record.title = "Azerbaycan"
        record.author = [CSLName(family: "Şimşir", given: "Bilal N.")]
        record.issued = CSLDate(year: 2011)
        let text = "Bağımsızlık tanındı (Şimşir, 2011: 33).\n"
        return ExtractedDocument(
            text: text, details: SourceDetails(title: "Deneme"),
            citations: [.init(span: TextSpan(start: 20, end: 38), text: "(Şimşir, 2011: 33)", kind: .parenthetical, recordKeys: ["b0"])],
            records: [record])
    }

    @Test func citationsRecordsAndLinksLand() throws {
        let temporary = try TemporaryWorkspace()
        let summary = try SourceStore(temporary.workspace).importDocument(try document(), from: "deneme.tei.xml", id: nil)
        #expect(summary.metadata.id.rawValue == "deneme")
        let library = try LibraryStore(temporary.workspace).records()
        #expect(library.map(\.id) == ["simsirAzerbaycan2011"])
        let annotations = try AnnotationStore(temporary.workspace).annotations(for: summary.metadata.id)
        #expect(annotations.manualCitations.first?.items == [CitationItem(author: "Şimşir", year: "2011", locator: "33")])
        #expect(annotations.links.map(\.record) == ["simsirAzerbaycan2011"])
    }

    @Test func aFailureHalfwayLeavesTheWorkspaceAsItWas() throws {
        let temporary = try TemporaryWorkspace()
        // Something in the way of the annotations file makes the last step fail.
        let blocker = temporary.workspace.annotationsDirectory.appendingPathComponent("deneme.json")
        try FileManager.default.createDirectory(at: blocker, withIntermediateDirectories: true)
        #expect(throws: StoreError.self) {
            try SourceStore(temporary.workspace).importDocument(try document(), from: "deneme.tei.xml", id: nil)
        }
        #expect(try temporary.listing("sources").isEmpty)
        #expect(try temporary.listing("annotations") == ["deneme.json"])
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: blocker.path, isDirectory: &isDirectory) && isDirectory.boolValue)
    }
}
