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

@Suite("Import journal")
struct ImportJournalTests {
    /// What a kill -9 between the import's writes leaves: the library, annotations and text
    /// written, no sidecar. The next command puts the workspace back as it was.
    @Test(arguments: [0, 1, 2, 3])
    func anImportKilledBeforeItsSidecarIsRolledBack(writesDone: Int) throws {
        let temporary = try TemporaryWorkspace()
        let workspace = temporary.workspace
        var held = BibRecord(id: "held2020", type: "book")
        held.title = "Kept"
        try LibraryStore(workspace).update { $0 = [held] }
        let libraryBefore = try Data(contentsOf: LibraryStore(workspace).fileURL)
        let id = try SourceID("deneme")

        try ImportJournal(workspace).begin(id)
        if writesDone >= 1 { try AtomicFile.write(Array("[]".utf8), to: LibraryStore(workspace).fileURL) }
        if writesDone >= 2 { try AnnotationStore(workspace).write(SourceAnnotations(source: id)) }
        if writesDone >= 3 {
            try AtomicFile.write(Array("half".utf8), to: workspace.sourcesDirectory.appendingPathComponent("deneme.txt"))
        }
        #expect(ImportJournal(workspace).isPending)

        // The next command to take the lock rolls the import back.
        try WorkspaceLock.withLock(workspace) {}
        #expect(!ImportJournal(workspace).isPending)
        #expect(try Data(contentsOf: LibraryStore(workspace).fileURL) == libraryBefore)
        #expect(try temporary.listing("sources").isEmpty)
        #expect(try temporary.listing("annotations") == ["library.json"])
        #expect(try temporary.listing(".gloss-cache").filter { $0.hasPrefix("import") }.isEmpty)
        // The same import then goes through.
        let summary = try SourceStore(workspace).importDocument(
            ExtractedDocument(text: "Metin.", details: SourceDetails(), citations: [], records: []), from: "deneme.xml", id: nil)
        #expect(summary.metadata.id == id)
    }

    @Test func aCommittedImportLeavesNoJournal() throws {
        let temporary = try TemporaryWorkspace()
        _ = try SourceStore(temporary.workspace).importDocument(
            ExtractedDocument(text: "Metin.", details: SourceDetails(), citations: [], records: []), from: "deneme.xml", id: nil)
        #expect(!ImportJournal(temporary.workspace).isPending)
        #expect(try temporary.listing(".gloss-cache").filter { $0.hasPrefix("import") }.isEmpty)
        try WorkspaceLock.withLock(temporary.workspace) {}
        #expect(try temporary.listing("sources") == ["deneme.json", "deneme.txt"])
    }
}
