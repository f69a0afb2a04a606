import Foundation
@testable import GlossCore
import Testing

/// The year pattern once matched with `NSRegularExpression`, now Swift `Regex` on scalars. (The
/// list-entry opening pattern gave way to `EntryOpening`, tested with the segmenter.)
@Suite("Author-year patterns")
struct AuthorYearPatternTests {
    static func cases() -> [String] {
        var lines = [
            "Smith (2019). Title.", "Smith, J. (2019)", "Yılmaz (2019a) Kafkasya", "Anon (n.d.) x", "Ахмедов (t.y.) с.", "(2019) x",
            String(repeating: "a", count: 59) + " (2019)", String(repeating: "a", count: 60) + "(2019)", String(repeating: "a", count: 61) + "(2019)",
            String(repeating: "ş", count: 60) + "(2019)", String(repeating: "e\u{301}", count: 30) + "(2019)", String(repeating: "e\u{301}", count: 31) + "(2019)",
            String(repeating: "😀", count: 60) + "(2019)", "Ali (٢٠١٩)", "Ali (２０１９)", "Ali (2019ab)", "Ali (2019A)", "Ali\n(2019)", "Ali (201)",
            "Ali (2019\u{301})", "Ali (20194)", "", "no year here", "in 2019 and 1999", "born ١٩٩٠", "x12345", "12\u{301}34", "year २०२०",
        ]
        if let names = try? FileManager.default.contentsOfDirectory(atPath: SeedData.seeds.path) {
            for name in names where name.hasSuffix(".txt") {
                let text = (try? String(contentsOf: SeedData.seeds.appendingPathComponent(name), encoding: .utf8)) ?? ""
                lines += text.split(separator: "\n").map(String.init)
            }
        }
        return lines
    }

    @Test func matchesAsNSRegularExpression() {
        for line in Self.cases() {
            let ours = CitedYear.firstFourDigits(in: line)
            let theirs = line.range(of: #"\d{4}"#, options: .regularExpression)
            #expect(ours.map { line.unicodeScalars.distance(from: line.startIndex, to: $0.lowerBound) }
                    == theirs.map { line.unicodeScalars.distance(from: line.startIndex, to: $0.lowerBound) }, "\(line.debugDescription)")
            #expect(ours.map { line.unicodeScalars.distance(from: line.startIndex, to: $0.upperBound) }
                    == theirs.map { line.unicodeScalars.distance(from: line.startIndex, to: $0.upperBound) }, "\(line.debugDescription)")
        }
    }
}
