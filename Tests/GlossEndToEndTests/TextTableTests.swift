import Foundation
@testable import gloss
import Testing

/// `TextTable` pads as Foundation's `padding(toLength:withPad:startingAt:)` did: to a length in
/// UTF-16 units, cutting a text that is longer.
@Suite("Text table")
struct TextTableTests {
    @Test(arguments: ["", "ab", "Şuşa", "e\u{301}\u{301}x", "😀a", "👍🏽 ok", "Azerbaycan-Türkiye", "ИВАНОВ", "\u{1F1E6}\u{1F1E8}"])
    func padsAsFoundation(text: String) {
        for length in 0...12 {
            #expect(Array(TextTable.padded(text, to: length).unicodeScalars)
                    == Array(text.padding(toLength: length, withPad: " ", startingAt: 0).unicodeScalars), "\(text.debugDescription) to \(length)")
        }
    }

    @Test func rendersColumnsByCharacters() {
        let table = TextTable.render(header: ["ID", "TITLE"], rows: [["şuşa", "x"], ["a", "y"]])
        #expect(table == "ID    TITLE\nşuşa  x\na     y\n")
    }
}
