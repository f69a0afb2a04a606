import Foundation
@testable import GlossCore
import Testing

@Suite("Tabled scalar properties")
struct ScalarPropertiesTests {
    /// Every tabled scalar, and some beyond the table.
    static let scalars: [Unicode.Scalar] = (Array(0..<ScalarProperties.tabled) + ScalarProperties.punctuation).compactMap(Unicode.Scalar.init)
        + ["ẞ", "\u{212A}", "Ⅻ", "٣", "漢", "😀", "Ａ"]

    /// The table entry of a scalar, from its Unicode properties.
    static func entry(_ value: UInt32) -> UInt32 {
        let scalar = Unicode.Scalar(value)!
        let properties = scalar.properties
        let lowered = properties.lowercaseMapping.unicodeScalars
        var entry = (properties.isUppercase ? lowered.first ?? scalar : scalar).value
        if properties.isAlphabetic { entry |= ScalarProperties.alphabetic }
        if properties.isUppercase { entry |= ScalarProperties.uppercase }
        if properties.numericType != nil { entry |= ScalarProperties.numeric }
        if lowered.count == 1, lowered.first?.value == entry & ScalarProperties.lowerMask { entry |= ScalarProperties.lowersAlone }
        return entry
    }

    @Test func tableIsTheProperties() throws {
        let expected = (Array(0..<ScalarProperties.tabled) + ScalarProperties.punctuation).map(Self.entry)
        guard ScalarProperties.table != expected else { return }
        // Unicode data of another version: the table to paste into ScalarProperties+Table.swift.
        let rows = stride(from: 0, to: expected.count, by: 8).map { start in
            "        " + expected[start..<min(start + 8, expected.count)].map { value -> String in
                let hex = String(value, radix: 16, uppercase: true)
                return "0x" + String(repeating: "0", count: max(0, 8 - hex.count)) + hex
            }.joined(separator: ", ") + ","
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ScalarPropertiesTable.txt")
        try rows.joined(separator: "\n").write(to: path, atomically: true, encoding: .utf8)
        let first = expected.indices.first { $0 >= ScalarProperties.table.count || ScalarProperties.table[$0] != expected[$0] } ?? expected.count
        Issue.record("table entry \(first) differs from the Unicode properties; the table they give is in \(path.path)")
    }

    @Test func answersAsTheProperties() {
        for c in Self.scalars {
            let properties = c.properties
            #expect(ScalarProperties.isAlphabetic(c) == properties.isAlphabetic, "\(c.value)")
            #expect(ScalarProperties.isUppercase(c) == properties.isUppercase, "\(c.value)")
            #expect(ScalarProperties.isNumeric(c) == (properties.numericType != nil), "\(c.value)")
            let lower = properties.isUppercase ? properties.lowercaseMapping.unicodeScalars.first! : c
            #expect(ScalarProperties.lower(c) == lower, "\(c.value)")
            #expect(ScalarProperties.lowercased([c][...]) == String(c).lowercased(), "\(c.value)")
        }
    }

    @Test(arguments: ["Smith", "İSTANBUL", "ΣΟΦΙΑ", "ǅemal", "Ⱥȿ", "ИВАНОВ и др.", "Özdemir-Kantar’a", ""])
    func lowercasesWords(word: String) {
        #expect(ScalarProperties.lowercased(Array(word.unicodeScalars)[...]) == word.lowercased())
    }

    @Test func decodesAViewCutShort() {
        let raw = Array("(Şimşir, 2019".utf8)
        // The view ends between the two bytes of `ş`, which reads U+FFFD.
        let cut = raw.firstIndex(of: 0x9F)!
        let view = NormalizedText(utf8: raw, range: 0..<cut)
        var scalars: [Unicode.Scalar] = []
        view.forEachScalar { scalar, _ in scalars.append(scalar) }
        #expect(scalars.last == "\u{FFFD}")
        #expect(scalars == Array(view.string.unicodeScalars))
    }
}

@Suite("Footnote forms")
struct FootnoteFormsTests {
    @Test(arguments: [
        ("12 Age, s. 104.", true, false),
        ("49  Agk.", true, false),
        ("7 Agency reports, s. 3.", false, true),
        ("4 Yılmaz, Kafkasya Tarihi, s. 9.", false, true),
        ("5 Yılmaz, Kafkasya Tarihi, 2010, s. 9.", false, false),
        ("6 Reuters, Haber, HTTPS://reuters.com/a", false, false),
        ("8 Reuters, Haber, Www.reuters.com", false, false),
        ("9 yılmaz, Kafkasya Tarihi, s. 9.", false, false),
        ("10 Иванов, Указ. место, с. 4.", false, true),
    ])
    func readsForms(text: String, ibid: Bool, shortForm: Bool) {
        #expect(FootnoteForms.isIbid(text) == ibid)
        #expect(FootnoteForms.isShortForm(text) == shortForm)
    }
}
