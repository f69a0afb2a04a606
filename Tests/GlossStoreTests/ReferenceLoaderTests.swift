import Foundation
import Testing
import GlossCore
@testable import GlossStore

@Suite("Reference loader")
struct ReferenceLoaderTests {
    @Test func manualCitationsAndLinksReachTheReport() throws {
        let workspace = try TemporaryWorkspace()
        let path = try workspace.file("makale.txt", "Türkiye (Yüce, 2016: 7) önemlidir; Kafkas (Yüce 2016) da.\n")
        let source = try SourceStore(workspace.workspace).importFiles([path], id: nil, details: SourceDetails()).first!.id
        var yuce = BibRecord(id: "yuce2016", type: "article-journal")
        yuce.author = [CSLName(family: "Yüce", given: "Ahmet")]
        yuce.issued = CSLDate(year: 2016)
        try LibraryStore(workspace.workspace).add([yuce])
        // The scanner missed the second citation; a person added it by hand.
        let manual = Citation(source: source, span: TextSpan(start: 42, end: 53), text: "(Yüce 2016)", kind: .parenthetical,
                              items: [CitationItem(author: "Yüce", year: "2016")])
        try AnnotationStore(workspace.workspace).update(source) { $0.manualCitations.append(manual) }
        let detected = Citation(source: source, span: TextSpan(start: 8, end: 23), text: "(Yüce, 2016: 7)", kind: .parenthetical,
                                items: [CitationItem(author: "Yüce", year: "2016", locator: "7")])
        let (loaded, library) = try ReferenceLoader(workspace.workspace).load([]) { _, _ in CitationScan(citations: [detected], footnotes: []) }
        #expect(loaded.count == 1)
        let record = try #require(loaded[0].references.records.first)
        #expect(record.record.id == "yuce2016")
        #expect(record.origin == .library)
        #expect(record.citations.map(\.citation.span.start) == [8, 42])
        let works = ReferenceLoader.works(loaded, library: library)
        #expect(works.map(\.id) == ["yuce2016"])
        #expect(works.first?.citations.count == 2)
        #expect(loaded[0].citations.map(\.span.start) == [8, 42])
    }
}
