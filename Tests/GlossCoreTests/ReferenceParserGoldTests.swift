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

    static func scores() -> [Score]? {
        guard let gold = GoldFootnote.all else { return nil }
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

    @Test("author, title, year, pages and url each ≥ 0.9")
    func fieldAccuracy() throws {
        guard let scores = Self.scores() else {
            print("skipped: ../shared/gold/footnotes.jsonl is not beside the repository")
            return
        }
        for score in scores {
            print("footnote field accuracy \(score.field): \(score.correct)/\(score.total) = \(score.accuracy)")
            for miss in score.misses { print("  \(score.field) \(miss)") }
            #expect(score.accuracy >= 0.9, "\(score.field): \(score.misses.joined(separator: "; "))")
        }
    }
}
