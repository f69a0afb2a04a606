@testable import GlossCore
import Testing

@Suite("Reference-list headings")
struct ReferenceListHeadingTests {
    /// The spellings, built the plain way, on `Character`s: what the byte-level table must hold.
    @Test func spellingsAreEveryCaseOfEveryHeading() {
        var expected = Set<[UInt8]>()
        for heading in ReferenceListHeading.headings {
            let title = heading.prefix(1).uppercased() + heading.dropFirst()
            var forms = [heading, title, heading.uppercased()]
            forms += forms.map { String($0.map { $0 == "I" ? "İ" : $0 }) }
            if heading.hasPrefix("i") { forms.append("İ" + heading.dropFirst()) }
            for form in forms { expected.insert(Array(form.utf8)) }
        }
        #expect(ReferenceListHeading.spellings == expected)
        #expect(ReferenceListHeading.spellings.contains(Array("İSTİFADƏ EDİLMİŞ ƏDƏBİYYAT".utf8)))
        #expect(ReferenceListHeading.spellings.contains(Array("İstinadlar".utf8)))
        #expect(ReferenceListHeading.spellings.contains(Array("YARARLANILAN KAYNAKLAR".utf8)))
    }

    @Test(arguments: [
        ("Kaynakça", true), ("KAYNAKÇA", true), ("7. References:", true), ("  Литература", true),
        ("İSTİFADƏ EDİLMİŞ ƏDƏBİYYAT", true), ("Список литературы", true),
        ("Kaynak: https://data.worldbank.org/indicator", false), ("Referenced works are listed below.", false),
        ("kaynakçalar", false),
    ])
    func matchesHeadingLinesOnly(line: String, isHeading: Bool) {
        let bytes = Array(line.utf8)
        let matched = bytes.withUnsafeBufferPointer { ReferenceListHeading.matcher.matches($0, line: 0..<$0.count) }
        #expect(matched == isHeading)
    }
}
