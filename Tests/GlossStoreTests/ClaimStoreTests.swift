import Foundation
import GlossCore
import Testing
@testable import GlossStore

@Suite("Claim store")
struct ClaimStoreTests {
    static let text = """
    Azərbaycan Respublikası 1991-ci ildə müstəqilliyini bərpa etdi (Mustafazade, 2004:21-25). \n\nİki ölkə arasındaki \
    ilişkiler “Bir millet iki devlet” anlayışına dayanır (Zeytinci, 2025:3).\n\nЭкономическое сотрудничество \
    развивалось [12, с. 45].\n
    """

    func workspaceWithSource() throws -> (TemporaryWorkspace, ClaimStore) {
        let temporary = try TemporaryWorkspace()
        _ = try SourceStore(temporary.workspace).importFiles([try temporary.file("paper.txt", Self.text)], id: "paper", details: SourceDetails())
        return (temporary, ClaimStore(temporary.workspace))
    }

    /// The span of `quote` in the text, as `START-END`.
    static func span(_ quote: String) throws -> String {
        let span = try QuoteMatcher(SourceText(text)).span(of: quote)
        return "\(span.start)-\(span.end)"
    }

    @Test func addStoresSelectorsTagsNoteAndCitations() throws {
        let (temporary, store) = try workspaceWithSource()
        let source = SourceText(Self.text)
        let citation = try QuoteMatcher(source).span(of: "(Zeytinci, 2025:3)")
        let claim = try store.add(to: "paper", at: .quote("“Bir millet iki devlet” anlayışına dayanır", occurrence: nil),
                                  citations: ["\(citation.start)-\(citation.end)"], tags: ["diplomacy", "diplomacy"], note: "slogan")
        #expect(source.slice(claim.position) == claim.quote.exact)
        #expect(claim.tags == ["diplomacy"])
        #expect(claim.citations == [CitationID(source: try SourceID("paper"), span: citation)])
        #expect(claim.revision == (try SourceStore(temporary.workspace).metadata(for: SourceID("paper")).sha256))
        #expect(try store.claim(claim.id) == claim)
        let json = try String(contentsOf: temporary.workspace.annotationsDirectory.appendingPathComponent("paper.json"), encoding: .utf8)
        #expect(json.contains("\"purpose\" : \"tagging\""))
        #expect(json.contains("\"purpose\" : \"commenting\""))
    }

    @Test func claimsStayInPositionOrder() throws {
        let (temporary, store) = try workspaceWithSource()
        let late = try store.add(to: "paper", at: .quote("Экономическое сотрудничество", occurrence: nil))
        let early = try store.add(to: "paper", at: .span(TextSpan(start: 0, end: 10)))
        #expect(try store.list(source: "paper").map(\.id) == [early.id, late.id])
        let url = temporary.workspace.annotationsDirectory.appendingPathComponent("paper.json")
        let before = try Data(contentsOf: url)
        _ = try store.edit(late.id, ClaimChange())
        _ = try store.list()
        #expect(try String(decoding: Data(contentsOf: url), as: UTF8.self).components(separatedBy: "\n").count
            == String(decoding: before, as: UTF8.self).components(separatedBy: "\n").count)
    }

    @Test func badInputWritesNothing() throws {
        let (temporary, store) = try workspaceWithSource()
        #expect(throws: (any Error).self) { try store.add(to: "paper", at: .quote("yok böyle bir cümle burada", occurrence: nil)) }
        #expect(throws: TextSpanError.self) { try store.add(to: "paper", at: .span(TextSpan(start: 5, end: 100_000))) }
        #expect(throws: ClaimError.self) { try store.add(to: "paper", at: .span(TextSpan(start: 5, end: 5))) }
        #expect(throws: ClaimError.self) { try store.add(to: "paper", at: .span(TextSpan(start: 0, end: 5)), citations: ["other:1-2"]) }
        #expect(throws: CitationIDError.self) { try store.add(to: "paper", at: .span(TextSpan(start: 0, end: 5)), citations: ["nearby"]) }
        // A span that is no citation is refused, naming the nearest one.
        let zeytinci = try Self.span("(Zeytinci, 2025:3)")
        #expect(throws: ClaimError.notACitation(try CitationID(parsing: "paper:0-5"),
                                                nearest: "paper:\(try Self.span("(Mustafazade, 2004:21-25)")) \"(Mustafazade, 2004:21-25)\"")) {
            try store.add(to: "paper", at: .span(TextSpan(start: 0, end: 5)), citations: ["0-5"])
        }
        #expect(throws: ClaimError.self) { try store.add(to: "paper", at: .span(TextSpan(start: 0, end: 5)), citations: [zeytinci, "1-2"]) }
        #expect(throws: StoreError.self) { try store.add(to: "nope", at: .span(TextSpan(start: 0, end: 5))) }
        #expect(!FileManager.default.fileExists(atPath: temporary.workspace.annotationsDirectory.appendingPathComponent("paper.json").path))
    }

    @Test func editAndRemove() throws {
        let (temporary, store) = try workspaceWithSource()
        defer { withExtendedLifetime(temporary) {} }
        let first = try Self.span("(Mustafazade, 2004:21-25)"), second = try Self.span("[12, с. 45]")
        let claim = try store.add(to: "paper", at: .span(TextSpan(start: 0, end: 10)), citations: [first], tags: ["historical"])
        var change = ClaimChange()
        change.addTags = ["energy"]
        change.removeTags = ["historical"]
        change.note = .some("yeni not")
        change.addCitations = ["paper:\(second)"]
        change.removeCitations = [first]
        change.place = .quote("Экономическое сотрудничество развивалось", occurrence: nil)
        let edited = try store.edit(claim.id, change)
        #expect(edited.id == claim.id)
        #expect(edited.tags == ["energy"])
        #expect(edited.note == "yeni not")
        #expect(edited.citations.map(\.description) == ["paper:\(second)"])
        var citeText = ClaimChange()
        citeText.addCitations = ["0-10"]
        #expect(throws: ClaimError.self) { try store.edit(claim.id, citeText) }
        #expect(edited.quote.exact == "Экономическое сотрудничество \nразвивалось" || edited.quote.exact.hasPrefix("Экономическое"))
        var unlinkMissing = ClaimChange()
        unlinkMissing.removeCitations = ["1-2"]
        #expect(throws: ClaimError.self) { try store.edit(claim.id, unlinkMissing) }
        #expect(throws: ClaimError.self) { try store.remove([claim.id, "c000000"]) }
        #expect(try store.all().count == 1)
        try store.remove([claim.id])
        #expect(try store.all().isEmpty)
        #expect(throws: ClaimError.unknownClaim(claim.id)) { try store.claim(claim.id) }
    }

    @Test func listFiltersByTagAndCitedWork() throws {
        let (temporary, store) = try workspaceWithSource()
        let first = try Self.span("(Mustafazade, 2004:21-25)")
        let a = try store.add(to: "paper", at: .span(TextSpan(start: 0, end: 10)), citations: [first], tags: ["energy"])
        _ = try store.add(to: "paper", at: .span(TextSpan(start: 40, end: 50)), citations: [try Self.span("(Zeytinci, 2025:3)")], tags: ["military"])
        try LibraryStore(temporary.workspace).update { $0.append(BibRecord(id: "mustafazade2004", type: "book")) }
        try AnnotationStore(temporary.workspace).update(SourceID("paper")) { file in
            file.links.append(CitationLink(citation: try CitationID(parsing: "paper:\(first)"), record: "mustafazade2004"))
        }
        #expect(try store.list(tag: "energy").map(\.id) == [a.id])
        #expect(try store.list(citedWork: "mustafazade2004").map(\.id) == [a.id])
        #expect(throws: ClaimError.unknownRecord("nobody")) { try store.list(citedWork: "nobody") }
    }

    @Test func carryOverOnRevisionNeverDropsClaims() throws {
        let (temporary, store) = try workspaceWithSource()
        let kept = try store.add(to: "paper", at: .quote("Azərbaycan Respublikası 1991-ci ildə", occurrence: nil))
        let moved = try store.add(to: "paper", at: .quote("Экономическое сотрудничество развивалось", occurrence: nil))
        let gone = try store.add(to: "paper", at: .quote("“Bir millet iki devlet” anlayışına dayanır", occurrence: nil))
        let revised = Self.text
            .replacingOccurrences(of: "İki ölkə arasındaki ilişkiler “Bir millet iki devlet” anlayışına dayanır (Zeytinci, 2025:3).", with: "Yeni bir paragraf.")
        let paper = try SourceID("paper")
        let citation = try QuoteMatcher(SourceText(Self.text)).span(of: "[12, с. 45]")
        try AnnotationStore(temporary.workspace).update(paper) { file in
            file.links.append(CitationLink(citation: CitationID(source: paper, span: citation), record: "gost12"))
        }
        let path = try temporary.file("paper-v2.txt", revised)
        #expect(try SourceStore(temporary.workspace).reviseFile("paper", path: path) != nil)
        let summary = try store.carryOver(paper)
        // The link follows its citation to the new revision.
        let link = try #require(try AnnotationStore(temporary.workspace).annotations(for: paper).links.first)
        #expect(SourceText(revised).slice(link.citation.span) == "[12, с. 45]")
        #expect(summary.kept == [kept.id])
        #expect(summary.moved == [moved.id])
        #expect(summary.orphaned == [gone.id])
        #expect(try store.all().count == 3)
        // Running it again finds nothing left to carry.
        #expect(try store.carryOver(try SourceID("paper")).total == 0)
        let current = try SourceStore(temporary.workspace).metadata(for: SourceID("paper")).sha256
        #expect(try store.all().allSatisfy { $0.revision == current })
        #expect(try AnnotationStore(temporary.workspace).annotations(for: paper).links.first == link)
    }

    /// A process killed after storing a revision, before carrying the citation decisions over:
    /// they are carried when next read, and by the next change, never left on the old spans.
    @Test func citationDecisionsOfAKilledRevisionAreCarriedLater() throws {
        let (temporary, _) = try workspaceWithSource()
        let paper = try SourceID("paper")
        let citation = try QuoteMatcher(SourceText(Self.text)).span(of: "[12, с. 45]")
        let annotations = AnnotationStore(temporary.workspace)
        try annotations.update(paper) { file in
            file.links.append(CitationLink(citation: CitationID(source: paper, span: citation), record: "gost12"))
            file.rejectedCitations.append(CitationID(source: paper, span: citation))
        }
        // As a file written before `citationsRevision` was kept.
        let file = temporary.workspace.annotationsDirectory.appendingPathComponent("paper.json")
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        #expect(object.removeValue(forKey: "citationsRevision") != nil)
        try JSONSerialization.data(withJSONObject: object).write(to: file)
        let revised = "Önce yeni bir cümle gelir.\n" + Self.text
        let path = try temporary.file("paper-v2.txt", revised)
        #expect(try SourceStore(temporary.workspace).reviseFile("paper", path: path) != nil)
        // No carry-over ran (the process died here).
        let read = try annotations.annotations(for: paper)
        #expect(read.links.count == 1)
        #expect(SourceText(revised).slice(try #require(read.links.first).citation.span) == "[12, с. 45]")
        #expect(SourceText(revised).slice(try #require(read.rejectedCitations.first).span) == "[12, с. 45]")
        // An unrelated change writes them carried, once.
        try annotations.update(paper) { $0.acceptedFindings = [] }
        try ClaimStore(temporary.workspace).carryOver(paper)
        let written = try annotations.annotations(for: paper)
        #expect(written.links == read.links)
        #expect(written.citationsRevision == (try SourceStore(temporary.workspace).metadata(for: paper).sha256))
    }
}

@Suite("Claim suggestions in the store")
struct ClaimSuggestionStoreTests {
    /// Citations as the scanner reports them, made by hand from their text.
    func detected(_ texts: [String], in text: String) throws -> [Citation] {
        let source = SourceText(text)
        return try texts.map { cited in
            let span = try QuoteMatcher(source).span(of: cited)
            return Citation(source: try SourceID("paper"), span: span, text: source.slice(span), kind: .parenthetical, items: [])
        }
    }

    @Test func suggestAcceptAndCiteNearest() throws {
        let temporary = try TemporaryWorkspace()
        let store = ClaimStore(temporary.workspace)
        _ = try SourceStore(temporary.workspace).importFiles([try temporary.file("paper.txt", ClaimStoreTests.text)], id: "paper", details: SourceDetails())
        let citations = try detected(["(Mustafazade, 2004:21-25)", "(Zeytinci, 2025:3)", "[12, с. 45]"], in: ClaimStoreTests.text)
        // --cite nearest picks the citation that ends the sentence.
        let claim = try store.add(to: "paper", at: .quote("“Bir millet iki devlet”", occurrence: nil), citations: [ClaimStore.nearest])
        #expect(claim.citations == [citations[1].id])
        // The sentence already claimed is not suggested again.
        let suggestions = try store.suggest(for: "paper", detected: citations)
        #expect(suggestions.map(\.citations) == [[citations[0].id], [citations[2].id]])
        let accepted = try store.accept(suggestions, for: "paper", tags: ["suggested"])
        #expect(accepted.count == 2)
        #expect(try store.all().count == 3)
        #expect(try store.suggest(for: "paper", detected: citations).isEmpty)
        #expect(try store.accept(suggestions, for: "paper").isEmpty)
    }
}
