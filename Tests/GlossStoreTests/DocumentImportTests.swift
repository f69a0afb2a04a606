import Foundation
import GlossCore
import GlossStore
import Testing

@Suite struct DocumentImportTests {
    @Test func extractedTextBecomesASource() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-docimport-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let (workspace, _) = try Workspace.create(at: root)
        let store = SourceStore(workspace)
        let metadata = try store.importExtractedText("Giriş\n\nMetin (A, 2020).", from: "/x/Paper One.tei.xml", id: nil,
                                                     details: SourceDetails(title: "T", languages: ["tr"]))
        #expect(metadata.id.rawValue == "paper-one")
        #expect(metadata.importedFrom == "Paper One.tei.xml")
        #expect(try store.text(of: metadata.id) == "Giriş\n\nMetin (A, 2020).")
        #expect(throws: StoreError.sourceExists(metadata.id)) {
            try store.importExtractedText("x", from: "paper-one.xml", id: nil, details: SourceDetails())
        }
    }
}
