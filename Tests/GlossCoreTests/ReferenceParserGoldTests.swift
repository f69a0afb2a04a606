import Foundation
import Testing
@testable import GlossCore

/// Field accuracy of the footnote parser against the 59 hand-parsed footnotes of seed 002.
@Suite("Reference parser against the gold footnotes")
struct ReferenceParserGoldTests {
    struct Score {
        var field: String
        var correct = 0
        var total = 0
        var misses: [String] = []
        var accuracy: Double { total == 0 ? 0 : Double(correct) / Double(total) }

        mutating func compare<T: Equatable>(_ number: Int, _ got: T, _ expected: T) {
            total += 1
            if got == expected { correct += 1 } else { misses.append("\(number): got \(got), expected \(expected)") }
        }
    }

    static func scores() throws -> [Score] {
        let gold = try GoldFootnote.all()
        var author = Score(field: "author"), title = Score(field: "title"), year = Score(field: "year")
        var pages = Score(field: "pages"), url = Score(field: "url")
        for footnote in gold {
            let entry = ReferenceParser.parse(footnote.text)
            let first = entry.references.first
            let record = first?.record
            author.compare(footnote.number, (record?.author ?? []).map(PersonNames.display), footnote.authors)
            title.compare(footnote.number, record?.title, footnote.title)
            year.compare(footnote.number, record?.issued?.year.map(String.init), footnote.year)
            pages.compare(footnote.number, first?.locator, footnote.pages)
            url.compare(footnote.number, record?.url, footnote.url)
        }
        return [author, title, year, pages, url]
    }

    /// The gold's six types as CSL types (theses and legal texts are subtypes there).
    static func goldType(_ type: String, _ record: BibRecord?) -> String {
        switch record?.type {
        case "thesis": return "book"
        case "legislation": return "web"
        case "article-journal": return "article"
        case "webpage": return "web"
        case "article-newspaper": return "news"
        default: return record?.type ?? ""
        }
    }

    @Test("secondary fields: editors, container, publisher, place, accessed, type (reported, ≥ 0.8)")
    func secondaryFields() throws {
        let gold = try GoldFootnote.all()
        var editors = Score(field: "editors"), container = Score(field: "container"), publisher = Score(field: "publisher")
        var place = Score(field: "place"), accessed = Score(field: "accessed"), type = Score(field: "type")
        let resolved = FootnoteChainResolver.resolve(gold.map { ReferenceParser.parse($0.text) })
        let records = FootnoteChainResolver.records(resolved)
        for footnote in gold {
            let reference = ReferenceParser.parse(footnote.text).references.first
            let record = reference?.record
            editors.compare(footnote.number, (record?.editor ?? []).map(PersonNames.display), footnote.editors)
            guard reference?.form == .full else {
                // Ibid and short forms take the type of the work they resolve to.
                type.compare(footnote.number, Self.goldType(footnote.type, records[ReferencePosition(entry: footnote.number, index: 0)]), footnote.type)
                continue
            }
            container.compare(footnote.number, record?.containerTitle, footnote.container)
            publisher.compare(footnote.number, record?.publisher, footnote.publisher)
            place.compare(footnote.number, record?.publisherPlace, footnote.place)
            let date = record?.accessed?.dateParts?.first.map { parts in
                parts.reversed().map { String(format: "%02d", $0) }.joined(separator: ".")
            }
            accessed.compare(footnote.number, date, footnote.accessed)
            type.compare(footnote.number, Self.goldType(footnote.type, record), footnote.type)
        }
        for score in [editors, container, publisher, place, accessed, type] {
            print("footnote field accuracy \(score.field): \(score.correct)/\(score.total) = \(score.accuracy)")
            for miss in score.misses { print("  \(score.field) \(miss)") }
            #expect(score.accuracy >= 0.8, "\(score.field): \(score.misses.joined(separator: "; "))")
        }
    }

    @Test("author, title, year, pages and url each ≥ 0.9")
    func fieldAccuracy() throws {
        for score in try Self.scores() {
            print("footnote field accuracy \(score.field): \(score.correct)/\(score.total) = \(score.accuracy)")
            for miss in score.misses { print("  \(score.field) \(miss)") }
            #expect(score.accuracy >= 0.9, "\(score.field): \(score.misses.joined(separator: "; "))")
        }
    }
}
