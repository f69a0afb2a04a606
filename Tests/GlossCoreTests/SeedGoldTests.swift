import Foundation
import GlossCore
import Testing

/// The seed articles (the repository's own `sources/*.txt`) and the hand-checked gold set made on
/// them (`Tests/Fixtures/gold`): both in the repository, so these tests run on any clone.
enum SeedData {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static var seeds: URL { repository.appendingPathComponent("sources") }
    static var gold: URL { repository.appendingPathComponent("Tests/Fixtures/gold") }

    /// The seed texts by file stem, scanned under their stem.
    static func scans() throws -> [String: (SourceText, CitationScan)] {
        var result: [String: (SourceText, CitationScan)] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: seeds.path) where name.hasSuffix(".txt") {
            let stem = String(name.dropLast(4))
            let text = SourceText(try String(contentsOf: seeds.appendingPathComponent(name), encoding: .utf8))
            result[stem] = (text, CitationScanner.scan(text, source: try SourceID(derivingFrom: name)))
        }
        return result
    }

    static func jsonLines(_ name: String) throws -> [[String: Any]] {
        let text = try String(contentsOf: gold.appendingPathComponent(name), encoding: .utf8)
        return try text.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
    }

    static func stem(_ source: String) -> String { source.hasSuffix(".txt") ? String(source.dropLast(4)) : source }

    /// Field comparison as the team's citation scorer (score-citations) does it.
    static func normalized(_ value: Any?) -> String? {
        guard let value, !(value is NSNull) else { return nil }
        var s = "\(value)".precomposedStringWithCanonicalMapping
        s = s.replacingOccurrences(of: #"-\s*\n\s*"#, with: "-", options: .regularExpression)
        s = s.replacingOccurrences(of: "\u{2019}", with: "'").replacingOccurrences(of: "\u{2018}", with: "'")
        s = s.replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
        s = s.trimmingCharacters(in: .whitespaces).lowercased()
        return s.isEmpty ? nil : s
    }
}

@Suite("Seed articles against the gold set")
struct SeedGoldTests {
    struct Key: Hashable { var source: String; var start: Int; var end: Int }

    @Test func citationsMatchGold() throws {
        let scans = try SeedData.scans()
        var gold: [Key: [String: Any]] = [:]
        for row in try SeedData.jsonLines("citations.jsonl") {
            gold[Key(source: SeedData.stem(row["source"] as! String), start: row["start"] as! Int, end: row["end"] as! Int)] = row
        }
        var predicted: [Key: Citation] = [:]
        for (stem, (text, scan)) in scans {
            for citation in scan.citations {
                #expect(text.slice(citation.span) == citation.text)
                predicted[Key(source: stem, start: citation.span.start, end: citation.span.end)] = citation
            }
        }
        let hits = Set(gold.keys).intersection(predicted.keys)
        let precision = Double(hits.count) / Double(max(predicted.count, 1))
        let recall = Double(hits.count) / Double(max(gold.count, 1))
        let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        #expect(f1 >= 0.98, "span F1 \(f1); missed \(Set(gold.keys).subtracting(hits).map { gold[$0]!["text"]! }), spurious \(Set(predicted.keys).subtracting(hits).map { predicted[$0]!.text })")

        var right = 0
        var total = 0
        for key in hits {
            let goldItems = gold[key]!["items"] as! [[String: Any]]
            let items = predicted[key]!.items
            for (index, goldItem) in goldItems.enumerated() {
                let item = index < items.count ? items[index] : CitationItem()
                let fields: [(String, Any?)] = [("author", item.author), ("year", item.year), ("locator", item.locator), ("ref", item.ref)]
                for (name, value) in fields {
                    total += 1
                    let same = SeedData.normalized(goldItem[name]) == SeedData.normalized(value)
                    if same { right += 1 }
                    #expect(same, "\(key): \(name) \(String(describing: value)) ≠ gold \(String(describing: goldItem[name]))")
                }
            }
        }
        #expect(Double(right) / Double(max(total, 1)) >= 0.97)
    }

    @Test func reportsNoNearMiss() throws {
        let scans = try SeedData.scans()
        for row in try SeedData.jsonLines("near_misses.jsonl") {
            let stem = SeedData.stem(row["source"] as! String)
            let span = TextSpan(start: row["start"] as! Int, end: row["end"] as! Int)
            let reported = scans[stem]?.1.citations.filter { $0.span.overlaps(span) } ?? []
            #expect(reported.isEmpty, "near miss \(row["text"]!) reported as \(reported.map(\.text))")
        }
    }

    @Test func footnotesOfTheFootnoteArticle() throws {
        let scans = try SeedData.scans()
        let gold = try SeedData.jsonLines("footnotes.jsonl")
        let stem = "002_ccf2ee7b6882ff5b"
        let footnotes = try #require(scans[stem]).1.footnotes
        #expect(footnotes.map(\.number) == gold.map { $0["number"] as! Int })
        for (footnote, row) in zip(footnotes, gold) {
            let parts = (row["parts"] as? [[Int]])?.map { TextSpan(start: $0[0], end: $0[1]) }
                ?? [TextSpan(start: row["start"] as! Int, end: row["end"] as! Int)]
            #expect(footnote.parts == parts, "footnote \(footnote.number)")
            #expect(footnote.text == row["text"] as? String, "footnote \(footnote.number) text")
            #expect(footnote.isIbid == (row["is_ibid"] as! Bool), "footnote \(footnote.number) ibid")
            #expect(footnote.isShortForm == (row["is_short_form"] as! Bool), "footnote \(footnote.number) short form")
            #expect(footnote.marker != nil, "footnote \(footnote.number) has no marker")
        }
    }
}
