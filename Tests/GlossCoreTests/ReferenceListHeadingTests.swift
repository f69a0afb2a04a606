@testable import GlossCore
import Testing

@Suite("Reference-list headings")
struct ReferenceListHeadingTests {
    /// The spellings, built the plain way, on `Character`s: what the byte-level table must hold.
    @Test func spellingsAreEveryCaseOfEveryHeading() {
        var expected = Set<[UInt8]>()
        for heading in ReferenceListHeading.headings {
            let title = heading.prefix(1).uppercased() + heading.dropFirst()
            let titleWords = heading.split(separator: " ").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
            var forms = [heading, title, titleWords, heading.uppercased()]
            forms += forms.map { String($0.map { $0 == "I" ? "İ" : $0 }) }
            if heading.hasPrefix("i") { forms.append("İ" + heading.dropFirst()) }
            for form in forms { expected.insert(Array(form.utf8)) }
        }
        #expect(ReferenceListHeading.spellings == expected)
        #expect(ReferenceListHeading.spellings.contains(Array("İSTİFADƏ EDİLMİŞ ƏDƏBİYYAT".utf8)))
        #expect(ReferenceListHeading.spellings.contains(Array("İstinadlar".utf8)))
        #expect(ReferenceListHeading.spellings.contains(Array("YARARLANILAN KAYNAKLAR".utf8)))
        #expect(ReferenceListHeading.spellings.contains(Array("Works Cited".utf8)))
    }

    @Test(arguments: [
        ("Kaynakça", true), ("KAYNAKÇA", true), ("7. References:", true), ("  Литература", true),
        ("İSTİFADƏ EDİLMİŞ ƏDƏBİYYAT", true), ("Список литературы", true), ("Works Cited", true), ("Literature Cited", true),
        ("Kaynak: https://data.worldbank.org/indicator", false), ("Referenced works are listed below.", false),
        ("kaynakçalar", false),
    ])
    func matchesHeadingLinesOnly(line: String, isHeading: Bool) {
        let bytes = Array(line.utf8)
        let matched = bytes.withUnsafeBufferPointer { ReferenceListHeading.matcher.matches($0, line: 0..<$0.count) }
        #expect(matched == isHeading)
    }

    /// The last heading of texts of random lines (headings with numbering, indentation, final
    /// colons and spaces, near misses, running text, blank lines) is the last line `matches` accepts:
    /// the C loop's filters (length, first two bytes, the spelling after the numbering and its
    /// length) let every heading through.
    @Test func lastHeadingIsTheLastLineThatMatches() {
        let lines = ["Kaynakça", "7. Kaynakça:", "  References  ", "1.2\tBibliography :", "KAYNAKLAR", "İstinadlar", "Литература",
                     "3. Список литературы", "Ədəbiyyat siyahısı:", "Kaynakçası", "7. Kaynak", "Kaynakça ve notlar", "References cited",
                     "12 Literature", "Bir kaynakça değil.", "Kafkasya’da (Kaya, 2020) bir çalışma yapıldı ve sürdü.", "", "", "1", "Ka",
                     "Bibliography\r", "   ", "2020", "Is", "Кавказ", "Библиография:", "2. ƏDƏBİYYAT:", "Библиография  "]
        var generator = SplitMix64(state: 11)
        for round in 0..<400 {
            let text = (0..<Int.random(in: 1...30, using: &generator)).map { _ in lines.randomElement(using: &generator)! }
                .joined(separator: "\n") + (round % 2 == 0 ? "\n" : "")
            let bytes = Array(text.utf8)
            guard !bytes.isEmpty else { continue }
            let feeds = bytes.indices.filter { bytes[$0] == 0x0A }
            bytes.withUnsafeBufferPointer { buffer in
                var expected: Int?
                var start = 0
                for end in feeds + [bytes.count] {
                    if ReferenceListHeading.matcher.matches(buffer, line: start..<end) { expected = start }
                    start = end + 1
                }
                let found = feeds.withUnsafeBufferPointer { ReferenceListHeading.matcher.lastHeading(buffer, lineFeeds: $0) }
                #expect(found == expected, "\(text.debugDescription)")
            }
        }
    }
}
